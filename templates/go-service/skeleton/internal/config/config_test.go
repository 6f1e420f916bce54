package config

import (
	"log/slog"
	"testing"
	"time"
)

func env(values map[string]string) func(string) string {
	return func(name string) string { return values[name] }
}

func TestDefaults(t *testing.T) {
	cfg, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Port != 8080 || cfg.LogLevel != slog.LevelInfo || cfg.ShutdownTimeout != 20*time.Second {
		t.Errorf("defaults %+v", cfg)
	}
}

func TestRefusesBadSettings(t *testing.T) {
	for name, value := range map[string]string{
		"PORT":             "http",
		"LOG_LEVEL":        "loud",
		"SHUTDOWN_TIMEOUT": "soon",
	} {
		if _, err := FromEnv(env(map[string]string{name: value})); err == nil {
			t.Errorf("%s=%s was accepted", name, value)
		}
	}
	if _, err := FromEnv(env(map[string]string{"PORT": "70000"})); err == nil {
		t.Error("PORT=70000 was accepted")
	}
}
