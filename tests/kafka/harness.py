"""Real-broker test harness: topics per test, producing raw articles, reading committed events, running the service.

Every test gets its own topic names and consumer group (`unique`), so tests
never see each other's messages on the shared broker.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from ingest.kafka.admin import create_topics
from ingest.settings import KafkaSettings

ROOT = Path(__file__).resolve().parents[2]

# Small timeouts so that a killed member is noticed and a rebalance completes in seconds.
FAST_GROUP = {
    "INGEST_KAFKA_SESSION_TIMEOUT_MS": "6000",
    "INGEST_KAFKA_HEARTBEAT_INTERVAL_MS": "1000",
    "INGEST_KAFKA_MAX_POLL_INTERVAL_MS": "30000",
    "INGEST_KAFKA_REQUEST_TIMEOUT_MS": "15000",
    "INGEST_PROCESSING_BATCH_MAX_RECORDS": "100",
    "INGEST_PROCESSING_BATCH_TIMEOUT_MS": "100",
    "INGEST_PROCESSING_RETRY_BACKOFF_MAX_SECONDS": "2",
    "INGEST_HTTP_ENABLED": "false",
    "INGEST_LOG_FORMAT": "json",
}


@dataclass
class ServiceProcess:
    """One `python -m ingest run` subprocess with its log file."""

    process: subprocess.Popen[bytes]
    log_path: Path
    started: float = field(default_factory=time.monotonic)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_line(self, needle: str, timeout: float = 60.0) -> None:
        """Block until the log contains `needle` (fails when the process exits or time runs out)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log():
                return
            if self.process.poll() is not None:
                pytest.fail(
                    f"service exited ({self.process.returncode}) before logging {needle!r}:\n{self.tail()}"
                )
            time.sleep(0.05)
        pytest.fail(f"service did not log {needle!r} within {timeout} s:\n{self.tail()}")

    def kill(self) -> None:
        """SIGKILL: no cleanup at all, as in a crash."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"service still running after {timeout} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])


@dataclass
class KafkaTest:
    """Topics, group and helpers of one test against a real broker."""

    bootstrap: str
    prefix: str
    workdir: Path
    processes: list[ServiceProcess] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return f"{self.prefix}.raw"

    @property
    def arms(self) -> str:
        return f"{self.prefix}.arms"

    @property
    def sanctions(self) -> str:
        return f"{self.prefix}.sanctions"

    @property
    def dead_letter(self) -> str:
        return f"{self.prefix}.dlq"

    def env(self, **overrides: str) -> dict[str, str]:
        """The subprocess environment: this test's topics and group, fast group timeouts, no HTTP."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
        env.update(FAST_GROUP)
        env.update(
            {
                "INGEST_KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
                "INGEST_KAFKA_GROUP_ID": self.prefix,
                "INGEST_TOPICS_RAW": self.raw,
                "INGEST_TOPICS_ARMS": self.arms,
                "INGEST_TOPICS_SANCTIONS": self.sanctions,
                "INGEST_TOPICS_DEAD_LETTER": self.dead_letter,
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(overrides)
        return env

    def create_topics(self, partitions: int) -> None:
        """Create the four topics; the raw and event topics with `partitions` partitions."""
        counts = {
            self.raw: partitions,
            self.arms: partitions,
            self.sanctions: partitions,
            self.dead_letter: 1,
        }
        asyncio.run(create_topics(KafkaSettings(bootstrap_servers=self.bootstrap), counts))

    def produce(self, records: Sequence[tuple[bytes | None, bytes | None]], topic: str | None = None) -> None:
        """Publish `(key, value)` records to the raw topic (or `topic`) and wait for their acknowledgement."""
        asyncio.run(_produce(self.bootstrap, topic or self.raw, records))

    def read(
        self, topic: str, quiet_seconds: float = 2.0, timeout: float = 120.0
    ) -> list[tuple[bytes | None, bytes]]:
        """Every committed `(key, value)` of `topic`, read with isolation_level=read_committed.

        Returns once every partition is read up to its high watermark with no
        transaction left open (LSO == high watermark) and nothing new arrived
        for `quiet_seconds`.
        """
        return asyncio.run(_read_all(self.bootstrap, topic, quiet_seconds, timeout))

    def events(self) -> list[str]:
        """The JSON of every committed event on both events topics."""
        return [value.decode() for topic in (self.arms, self.sanctions) for _, value in self.read(topic)]

    def committed(self) -> int:
        """How many raw records the test's group has committed (the sum of its offsets on the raw topic)."""
        return asyncio.run(_committed(self.bootstrap, self.prefix, self.raw))

    def start(self, *args: str, name: str = "service", **env: str) -> ServiceProcess:
        """Start `python -m ingest ARGS` (default: `run`) in the background, logging to a file."""
        log_path = self.workdir / f"{name}-{len(self.processes)}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "ingest", *(args or ("run",))],
                cwd=ROOT,
                env=self.env(**env),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        service = ServiceProcess(process, log_path)
        self.processes.append(service)
        return service

    def run_until_idle(self, idle: float = 3.0, timeout: float = 240.0, **env: str) -> ServiceProcess:
        """Run the service until the input is drained and quiet for `idle` s; fails unless it exits 0."""
        service = self.start("run", "--until-idle", str(idle), **env)
        code = service.wait(timeout)
        assert code == 0, f"service exited with {code}:\n{service.tail()}"
        return service

    def close(self) -> None:
        for service in self.processes:
            service.kill()


async def _produce(bootstrap: str, topic: str, records: Sequence[tuple[bytes | None, bytes | None]]) -> None:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        enable_idempotence=True,
        linger_ms=20,
        max_request_size=4 << 20,
    )
    await producer.start()
    try:
        futures = [await producer.send(topic, value=value, key=key) for key, value in records]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def _committed(bootstrap: str, group: str, topic: str) -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    return sum(max(0, meta.offset) for tp, meta in offsets.items() if tp.topic == topic)


async def _read_all(
    bootstrap: str, topic: str, quiet_seconds: float, limit_seconds: float
) -> list[tuple[bytes | None, bytes]]:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        isolation_level="read_committed",
        fetch_max_bytes=16 << 20,
        max_partition_fetch_bytes=8 << 20,
    )
    await consumer.start()
    out: list[tuple[bytes | None, bytes]] = []
    try:
        deadline = time.monotonic() + limit_seconds
        last = time.monotonic()
        while time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=200)
            for messages in batches.values():
                out.extend((m.key, m.value) for m in messages)
                last = time.monotonic()
            if time.monotonic() - last < quiet_seconds:
                continue
            assigned = consumer.assignment()
            if assigned and all([await _settled(consumer, tp) for tp in assigned]):
                return out
        pytest.fail(f"{topic}: partitions still had open transactions after {limit_seconds} s")
    finally:
        await consumer.stop()
    return out


async def _settled(consumer: AIOKafkaConsumer, tp: object) -> bool:
    highwater = consumer.highwater(tp)
    stable = consumer.last_stable_offset(tp)
    if highwater is None or stable is None:
        return False
    return stable == highwater and await consumer.position(tp) >= highwater


def event_ids(events: Sequence[str]) -> list[str]:
    """The event_id of each event JSON."""
    return [json.loads(event)["event_id"] for event in events]


def dead_letter_keys(test: KafkaTest) -> list[bytes | None]:
    """The keys of the dead letters (the original records' keys)."""
    return [key for key, _ in test.read(test.dead_letter)]


def env_with(base: Mapping[str, str], **more: str) -> dict[str, str]:
    return {**base, **more}
