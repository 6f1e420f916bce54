package server

import (
	"errors"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"
)

// instrument measures and logs each request under its route template (not
// the raw path, which would make a series per URL), and answers a panic
// with a 500 problem instead of a dropped connection.
func (s *Server) instrument(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		recorder := &statusRecorder{ResponseWriter: w}
		defer func() {
			if failure := recover(); failure != nil {
				if err, ok := failure.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(failure)
				}
				s.logger.Error("request failed", "panic", failure, "stack", string(debug.Stack()))
				if recorder.status == 0 {
					writeProblem(recorder, http.StatusInternalServerError, "")
				}
			}
			status := recorder.status
			if status == 0 {
				status = http.StatusOK
			}
			elapsed := time.Since(start)
			s.requestDuration.WithLabelValues(r.Method, route, strconv.Itoa(status)).Observe(elapsed.Seconds())
			s.logger.Info("request completed",
				"method", r.Method,
				"route", route,
				"status", status,
				"durationMs", float64(elapsed.Microseconds())/1000,
			)
		}()
		next.ServeHTTP(recorder, r)
	})
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(body []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(body)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}
