"""Settings of the service, all from the environment (twelve-factor)."""

import os
from collections.abc import Mapping
from dataclasses import dataclass

LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


@dataclass(frozen=True)
class Settings:
    service_name: str = "${{ values.name }}"
    environment: str = "local"
    host: str = "0.0.0.0"  # noqa: S104 - a container listens on all interfaces
    port: int = 8080
    log_level: str = "info"
    # Below the pod's terminationGracePeriodSeconds (30) minus the preStop
    # sleep (5), so the process exits before the kubelet kills it.
    shutdown_timeout_seconds: int = 20

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Settings":
        log_level = env.get("LOG_LEVEL", cls.log_level).lower()
        if log_level not in LOG_LEVELS:
            raise ValueError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {log_level!r}")
        return cls(
            service_name=env.get("SERVICE_NAME", cls.service_name),
            environment=env.get("ENVIRONMENT", cls.environment),
            host=env.get("HOST", cls.host),
            port=_integer(env, "PORT", cls.port, 1, 65535),
            log_level=log_level,
            shutdown_timeout_seconds=_integer(
                env, "SHUTDOWN_TIMEOUT_SECONDS", cls.shutdown_timeout_seconds, 0, 600
            ),
        )


def _integer(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    text = env.get(name, "")
    if text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise ValueError(f"{name} must be an integer from {low} to {high}, got {text!r}")
    return value
