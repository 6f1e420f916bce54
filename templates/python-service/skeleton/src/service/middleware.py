"""Measures and logs every request, by route template (not raw path)."""

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.metrics import Metrics

# Probes and metrics are neither measured nor logged: kubelet and Prometheus
# call them every few seconds, and counting them would inflate availability
# and hide slow requests in the SLOs.
OPERATIONAL_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

logger = logging.getLogger("service.requests")


class RequestMetricsMiddleware:
    """Plain ASGI, so that it sees the route FastAPI matched and every status, 500s included."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self._app = app
        self._metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self._app(scope, receive, send_with_status)
        finally:
            # The router puts the matched route into the scope.
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            if route not in OPERATIONAL_PATHS:
                seconds = time.perf_counter() - started
                self._metrics.observe_request(scope["method"], route, status, seconds)
                logger.info(
                    "request completed",
                    extra={
                        "fields": {
                            "method": scope["method"],
                            "route": route,
                            "status": status,
                            "durationMs": round(seconds * 1000, 3),
                        }
                    },
                )
