"""The metrics and probe endpoints, as Prometheus and Kubernetes see them."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.errors import ConfigError
from ingest.http import Health, serve
from ingest.metrics import Metrics
from ingest.settings import HttpSettings

LOCAL = HttpSettings(host="127.0.0.1", port=0)


async def request(port: int, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send one raw request and return the status, headers (lower-cased names) and body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    await writer.drain()
    data = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    return int(status_line.split(" ")[1]), headers, body


async def get(port: int, path: str) -> tuple[int, bytes]:
    """GET `path` and return the status and body."""
    status, _, body = await request(port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return status, body


class Clock:
    """A hand-moved monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_metrics_endpoint_serves_the_registry_as_prometheus_text() -> None:
    """GET /metrics returns the Prometheus text format with the recorded counters."""
    metrics = Metrics()
    metrics.record_consumed("articles.raw", 4)
    async with serve(LOCAL, metrics.registry, Health(metrics)) as port:
        assert port
        status, headers, body = await request(port, b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 200
    assert headers["content-type"].startswith("text/plain; version=0.0.4")
    assert int(headers["content-length"]) == len(body)
    assert b'ingest_articles_consumed_total{topic="articles.raw"} 4.0' in body


async def test_metrics_endpoint_speaks_openmetrics_when_asked() -> None:
    """A scraper that accepts OpenMetrics gets it, terminated by # EOF."""
    metrics = Metrics()
    async with serve(LOCAL, metrics.registry, Health()) as port:
        assert port
        raw = b"GET /metrics HTTP/1.1\r\nAccept: application/openmetrics-text; version=1.0.0\r\n\r\n"
        status, headers, body = await request(port, raw)
    assert status == 200
    assert headers["content-type"].startswith("application/openmetrics-text")
    assert body.endswith(b"# EOF\n")


async def test_readyz_flips_with_set_ready_and_says_why() -> None:
    """/readyz is 503 while starting, 200 once ready, 503 with the reason when shutting down."""
    metrics = Metrics()
    health = Health()
    async with serve(LOCAL, metrics.registry, health) as port:
        assert port
        assert await get(port, "/readyz") == (503, b"not ready: starting\n")
        health.set_ready(True)
        assert await get(port, "/readyz") == (200, b"ok\n")
        assert b"ingest_ready 1.0" in (await get(port, "/metrics"))[1]
        health.set_ready(False, reason="shutting down")
        assert await get(port, "/readyz") == (503, b"not ready: shutting down\n")
        assert b"ingest_ready 0.0" in (await get(port, "/metrics"))[1]


async def test_livez_fails_when_the_loop_stops_beating() -> None:
    """/livez is 200 while beats arrive and 503 once none came for the stale period."""
    clock = Clock()
    health = Health(stale_after=60, clock=clock)
    async with serve(LOCAL, Metrics().registry, health) as port:
        assert port
        clock.now += 59
        assert (await get(port, "/livez"))[0] == 200
        health.beat()
        clock.now += 59
        assert (await get(port, "/livez"))[0] == 200
        clock.now += 2
        status, body = await get(port, "/livez")
        assert status == 503
        assert b"no iteration for 61 s" in body


async def test_other_paths_and_methods_are_refused() -> None:
    """Unknown paths get 404, other methods 405, garbage 400, and the server keeps answering."""
    async with serve(LOCAL, Metrics().registry, Health()) as port:
        assert port
        assert (await get(port, "/"))[0] == 404
        assert (await get(port, "/metrics/extra"))[0] == 404
        assert (await request(port, b"POST /metrics HTTP/1.1\r\n\r\n"))[0] == 405
        assert (await request(port, b"hello\r\n\r\n"))[0] == 400
        assert (await get(port, "/livez?verbose=1"))[0] == 200


async def test_head_request_has_no_body() -> None:
    """HEAD /livez answers with the headers only."""
    async with serve(LOCAL, Metrics().registry, Health()) as port:
        assert port
        status, headers, body = await request(port, b"HEAD /livez HTTP/1.1\r\n\r\n")
    assert (status, body) == (200, b"")
    assert headers["content-length"] == "3"


async def test_a_silent_client_does_not_block_others() -> None:
    """A connection that never sends its request does not stop other probes from being answered."""
    async with serve(LOCAL, Metrics().registry, Health()) as port:
        assert port
        _, idle = await asyncio.open_connection("127.0.0.1", port)
        assert (await get(port, "/livez"))[0] == 200
        idle.close()


async def test_disabled_serves_nothing() -> None:
    """With the endpoint disabled the block gets None and no port is opened."""
    async with serve(HttpSettings(enabled=False), Metrics().registry, Health()) as port:
        assert port is None


async def test_the_port_is_released_on_exit() -> None:
    """After the block, connections to the port are refused."""
    async with serve(LOCAL, Metrics().registry, Health()) as port:
        assert port
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)


async def test_a_taken_port_is_a_configuration_error() -> None:
    """A port already in use stops the start with a ConfigError naming INGEST_HTTP_PORT."""
    async with serve(LOCAL, Metrics().registry, Health()) as port:
        assert port
        taken = HttpSettings(host="127.0.0.1", port=port)
        with pytest.raises(ConfigError, match="INGEST_HTTP_PORT"):
            async with serve(taken, Metrics().registry, Health()):
                pass


# -- the probes of a running `ingest run` -----------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _probe(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


class _Service:
    """`python -m ingest run` in a subprocess with JSON logs in a file; the HTTP port it bound."""

    def __init__(self, log_path: Path, **env: str) -> None:
        self.log_path = log_path
        environment = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
        environment.update(
            INGEST_HTTP_HOST="127.0.0.1",
            INGEST_HTTP_PORT="0",
            INGEST_LOG_FORMAT="json",
            PYTHONUNBUFFERED="1",
            **env,
        )
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ingest", "run"],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.port = self._bound_port()

    def records(self) -> list[dict[str, object]]:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return [json.loads(line) for line in text.splitlines() if line.startswith("{")]

    def _bound_port(self) -> int:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for record in self.records():
                if record.get("event") == "http_listening":
                    return int(str(record["port"]))
            assert self.process.poll() is None, self.log_path.read_text(encoding="utf-8")
            time.sleep(0.05)
        self.process.kill()
        pytest.fail("the service never said which port it listens on")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


@pytest.fixture
def services() -> Iterator[list[_Service]]:
    """Service processes started by a test; killed at its end whatever happened."""
    started: list[_Service] = []
    yield started
    for service in started:
        service.close()


def test_probes_while_the_broker_is_down_at_start(tmp_path: Path, services: list[_Service]) -> None:
    """With no broker at start the service keeps retrying: /livez stays 200 through long waits, /readyz 503, SIGTERM exits 0."""
    service = _Service(
        tmp_path / "service.log",
        INGEST_KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{_free_port()}",
        # A SASL login to check makes the service look into why the bootstrap failed: down is not refused.
        INGEST_KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT",
        INGEST_KAFKA_SASL_MECHANISM="SCRAM-SHA-512",
        INGEST_KAFKA_SASL_USERNAME="ingest",
        INGEST_KAFKA_SASL_PASSWORD="secret",
        INGEST_HTTP_LIVENESS_TIMEOUT_SECONDS="1",
        INGEST_PROCESSING_RETRY_BACKOFF_MAX_SECONDS="4",
    )
    services.append(service)
    livez: list[tuple[int, str]] = []
    readyz: list[tuple[int, str]] = []
    deadline = time.monotonic() + 6
    while time.monotonic() < deadline:
        livez.append(_probe(service.port, "/livez"))
        readyz.append(_probe(service.port, "/readyz"))
        time.sleep(0.2)
    assert service.process.poll() is None, "the service gave up on a broker that is merely down"
    assert [status for status, _ in livez if status != 200] == [], [body for _, body in livez]
    assert set(readyz) == {(503, "not ready: starting\n")}
    retries = [r for r in service.records() if r.get("event") == "kafka_unavailable"]
    assert len(retries) >= 3
    assert max(int(str(r["attempt"])) for r in retries) >= 4, "no retry wait longer than the liveness period"

    service.process.send_signal(signal.SIGTERM)
    assert service.process.wait(10) == 0
    assert not [r for r in service.records() if r.get("level") == "error" and "logger" not in r]


def test_livez_uses_the_configured_liveness_timeout(tmp_path: Path, services: list[_Service]) -> None:
    """A loop stuck in one call longer than INGEST_HTTP_LIVENESS_TIMEOUT_SECONDS fails /livez after that long."""
    with socket.socket() as silent:
        # Accepts connections (the kernel does) and never answers: the client's first request hangs.
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        service = _Service(
            tmp_path / "service.log",
            INGEST_KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{silent.getsockname()[1]}",
            INGEST_KAFKA_REQUEST_TIMEOUT_MS="20000",
            INGEST_HTTP_LIVENESS_TIMEOUT_SECONDS="1",
        )
        services.append(service)
        deadline = time.monotonic() + 8
        status, body = _probe(service.port, "/livez")
        while status == 200 and time.monotonic() < deadline:
            time.sleep(0.2)
            status, body = _probe(service.port, "/livez")
        assert status == 503, "still live after 8 s stuck (the default 60 s period was used)"
        assert body.startswith("service loop stalled")
