"""The metrics and probe endpoints, as Prometheus and Kubernetes see them."""

from __future__ import annotations

import asyncio

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
