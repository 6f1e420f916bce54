package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// latencyBuckets are the request histogram's buckets in seconds. The
// platform's health page and SLO queries read http_server_requests_seconds
// with exactly these buckets: 0.25 is the latency objective's threshold
// (99% < 250ms), so it must stay a boundary.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// newMetrics registers the request histogram and the Go client's process
// and runtime collectors in a registry of their own (not the global one),
// so that each server, in tests too, counts only its own requests. Every
// series carries `service`: the catalog's prometheus-selector selects on it.
func newMetrics(serviceName string) (*prometheus.Registry, *prometheus.HistogramVec) {
	registry := prometheus.NewRegistry()
	registerer := prometheus.WrapRegistererWith(prometheus.Labels{"service": serviceName}, registry)
	requestDuration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "http_server_requests_seconds",
		Help:    "Duration of HTTP requests, by route template and status code",
		Buckets: latencyBuckets,
	}, []string{"method", "route", "status"})
	registerer.MustRegister(
		requestDuration,
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewGoCollector(),
	)
	return registry, requestDuration
}
