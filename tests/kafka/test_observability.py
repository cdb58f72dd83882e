"""On the real broker, /metrics, /readyz and the logs tell an operator what the service really did."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import structlog
from harness import ROOT, KafkaTest
from prometheus_client.parser import text_string_to_metric_families

from ingest.http import Health, serve
from ingest.kafka.sink import KafkaSink
from ingest.kafka.source import KafkaSource
from ingest.logs import configure_logging
from ingest.metrics import Metrics
from ingest.pipeline import Extractor, Pipeline
from ingest.service import Service
from ingest.settings import LogSettings, Settings, load_settings

pytestmark = pytest.mark.kafka

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]

GOOD_TEXTS = [
    *[f"Report {i}.\narms iran>russia\n" for i in range(6)],
    *[f"Report {i}.\nsanction usa>iran\n" for i in range(6, 10)],
    *[f"Report {i}.\narms france>egypt\nsanction eu>belarus\n" for i in range(10, 12)],
    *[f"Report {i}. Nothing to see.\n" for i in range(12, 15)],
]
BAD_VALUES: list[tuple[bytes, str]] = [
    (b"\xff\xfe\x00not text", "not_utf8"),
    (b'{"id": "cut", "text": ', "invalid_json"),
    (b'{"text": [1, 2]', "invalid_json"),
    (b'{"text": "   "}', "empty_text"),
    (b'{"text": 12}', "invalid_article"),
    (b'{"id": "boom", "text": "explode"}', "extractor_error"),
]
ARMS_EVENTS = 6 + 2
SANCTION_EVENTS = 4 + 2
RECORDS = len(GOOD_TEXTS) + len(BAD_VALUES)


def records() -> list[tuple[bytes | None, bytes | None]]:
    """The test input: good articles with known events, interleaved with one record of each bad kind."""
    good = [
        (f"a{i}".encode(), json.dumps({"id": f"a{i}", "text": t}).encode()) for i, t in enumerate(GOOD_TEXTS)
    ]
    bad = [(f"bad{i}".encode(), value) for i, (value, _) in enumerate(BAD_VALUES)]
    out: list[tuple[bytes | None, bytes | None]] = []
    for i, record in enumerate(good):
        out.append(record)
        if i % 2 == 1 and bad:
            out.append(bad.pop(0))
    return out + bad


def parse(text: str) -> Samples:
    """Scraped text as {(name, sorted labels): value}."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def total(samples: Samples, name: str, **labels: str) -> float:
    """Sum of the samples of `name` whose labels include `labels`."""
    want = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and want <= set(ls))


def deploy_names() -> set[str]:
    """The ingest_* names the Grafana dashboard and the alert rules mention (histogram suffixes stripped)."""
    text = (ROOT / "deploy" / "grafana" / "ingest-dashboard.json").read_text(encoding="utf-8")
    text += (ROOT / "deploy" / "prometheus" / "ingest-alerts.yaml").read_text(encoding="utf-8")
    return {
        re.sub(r"_(bucket|sum|count)$", "", n) for n in re.findall(r"\bingest_[a-z0-9_]*[a-z0-9]\b", text)
    }


async def http_get(port: int, path: str) -> tuple[int, str]:
    """Status and body of GET `path` on the local endpoint."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    await writer.drain()
    data = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = data.decode().partition("\r\n\r\n")
    return int(head.split(" ")[1]), body


@dataclass
class Run:
    """What an operator could observe of one in-process run."""

    ready_before: tuple[int, str]
    ready_seen: list[int]
    assigned_when_ready: bool
    during: Samples
    ready_after: tuple[int, str]
    after: Samples
    log_lines: list[dict[str, Any]]


@pytest.fixture
def captured_logging() -> Iterator[io.StringIO]:
    """JSON log lines written into a buffer; structlog and the root logger restored afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    buffer = io.StringIO()
    configure_logging(LogSettings(format="json", level="debug"), buffer)
    yield buffer
    structlog.reset_defaults()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.captureWarnings(False)


def settings_for(kafka: KafkaTest) -> Settings:
    return load_settings(
        kafka={
            "bootstrap_servers": kafka.bootstrap,
            "group_id": kafka.prefix,
            "session_timeout_ms": 6000,
            "heartbeat_interval_ms": 1000,
        },
        topics={
            "raw": kafka.raw,
            "arms": kafka.arms,
            "sanctions": kafka.sanctions,
            "dead_letter": kafka.dead_letter,
        },
        processing={"batch_max_records": 4, "batch_timeout_ms": 100, "retry_backoff_max_seconds": 2},
        http={"enabled": True, "host": "127.0.0.1", "port": 0},
    )


async def observe(settings: Settings, extractor: Extractor, log_buffer: io.StringIO) -> Run:
    """Run the service in-process with its HTTP endpoint; probe and scrape it before, during and after."""
    metrics = Metrics()
    health = Health(metrics)
    stop = asyncio.Event()
    source = KafkaSource(settings)
    service = Service(
        settings,
        source,
        lambda: KafkaSink(settings),
        pipeline=Pipeline(settings, extractor),
        metrics=metrics,
        health=health,
        stop=stop,
    )
    async with serve(settings.http, metrics.registry, health) as port:
        assert port is not None
        ready_before = await http_get(port, "/readyz")
        running = asyncio.create_task(service.run())
        ready_seen: list[int] = []
        assigned_when_ready = False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not running.done():
            status, _ = await http_get(port, "/readyz")
            ready_seen.append(status)
            if status == 200:
                assigned_when_ready = bool(source.assignment())
                break
            await asyncio.sleep(0.02)
        during: Samples = {}
        while time.monotonic() < deadline and not running.done():
            during = parse((await http_get(port, "/metrics"))[1])
            if total(during, "ingest_batch_records_sum") >= RECORDS:
                break
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(running, 30)
        ready_after = await http_get(port, "/readyz")
        after = parse((await http_get(port, "/metrics"))[1])
    lines = [json.loads(line) for line in log_buffer.getvalue().splitlines()]
    return Run(ready_before, ready_seen, assigned_when_ready, during, ready_after, after, lines)


def test_metrics_readiness_and_logs_match_what_the_service_did(
    kafka: KafkaTest, fake_extract: Extractor, captured_logging: io.StringIO
) -> None:
    """Scraped counters equal the records consumed and the messages found on the event and dead-letter topics;
    /readyz is 503 before the group is joined, 200 once assigned and 503 after shutdown; record lines carry
    topic, partition, offset and article_id."""
    kafka.create_topics(partitions=2)
    kafka.produce(records())
    run = asyncio.run(observe(settings_for(kafka), fake_extract, captured_logging))

    # Readiness follows the group membership.
    assert run.ready_before == (503, "not ready: starting\n")
    assert run.ready_seen[-1] == 200, run.ready_seen
    assert run.assigned_when_ready
    assert run.ready_after[0] == 503
    assert run.ready_after[1].startswith("not ready")

    # During the run, once every record went through: what was consumed, published and dead-lettered.
    arms, sanctions = kafka.read(kafka.arms), kafka.read(kafka.sanctions)
    dead = Counter(json.loads(value)["reason"] for _, value in kafka.read(kafka.dead_letter))
    assert len(arms) == ARMS_EVENTS
    assert len(sanctions) == SANCTION_EVENTS
    assert dead == Counter(reason for _, reason in BAD_VALUES)
    for samples in (run.during, run.after):
        published = {
            "arms_transfer": total(samples, "ingest_events_published_total", type="arms_transfer"),
            "delivered": total(samples, "ingest_events_published_total", status="delivered"),
            "sanction": total(samples, "ingest_events_published_total", type="sanction"),
            "imposed": total(samples, "ingest_events_published_total", status="imposed"),
        }
        assert published == {
            "arms_transfer": len(arms),
            "delivered": len(arms),
            "sanction": len(sanctions),
            "imposed": len(sanctions),
        }
        reasons = {r: total(samples, "ingest_dead_letters_total", reason=r) for r in [*dead, "oversized"]}
        assert reasons == {**dead, "oversized": 0}
        # A transaction the broker aborted is read again: its records count as consumed twice, never as
        # published twice.
        aborted = total(samples, "ingest_transactions_total", outcome="aborted")
        consumed = total(samples, "ingest_articles_consumed_total", topic=kafka.raw)
        assert (consumed == RECORDS) if aborted == 0 else (consumed > RECORDS)
        assert total(samples, "ingest_extractor_errors_total") == 1
        assert total(samples, "ingest_article_processing_seconds_count") == RECORDS
        assert total(samples, "ingest_end_to_end_lag_seconds_count") == RECORDS
        assert total(samples, "ingest_batch_records_sum") == RECORDS
        batches = total(samples, "ingest_batch_records_count")
        assert batches >= RECORDS / 4
        assert total(samples, "ingest_transactions_total", outcome="committed") == batches
        assert total(samples, "ingest_retries_total") >= aborted
        assert total(samples, "ingest_consumer_lag_records") == 0
    assert total(run.during, "ingest_ready") == 1
    assert total(run.after, "ingest_ready") == 0
    assert total(run.after, "ingest_inflight_records") == 0

    # Every series the dashboard and the alerts use is exported by the real run.
    exported = {re.sub(r"_(bucket|sum|count)$", "", name) for name, _ in run.after}
    assert deploy_names() <= exported, sorted(deploy_names() - exported)

    # Each line about a record says which record.
    record_lines = [line for line in run.log_lines if line["event"] in ("event_published", "dead_letter")]
    assert Counter(line["event"] for line in record_lines) == {
        "event_published": ARMS_EVENTS + SANCTION_EVENTS,
        "dead_letter": len(BAD_VALUES),
    }
    for line in record_lines:
        assert line["topic"] == kafka.raw
        assert isinstance(line["partition"], int)
        assert isinstance(line["offset"], int)
        assert "article_id" in line
        assert line["timestamp"].endswith("Z")
    assert {line["article_id"] for line in record_lines if line["event"] == "event_published"} == {
        f"a{i}" for i in range(12)
    }
    changes = [
        (line["ready"], line["reason"]) for line in run.log_lines if line["event"] == "readiness_changed"
    ]
    assert (True, None) in changes, changes
    assert changes[-1][0] is False, changes
    assert changes.index((True, None)) < len(changes) - 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(port: int, path: str) -> tuple[int, str]:
    """Status and body of GET `path`, or (0, "") while nothing listens."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError:
        return 0, ""


def test_the_command_serves_metrics_and_logs_json(kafka: KafkaTest, tmp_path: Path) -> None:
    """`ingest run` serves /metrics and /readyz on INGEST_HTTP_PORT while it works and logs JSON record lines."""
    kafka.create_topics(partitions=1)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    kafka.produce([(p.stem.encode(), p.read_bytes()) for p in seeds])
    port = free_port()
    service = kafka.start(
        "run",
        "--until-idle",
        "4",
        INGEST_HTTP_ENABLED="true",
        INGEST_HTTP_HOST="127.0.0.1",
        INGEST_HTTP_PORT=str(port),
        INGEST_LOG_LEVEL="debug",
    )
    statuses: list[int] = []
    scraped: Samples = {}
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and service.process.poll() is None:
        status, _ = fetch(port, "/readyz")
        statuses.append(status)
        if status == 200:
            scraped = parse(fetch(port, "/metrics")[1])
            if total(scraped, "ingest_articles_consumed_total") >= len(seeds):
                break
        time.sleep(0.05)
    assert service.wait(60) == 0, service.tail()

    assert 200 in statuses, (statuses, service.tail())
    published = kafka.events()
    assert published
    assert total(scraped, "ingest_articles_consumed_total", topic=kafka.raw) == len(seeds)
    assert total(scraped, "ingest_ready") == 1
    lines = [json.loads(line) for line in service.log().splitlines() if line.startswith("{")]
    events = [line for line in lines if line["event"] == "event_published"]
    assert len(events) == len(published)
    assert {line["article_id"] for line in events} <= {p.stem for p in seeds}
    assert all(
        {"topic", "partition", "offset", "article_id", "level", "timestamp"} <= set(line) for line in events
    )
    assert any(line["event"] == "http_listening" and line["port"] == port for line in lines)
