// Package config reads the service's settings from the environment.
package config

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// Config holds the service's settings.
type Config struct {
	// ServiceName is the `service` label of every metric and log line.
	ServiceName string
	// Environment is the `environment` field of every log line.
	Environment string
	Host        string
	Port        int
	LogLevel    slog.Level
	// ShutdownTimeout bounds how long in-flight requests may take after
	// SIGTERM: below the pod's terminationGracePeriodSeconds (30) minus the
	// preStop sleep (5), so the process exits before the kubelet kills it.
	ShutdownTimeout time.Duration
}

// FromEnv reads the settings through getenv (os.Getenv in main).
func FromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		ServiceName:     withDefault(getenv("SERVICE_NAME"), "${{ values.name }}"),
		Environment:     withDefault(getenv("ENVIRONMENT"), "local"),
		Host:            getenv("HOST"),
		Port:            8080,
		LogLevel:        slog.LevelInfo,
		ShutdownTimeout: 20 * time.Second,
	}
	if text := getenv("PORT"); text != "" {
		port, err := strconv.Atoi(text)
		if err != nil || port < 1 || port > 65535 {
			return Config{}, fmt.Errorf("PORT must be an integer from 1 to 65535, got %q", text)
		}
		cfg.Port = port
	}
	if text := getenv("LOG_LEVEL"); text != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(strings.ToUpper(text))); err != nil {
			return Config{}, fmt.Errorf("LOG_LEVEL must be one of debug, info, warn, error, got %q", text)
		}
	}
	if text := getenv("SHUTDOWN_TIMEOUT"); text != "" {
		timeout, err := time.ParseDuration(text)
		if err != nil || timeout < 0 {
			return Config{}, fmt.Errorf("SHUTDOWN_TIMEOUT must be a duration such as 20s, got %q", text)
		}
		cfg.ShutdownTimeout = timeout
	}
	return cfg, nil
}

func withDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
