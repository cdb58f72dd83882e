"""The service on the real broker publishes exactly what `ingest extract` prints for the same articles."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from harness import ROOT, KafkaTest

pytestmark = pytest.mark.kafka


def test_seeds_replayed_give_the_events_of_ingest_extract(kafka: KafkaTest) -> None:
    """`ingest replay seeds/` then `ingest run --until-idle` publishes, event_id for event_id, `ingest extract seeds/`."""
    kafka.create_topics(partitions=3)
    replay = subprocess.run(
        [sys.executable, "-m", "ingest", "replay", "seeds/"],
        cwd=ROOT,
        env=kafka.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert replay.returncode == 0, replay.stderr
    assert "published 2 article(s)" in replay.stderr
    expected = subprocess.run(
        [sys.executable, "-m", "ingest", "extract", "seeds/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.splitlines()

    kafka.run_until_idle(idle=2.0)

    published = kafka.events()
    assert Counter(published) == Counter(expected)
    assert sorted(json.loads(e)["event_id"] for e in published) == sorted(
        json.loads(e)["event_id"] for e in expected
    )
    assert kafka.read(kafka.dead_letter) == []
    raw = kafka.read(kafka.raw)
    assert sorted(key for key, _ in raw) == [b"000_427d7b8bd0d2a8d0", b"004_ed9ce833d5ecdb29"]


def test_events_are_keyed_by_their_parties(kafka: KafkaTest) -> None:
    """Every published event's key names its parties, so one pair's events share a partition."""
    kafka.create_topics(partitions=3)
    text = (ROOT / "seeds" / "000_427d7b8bd0d2a8d0.txt").read_text(encoding="utf-8")
    kafka.produce([(b"k1", json.dumps({"id": "k1", "text": text}).encode())] * 3)
    kafka.run_until_idle(idle=2.0)
    for topic in (kafka.arms, kafka.sanctions):
        for key, value in kafka.read(topic):
            event = json.loads(value)
            assert key is not None
            assert b">" in key, event
