// Package server is the service's HTTP API: the business routes, the
// probes and the metrics.
package server

import (
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Server holds what the handlers share.
type Server struct {
	logger          *slog.Logger
	registry        *prometheus.Registry
	requestDuration *prometheus.HistogramVec
	shuttingDown    atomic.Bool
}

// New returns a server whose metrics carry service=serviceName.
func New(serviceName string, logger *slog.Logger) *Server {
	registry, requestDuration := newMetrics(serviceName)
	return &Server{logger: logger, registry: registry, requestDuration: requestDuration}
}

// MarkShuttingDown makes /readyz answer 503, so that load balancers stop
// sending traffic.
func (s *Server) MarkShuttingDown() {
	s.shuttingDown.Store(true)
}

// Handler routes requests. Probes and metrics are neither measured nor
// logged: kubelet and Prometheus call them every few seconds, and counting
// them would inflate availability and hide slow requests in the SLOs.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, status{Status: "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if s.shuttingDown.Load() {
			writeJSON(w, http.StatusServiceUnavailable, status{Status: "shutting down"})
			return
		}
		writeJSON(w, http.StatusOK, status{Status: "ready"})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(s.logger.Handler(), slog.LevelError),
	}))

	mux.Handle("GET /v1/hello", s.instrument("/v1/hello", http.HandlerFunc(hello)))
	mux.Handle("/", s.instrument("unmatched", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, http.StatusNotFound, r.Method+" "+r.URL.Path+" does not exist")
	})))
	return mux
}

type status struct {
	Status string `json:"status"`
}
