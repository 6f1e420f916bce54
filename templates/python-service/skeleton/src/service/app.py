"""The HTTP app without a server: __main__ serves it, tests call it in-process."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from service import hello
from service.config import Settings
from service.metrics import Metrics
from service.middleware import RequestMetricsMiddleware

logger = logging.getLogger("service")


class Readiness:
    """/readyz answers 503 once shutdown begins, so that load balancers stop sending traffic."""

    def __init__(self) -> None:
        self.ready = False

    def mark_shutting_down(self) -> None:
        self.ready = False


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    metrics = Metrics(settings.service_name)
    readiness = Readiness()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        readiness.ready = True
        yield
        readiness.mark_shutting_down()

    # openapi.yaml is the contract (registered in the catalog): no generated
    # schema or docs pages are served.
    app = FastAPI(
        title=settings.service_name,
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.readiness = readiness
    app.add_middleware(RequestMetricsMiddleware, metrics=metrics)

    # Errors as RFC 9457 problem details; details of server errors stay in the log.
    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, error: RequestValidationError) -> JSONResponse:
        detail = "; ".join(
            f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}"
            for item in error.errors()
        )
        return problem(HTTPStatus.BAD_REQUEST, detail)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        return problem(HTTPStatus(error.status_code), str(error.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> JSONResponse:
        logger.error("request failed", exc_info=error)
        return problem(HTTPStatus.INTERNAL_SERVER_ERROR)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        if readiness.ready:
            return JSONResponse({"status": "ready"})
        return JSONResponse({"status": "shutting down"}, status_code=HTTPStatus.SERVICE_UNAVAILABLE)

    @app.get("/metrics")
    async def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), media_type="text/plain; version=0.0.4; charset=utf-8")

    app.include_router(hello.router)
    return app


def problem(status: HTTPStatus, detail: str | None = None) -> JSONResponse:
    body: dict[str, str | int] = {"type": "about:blank", "title": status.phrase, "status": status}
    if detail:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, media_type="application/problem+json")
