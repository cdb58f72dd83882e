"""SIGTERM mid-stream: the batch finishes, offsets commit, the process exits 0 in time; a restart redoes nothing."""

from __future__ import annotations

import json
import signal
import time
from collections import Counter

import pytest
from corpus import build
from harness import KafkaTest

pytestmark = pytest.mark.kafka

GRACE = 10.0


def test_sigterm_exits_cleanly_and_restart_resumes(kafka: KafkaTest) -> None:
    """SIGTERM during work exits 0 within the grace period; the restart processes only uncommitted records."""
    corpus = build(3000, seed=7)
    kafka.create_topics(partitions=2)
    kafka.produce(corpus.records)
    env = {
        "INGEST_PROCESSING_SHUTDOWN_GRACE_SECONDS": str(GRACE),
        "INGEST_PROCESSING_MAX_MESSAGE_BYTES": "65536",
    }
    first = kafka.start("run", **env)
    first.wait_for_line("partitions_assigned")
    first.wait_for_line('"dead_letter"')
    sent = time.monotonic()
    first.process.send_signal(signal.SIGTERM)
    code = first.wait(GRACE + 5)
    took = time.monotonic() - sent
    assert code == 0, first.tail()
    assert took < GRACE, f"took {took:.1f} s"
    log = first.log()
    assert '"shutdown_requested"' in log
    assert '"service_stopped"' in log

    done_before = {
        (line["partition"], line["offset"])
        for line in map(json.loads, log.splitlines())
        if line.get("event") in {"dead_letter", "event_published"}
    }
    second = kafka.run_until_idle(idle=3.0, **env)
    redone = {
        (line["partition"], line["offset"])
        for line in map(json.loads, second.log().splitlines())
        if line.get("event") in {"dead_letter", "event_published"}
    }
    assert redone, "the restart had nothing left to do; the signal came too late"
    assert not done_before & redone, "records committed before SIGTERM were processed again"
    assert Counter(kafka.events()) == corpus.events
    assert Counter(key for key, _ in kafka.read(kafka.dead_letter)) == corpus.bad_keys
