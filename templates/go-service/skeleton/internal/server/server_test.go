package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func newTestServer() *Server {
	return New("test-service", slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func get(t *testing.T, handler http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	response := httptest.NewRecorder()
	handler.ServeHTTP(response, httptest.NewRequest(http.MethodGet, target, nil))
	return response
}

func TestIsAliveAndReady(t *testing.T) {
	handler := newTestServer().Handler()
	for _, target := range []string{"/healthz", "/readyz"} {
		if code := get(t, handler, target).Code; code != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", target, code)
		}
	}
}

func TestIsNotReadyOnceShuttingDownButStillAlive(t *testing.T) {
	server := newTestServer()
	handler := server.Handler()
	server.MarkShuttingDown()
	if code := get(t, handler, "/readyz").Code; code != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz: %d, want 503", code)
	}
	if code := get(t, handler, "/healthz").Code; code != http.StatusOK {
		t.Errorf("GET /healthz: %d, want 200", code)
	}
}

func TestGreetsByName(t *testing.T) {
	response := get(t, newTestServer().Handler(), "/v1/hello?name=Ada")
	if response.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", response.Code)
	}
	if body := strings.TrimSpace(response.Body.String()); body != `{"message":"Hello, Ada!"}` {
		t.Errorf("body %s", body)
	}
}

func TestAnswers400WithProblemDetailsForABadName(t *testing.T) {
	handler := newTestServer().Handler()
	for why, query := range map[string]string{
		"no name":                   "",
		"an empty name":             "?name=",
		"markup":                    "?name=%3Cscript%3E",
		"longer than 64 characters": "?name=" + strings.Repeat("a", 65),
	} {
		t.Run(why, func(t *testing.T) {
			response := get(t, handler, "/v1/hello"+query)
			if response.Code != http.StatusBadRequest {
				t.Errorf("status %d, want 400", response.Code)
			}
			if contentType := response.Header().Get("Content-Type"); contentType != "application/problem+json" {
				t.Errorf("content type %q, want application/problem+json", contentType)
			}
			if !strings.Contains(response.Body.String(), `"status":400`) {
				t.Errorf("body %s has no status 400", response.Body.String())
			}
		})
	}
}

func TestMeasuresRequestsByRouteTemplateAndStatusInTheSLOBuckets(t *testing.T) {
	handler := newTestServer().Handler()
	get(t, handler, "/v1/hello?name=Ada")
	get(t, handler, "/v1/hello")

	metrics := get(t, handler, "/metrics").Body.String()

	bucket := func(status string) *regexp.Regexp {
		// Go's regexp has no lookahead: the client writes the labels sorted
		// by name, then le.
		return regexp.MustCompile(`(?m)^http_server_requests_seconds_bucket\{method="GET",route="/v1/hello",service="test-service",status="` + status + `",le="0\.25"\} 1$`)
	}
	for _, want := range []*regexp.Regexp{
		bucket("200"),
		bucket("400"),
		regexp.MustCompile(`(?m)^process_cpu_seconds_total\{service="test-service"\} `),
		regexp.MustCompile(`(?m)^process_resident_memory_bytes\{service="test-service"\} `),
	} {
		if !want.MatchString(metrics) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if regexp.MustCompile(`route="/(healthz|readyz|metrics)"`).MatchString(metrics) {
		t.Error("operational routes are measured")
	}
}
