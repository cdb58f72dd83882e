"""The service against a broker that only speaks TLS + SASL: a round trip, and fast failure on bad credentials.

A second local broker (deploy/local/secure/broker.sh: test CA made with openssl,
PKCS12 keystore, SCRAM users added by Kafka's StorageTool at format time, a PLAIN
user in the listener's JAAS config) runs on 127.0.0.1:19192 for this module and
is stopped when it ends. The topics are created by deploy/base/topics.sh, the
documented command, over SASL_SSL.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.helpers import create_ssl_context

from ingest.extract import extract

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
BROKER_SH = ROOT / "deploy" / "local" / "secure" / "broker.sh"
TOPICS_SH = ROOT / "deploy" / "base" / "topics.sh"
KAFKA_SH = ROOT / "deploy" / "local" / "kafka.sh"
PORT = int(os.environ.get("SECURE_KAFKA_PORT", "19192"))
STATE = ROOT / ".cache" / "kafka-secure" / str(PORT)
TOPICS = {
    "raw": "articles.raw",
    "arms": "events.arms-transfers",
    "sanctions": "events.sanctions",
    "dead_letter": "articles.dead-letter",
}
# Written for this test: one arms-transfer and one sanction sentence.
ARTICLE = (
    "The United States will deliver 12 HIMARS rocket launchers to Ukraine, the Pentagon said on Monday.\n\n"
    "The European Union imposed sanctions on Iran over drone deliveries to Russia.\n"
)
# A refused login must end the service well inside this; a retry loop would run until killed.
FAIL_FAST_SECONDS = 45


@dataclass(frozen=True)
class SecureBroker:
    """Where the secure broker listens and how each of its users logs in."""

    bootstrap: str
    ca_file: Path
    other_ca_file: Path
    passwords: dict[str, str]

    def client_properties(self, mechanism: str) -> Path:
        return STATE / f"client-{mechanism.lower()}.properties"


def _broker(command: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SECURE_KAFKA_PORT": str(PORT)}
    return subprocess.run(
        ["bash", str(BROKER_SH), command],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def secure_broker() -> Iterator[SecureBroker]:
    """A fresh TLS + SASL broker for this module; stopped afterwards whatever the tests did."""
    missing = [tool for tool in ("java", "openssl") if shutil.which(tool) is None]
    if missing:
        message = f"the secure broker needs {', '.join(missing)}"
        if os.environ.get("INGEST_REQUIRE_KAFKA") == "1":
            pytest.fail(message)
        pytest.skip(message)
    cleaned = _broker("clean", timeout=120)
    assert cleaned.returncode == 0, cleaned.stderr
    try:
        started = _broker("start", timeout=600)
        assert started.returncode == 0, started.stdout + started.stderr
        passwords: dict[str, str] = {}
        for line in (STATE / "credentials.env").read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            passwords[name.removesuffix("_PASSWORD").lower()] = value
        yield SecureBroker(
            bootstrap=f"127.0.0.1:{PORT}",
            ca_file=STATE / "certs" / "ca.crt",
            other_ca_file=STATE / "certs" / "other-ca.crt",
            passwords=passwords,
        )
    finally:
        stopped = _broker("stop", timeout=120)
        assert stopped.returncode == 0, stopped.stderr


@pytest.fixture(scope="module")
def topics(secure_broker: SecureBroker) -> dict[str, int]:
    """The service's topics, created over SASL_SSL by the documented topics.sh; their partition counts."""
    env = {
        **os.environ,
        "KAFKA_TOPICS": f"bash {KAFKA_SH} tool org.apache.kafka.tools.TopicCommand",
        "REPLICATION_FACTOR": "1",
        "MIN_INSYNC_REPLICAS": "1",
    }
    created = subprocess.run(
        [
            "bash",
            str(TOPICS_SH),
            "--bootstrap-server",
            secure_broker.bootstrap,
            "--command-config",
            str(secure_broker.client_properties("scram-sha-256")),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert created.returncode == 0, created.stdout + created.stderr
    return asyncio.run(_partition_counts(secure_broker))


def _security(broker: SecureBroker, mechanism: str, user: str, password: str) -> dict[str, object]:
    return {
        "bootstrap_servers": broker.bootstrap,
        "security_protocol": "SASL_SSL",
        "ssl_context": create_ssl_context(cafile=str(broker.ca_file)),
        "sasl_mechanism": mechanism,
        "sasl_plain_username": user,
        "sasl_plain_password": password,
    }


def _plain_login(broker: SecureBroker) -> dict[str, object]:
    """SASL/PLAIN (a third mechanism, next to the two SCRAM ones) as the `plain` user."""
    return _security(broker, "PLAIN", "plain", broker.passwords["plain"])


async def _partitions(broker: SecureBroker, names: list[str]) -> dict[str, list[int]]:
    admin = AIOKafkaAdminClient(**_plain_login(broker))
    await admin.start()
    try:
        described = await admin.describe_topics(names)
        return {t["topic"]: sorted(p["partition"] for p in t["partitions"]) for t in described}
    finally:
        await admin.close()


async def _partition_counts(broker: SecureBroker) -> dict[str, int]:
    found = await _partitions(broker, list(TOPICS.values()))
    return {name: len(partitions) for name, partitions in found.items()}


def _service_env(broker: SecureBroker, group: str, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
    env.update(
        {
            "INGEST_KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "INGEST_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
            "INGEST_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "INGEST_KAFKA_SASL_USERNAME": "ingest",
            "INGEST_KAFKA_SASL_PASSWORD": broker.passwords["ingest"],
            "INGEST_KAFKA_SSL_CAFILE": str(broker.ca_file),
            "INGEST_KAFKA_GROUP_ID": group,
            "INGEST_HTTP_PORT": "0",
            "INGEST_LOG_FORMAT": "json",
            **{f"INGEST_TOPICS_{key.upper()}": name for key, name in TOPICS.items()},
        }
    )
    env.update(overrides)
    return env


def _ingest(
    args: list[str], env: dict[str, str], timeout: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result, time.monotonic() - started


async def _read_to_end(broker: SecureBroker, topic: str) -> list[dict[str, object]]:
    """Every committed value on `topic`, read from the beginning to the current end offsets."""
    partitions = [TopicPartition(topic, p) for p in (await _partitions(broker, [topic]))[topic]]
    consumer = AIOKafkaConsumer(
        **_plain_login(broker), isolation_level="read_committed", enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        values: list[dict[str, object]] = []
        deadline = time.monotonic() + 30
        while any([await consumer.position(tp) < ends[tp] for tp in partitions]):
            assert time.monotonic() < deadline, f"could not read {topic} to its end"
            batches = await consumer.getmany(timeout_ms=500)
            values.extend(json.loads(r.value) for records in batches.values() for r in records if r.value)
        return values
    finally:
        await consumer.stop()


async def _group_lag(broker: SecureBroker, group: str, topic: str) -> int:
    """End offsets minus the group's committed offsets, summed over `topic`'s partitions."""
    partitions = [TopicPartition(topic, p) for p in (await _partitions(broker, [topic]))[topic]]
    admin = AIOKafkaAdminClient(**_plain_login(broker))
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(**_plain_login(broker), enable_auto_commit=False)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    return sum(ends[tp] - (committed[tp].offset if tp in committed else 0) for tp in partitions)


def test_topics_script_creates_the_topics_over_sasl_ssl(topics: dict[str, int]) -> None:
    """The documented topics.sh, with a SCRAM-SHA-256 client config, creates all four topics as sized."""
    assert topics == {
        "articles.raw": 12,
        "events.arms-transfers": 12,
        "events.sanctions": 12,
        "articles.dead-letter": 3,
    }


def test_service_round_trip_over_sasl_ssl(
    secure_broker: SecureBroker, topics: dict[str, int], tmp_path: Path
) -> None:
    """An article replayed over SASL_SSL comes out as the extractor's events, and the group commits past it."""
    assert topics
    article_id = f"secure-{uuid.uuid4().hex[:8]}"
    (tmp_path / f"{article_id}.txt").write_text(ARTICLE, encoding="utf-8")
    group = f"ingest-secure-{uuid.uuid4().hex[:8]}"
    env = _service_env(secure_broker, group)

    replayed, _ = _ingest(["replay", str(tmp_path / f"{article_id}.txt")], env, timeout=120)
    assert replayed.returncode == 0, replayed.stderr
    ran, elapsed = _ingest(["run", "--until-idle", "3"], env, timeout=180)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]

    expected = {event.event_id for event in extract(ARTICLE, article_id)}
    published = [
        value
        for name in (TOPICS["arms"], TOPICS["sanctions"])
        for value in asyncio.run(_read_to_end(secure_broker, name))
        if value.get("article_id") == article_id
    ]
    assert {value["event_id"] for value in published} == expected
    assert len(published) == len(expected), "an event was published twice"
    assert asyncio.run(_group_lag(secure_broker, group, TOPICS["raw"])) == 0, (
        "the article's offset is not committed"
    )
    assert elapsed < 120


def _error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines an operator reads: plain text lines, and the service's own error records among its JSON logs.

    Error records of third-party loggers (aiokafka's "Unable connect to ...") are library detail, not counted.
    """
    lines = []
    for line in (result.stdout + result.stderr).splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        try:
            record = json.loads(stripped)
        except ValueError:
            lines.append(stripped)
            continue
        own = not str(record.get("logger", "ingest")).startswith("aiokafka")
        if own and record.get("level") in ("error", "critical"):
            lines.append(stripped)
    return lines


@pytest.mark.parametrize(
    ("case", "overrides", "words"),
    [
        ("wrong-password", {"INGEST_KAFKA_SASL_PASSWORD": "not-the-password"}, ("authentication", "sasl")),
        ("untrusted-ca", {"INGEST_KAFKA_SSL_CAFILE": "other-ca"}, ("certificate", "tls", "ssl")),
    ],
)
def test_refused_login_stops_the_service_with_one_line(
    secure_broker: SecureBroker,
    topics: dict[str, int],
    case: str,
    overrides: dict[str, str],
    words: tuple[str, ...],
) -> None:
    """A wrong password or a CA that did not sign the broker ends `ingest run` quickly: non-zero, one clear line."""
    assert topics
    if overrides.get("INGEST_KAFKA_SSL_CAFILE") == "other-ca":
        overrides = {"INGEST_KAFKA_SSL_CAFILE": str(secure_broker.other_ca_file)}
    env = _service_env(secure_broker, f"ingest-{case}-{uuid.uuid4().hex[:6]}", **overrides)
    try:
        result, elapsed = _ingest(["run"], env, timeout=FAIL_FAST_SECONDS)
    except subprocess.TimeoutExpired as exc:
        stderr = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        tail = stderr.strip().splitlines()[-2:]
        pytest.fail(
            f"{case}: `ingest run` still retrying after {FAIL_FAST_SECONDS} s instead of exiting; last lines: {tail}"
        )
    assert result.returncode != 0
    lines = _error_lines(result)
    assert len(lines) == 1, f"expected one line for the operator, got {lines}"
    assert "Traceback" not in result.stderr
    assert any(word in lines[0].lower() for word in words), lines[0]
    assert elapsed < FAIL_FAST_SECONDS
