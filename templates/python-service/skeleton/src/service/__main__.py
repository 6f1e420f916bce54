"""Serves the app: python -m service."""

import signal
from collections.abc import Callable
from types import FrameType

import uvicorn

from service.app import create_app
from service.config import Settings
from service.logs import configure_logging


class _Server(uvicorn.Server):
    """On SIGTERM /readyz turns 503 at once; uvicorn then stops accepting
    connections and waits for in-flight requests (timeout_graceful_shutdown)."""

    def __init__(self, config: uvicorn.Config, on_exit_signal: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_exit_signal = on_exit_signal

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if sig in (signal.SIGTERM, signal.SIGINT):
            self._on_exit_signal()
        super().handle_exit(sig, frame)


def main() -> None:
    settings = Settings.from_env()
    configure_logging(settings.log_level, settings.service_name, settings.environment)
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,  # logs.py configured logging: JSON lines
        access_log=False,  # one line per request comes from the middleware
        server_header=False,
        timeout_graceful_shutdown=settings.shutdown_timeout_seconds,
    )
    _Server(config, app.state.readiness.mark_shutting_down).run()


if __name__ == "__main__":
    main()
