"""Health and metrics over HTTP: `/metrics`, `/livez` and `/readyz` on one port.

A deliberately small HTTP/1.1 responder on `asyncio.start_server`: GET (and
HEAD) only, one request per connection, no request body. That is all
Prometheus and Kubernetes' probes need, and it runs on the service's own event
loop, so a stuck loop shows up as failing probes rather than being hidden by a
thread that keeps answering.

- `GET /metrics`: the registry in the Prometheus text format (or OpenMetrics
  when the scraper asks for it).
- `GET /livez`: 200 while the service loop keeps calling `Health.beat()`;
  503 once it has not for `stale_after` seconds (the loop is stuck: restart me).
- `GET /readyz`: 200 while `Health.set_ready(True)` holds (consumer assigned,
  producer connected); 503 with the reason otherwise (starting, rebalancing,
  shutting down).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Final

import structlog
from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder

from ingest.errors import ConfigError
from ingest.metrics import Metrics
from ingest.settings import HttpSettings

log = structlog.get_logger(__name__)

_REQUEST_TIMEOUT_SECONDS: Final = 5.0
_MAX_HEAD_BYTES: Final = 16 * 1024
_REASONS: Final = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}  # fmt: skip


class Health:
    """Liveness and readiness of the service, as the service loop reports them.

    The loop calls `beat()` on every iteration (also while idle or retrying) and
    `set_ready()` when the consumer is assigned and the producer connected, or
    no longer is. Readiness starts false ("starting"); liveness starts fresh at
    construction, so a service still connecting is alive for `stale_after`
    seconds. When `metrics` is given, readiness is mirrored into `ingest_ready`.
    """

    def __init__(
        self,
        metrics: Metrics | None = None,
        *,
        stale_after: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if stale_after <= 0:
            raise ValueError("stale_after must be positive")
        self.metrics = metrics
        self.stale_after = stale_after
        self._clock = clock
        self._last_beat = clock()
        self._ready = False
        self._reason = "starting"
        if metrics is not None:
            metrics.set_ready(False)

    @property
    def ready(self) -> bool:
        """Whether the service takes part in consumption now."""
        return self._ready

    @property
    def not_ready_reason(self) -> str | None:
        """Why the service is not ready, or None when it is."""
        return None if self._ready else self._reason

    def set_ready(self, ready: bool, reason: str | None = None) -> None:
        """Declare the service ready or not; `reason` (e.g. "rebalancing") is shown by /readyz.

        A change is logged (`readiness_changed`), so the log tells when and why
        an instance left or rejoined consumption.
        """
        reason = None if ready else (reason or "not ready")
        if ready != self._ready or (not ready and reason != self._reason):
            log.info("readiness_changed", ready=ready, reason=reason)
        self._ready = ready
        self._reason = reason or "not ready"
        if self.metrics is not None:
            self.metrics.set_ready(ready)

    def beat(self) -> None:
        """Record that the service loop went round once; call it on every iteration."""
        self._last_beat = self._clock()

    def seconds_since_beat(self) -> float:
        """Seconds since the last `beat()` (or construction)."""
        return self._clock() - self._last_beat

    @property
    def alive(self) -> bool:
        """Whether the loop beat within the last `stale_after` seconds."""
        return self.seconds_since_beat() < self.stale_after


Response = tuple[int, str, bytes]


def respond(path: str, accept: str, registry: CollectorRegistry, health: Health) -> Response:
    """Status, content type and body for a GET of `path` (pure: no I/O)."""
    text = "text/plain; charset=utf-8"
    if path == "/metrics":
        encoder, content_type = choose_encoder(accept)
        return 200, content_type, encoder(registry)
    if path == "/livez":
        if health.alive:
            return 200, text, b"ok\n"
        stale = f"service loop stalled: no iteration for {health.seconds_since_beat():.0f} s\n"
        return 503, text, stale.encode()
    if path == "/readyz":
        reason = health.not_ready_reason
        if reason is None:
            return 200, text, b"ok\n"
        return 503, text, f"not ready: {reason}\n".encode()
    return 404, text, b"not found\n"


def _head(status: int, content_type: str, length: int) -> bytes:
    lines = [
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}",
        f"Content-Type: {content_type}",
        f"Content-Length: {length}",
        "Cache-Control: no-store",
        "Connection: close",
        "",
        "",
    ]
    return "\r\n".join(lines).encode("ascii")


def _parse(head: bytes) -> tuple[str, str, str] | None:
    """Method, path (without the query) and Accept header of a request head, or None if malformed."""
    try:
        lines = head.decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ")
    except ValueError:
        return None
    if not version.startswith("HTTP/1.") or not target.startswith("/"):
        return None
    accept = ""
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "accept":
            accept = value.strip()
    return method, target.split("?", 1)[0], accept


def _handler(
    registry: CollectorRegistry, health: Health
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            try:
                async with asyncio.timeout(_REQUEST_TIMEOUT_SECONDS):
                    head = await reader.readuntil(b"\r\n\r\n")
            except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                return
            request = _parse(head[:-4])
            body_wanted = True
            if request is None:
                status, content_type, body = 400, "text/plain; charset=utf-8", b"bad request\n"
            elif request[0] not in ("GET", "HEAD"):
                status, content_type, body = 405, "text/plain; charset=utf-8", b"only GET and HEAD\n"
            else:
                method, path, accept = request
                body_wanted = method == "GET"
                status, content_type, body = respond(path, accept, registry, health)
            writer.write(_head(status, content_type, len(body)) + (body if body_wanted else b""))
            await writer.drain()
        except ConnectionError:
            return
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    return handle


@contextlib.asynccontextmanager
async def serve(
    settings: HttpSettings, registry: CollectorRegistry, health: Health
) -> AsyncIterator[int | None]:
    """Serve /metrics, /livez and /readyz while the block runs; yields the bound port.

    Port 0 picks a free port. With `settings.enabled` false nothing is served
    and the block gets None. A port that cannot be bound raises ConfigError
    naming INGEST_HTTP_PORT. If `health` has no `Metrics` of its own, the one
    built on `registry` (if any) receives its readiness, so `ingest_ready`
    follows /readyz. On exit the listening socket is closed.
    """
    if not settings.enabled:
        yield None
        return
    if health.metrics is None:
        health.metrics = Metrics.on(registry)
        if health.metrics is not None:
            health.metrics.set_ready(health.ready)
    try:
        server = await asyncio.start_server(
            _handler(registry, health), settings.host, settings.port, limit=_MAX_HEAD_BYTES
        )
    except OSError as exc:
        raise ConfigError(
            f"invalid setting INGEST_HTTP_PORT (got {settings.port}): "
            f"cannot listen on {settings.host}:{settings.port}: {exc.strerror}"
        ) from exc
    port: int = server.sockets[0].getsockname()[1]
    log.info("http_listening", host=settings.host, port=port, paths=["/metrics", "/livez", "/readyz"])
    try:
        yield port
    finally:
        server.close()
        await server.wait_closed()
