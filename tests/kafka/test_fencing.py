"""Two live instances under one instance id (exactly-once): one is fenced and stops, the other goes on, nothing doubles.

Both use the transactional id `<prefix>-<group>-<instance id>`. The second one's
producer takes the id over, which fences the first: the first must stop with one
fatal line instead of reconnecting (which would fence the second in turn), and no
transaction of the fenced producer may become visible.
"""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
from corpus import build
from harness import KafkaTest, ServiceProcess

pytestmark = pytest.mark.kafka

MAX_BYTES = 65_536


def error_lines(service: ServiceProcess) -> list[dict[str, object]]:
    """The error records an operator reads; aiokafka's own ("Unable connect to ...") are library detail."""
    records = [json.loads(line) for line in service.log().splitlines() if line.startswith("{")]
    return [
        r
        for r in records
        if r.get("level") in ("error", "critical") and not str(r.get("logger", "")).startswith("aiokafka")
    ]


def wait_all(services: list[ServiceProcess], timeout: float) -> list[int]:
    """The exit codes of `services`, once every one has exited (fails after `timeout` s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        codes = [service.process.poll() for service in services]
        if all(code is not None for code in codes):
            return [code for code in codes if code is not None]
        time.sleep(0.2)
    tails = "\n\n".join(service.tail() for service in services)
    pytest.fail(f"not every instance exited within {timeout} s:\n{tails}")


def test_same_instance_id_twice_fences_one_and_publishes_once(kafka: KafkaTest) -> None:
    """A second live instance with the same id fences one: it exits 1 with one fatal line, the other drains, each event once."""
    corpus = build(3000, seed=11, max_bytes=MAX_BYTES)
    kafka.create_topics(partitions=2)
    kafka.produce(corpus.records)
    env = {"INGEST_PROCESSING_MAX_MESSAGE_BYTES": str(MAX_BYTES), "INGEST_PROCESSING_INSTANCE_ID": "twin"}
    # --until-idle outlasts the session timeout, so the survivor waits for the fenced one's partitions.
    args = ("run", "--until-idle", "10")
    first = kafka.start(*args, name="first", **env)
    first.wait_for_line('"dead_letter"')
    second = kafka.start(*args, name="second", **env)

    codes = wait_all([first, second], timeout=240)
    assert sorted(codes) == [0, 1], f"exit codes {codes}"
    fenced, survivor = (first, second) if codes[0] == 1 else (second, first)
    errors = error_lines(fenced)
    assert [e["event"] for e in errors] == ["fatal_kafka_fault"], errors
    assert "ProducerFenced" in str(errors[0]["error"])
    assert error_lines(survivor) == []
    assert '"input_drained"' in survivor.log()
    assert '"event_published"' in second.log(), "the second instance never did any work"

    published = Counter(kafka.events())
    assert published == corpus.events, (
        f"missing {sum((corpus.events - published).values())}, extra {sum((published - corpus.events).values())}"
    )
    assert Counter(key for key, _ in kafka.read(kafka.dead_letter)) == corpus.bad_keys
