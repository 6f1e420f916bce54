"""Prometheus metrics of the service, in a registry of its own."""

import copy
from collections.abc import Iterable, Iterator

from prometheus_client import (
    CollectorRegistry,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

# Request latency buckets in seconds. The platform's health page and SLO
# queries read http_server_requests_seconds with exactly these buckets: 0.25
# is the latency objective's threshold (99% < 250ms), so it must stay a
# boundary.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class _WithServiceLabel(Collector):
    """The client's process and platform metrics, with the `service` label added."""

    def __init__(self, service: str, collectors: Iterable[Collector]) -> None:
        self._service = service
        self._collectors = tuple(collectors)

    def collect(self) -> Iterator[Metric]:
        for collector in self._collectors:
            for family in collector.collect():
                labelled = copy.copy(family)
                labelled.samples = [
                    sample._replace(labels={**sample.labels, "service": self._service})
                    for sample in family.samples
                ]
                yield labelled


class Metrics:
    """Every series carries `service`: the catalog's prometheus-selector selects on it.

    A registry per app (not the client's global one), so that each app, in
    tests too, counts only its own requests.
    """

    def __init__(self, service: str) -> None:
        self._service = service
        self.registry = CollectorRegistry()
        self.registry.register(
            _WithServiceLabel(
                service,
                [ProcessCollector(registry=None), PlatformCollector(registry=None)],
            )
        )
        self._request_duration = Histogram(
            "http_server_requests_seconds",
            "Duration of HTTP requests, by route template and status code",
            ["service", "method", "route", "status"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self._request_duration.labels(self._service, method, route, str(status)).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
