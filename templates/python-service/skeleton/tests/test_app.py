import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(service_name="test-service"))) as client:
        yield client


def test_is_alive_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_is_not_ready_once_shutting_down_but_still_alive(client: TestClient) -> None:
    client.app.state.readiness.mark_shutting_down()  # type: ignore[attr-defined]
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_greets_by_name(client: TestClient) -> None:
    response = client.get("/v1/hello", params={"name": "Ada"})
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Ada!"}


@pytest.mark.parametrize(
    "query",
    ["", "?name=", "?name=%3Cscript%3E", "?name=" + "a" * 65],
    ids=["no name", "empty name", "markup", "longer than 64 characters"],
)
def test_answers_400_with_problem_details_for_a_bad_name(client: TestClient, query: str) -> None:
    response = client.get(f"/v1/hello{query}")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 400


def test_measures_requests_by_route_template_and_status_in_the_slo_buckets(
    client: TestClient,
) -> None:
    client.get("/v1/hello", params={"name": "Ada"})
    client.get("/v1/hello")

    metrics = client.get("/metrics").text

    def bucket(status: str) -> re.Pattern[str]:
        labels = "".join(
            f"(?=[^}}]*{label})"
            for label in (
                'le="0.25"',
                'service="test-service"',
                'method="GET"',
                'route="/v1/hello"',
                f'status="{status}"',
            )
        )
        return re.compile(rf"^http_server_requests_seconds_bucket\{{{labels}[^}}]*\}} 1\.0$", re.M)

    assert bucket("200").search(metrics)
    assert bucket("400").search(metrics)
    assert re.search(r'^process_cpu_seconds_total\{service="test-service"\} ', metrics, re.M)
    assert re.search(r'^process_resident_memory_bytes\{service="test-service"\} ', metrics, re.M)
    assert not re.search(r'route="/(healthz|readyz|metrics)"', metrics)
