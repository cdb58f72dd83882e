"""Extraction in worker processes on the real broker publishes exactly what `ingest extract` prints."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from corpus import SEEDS, synthetic_text
from harness import ROOT, KafkaTest

pytestmark = pytest.mark.kafka


def ingest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m ingest ARGS` from the repository root; fails the test unless it exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_two_workers_publish_the_events_of_ingest_extract_once(kafka: KafkaTest, tmp_path: Path) -> None:
    """The seeds and 300 synthetic reports, run with INGEST_PROCESSING_WORKERS=2, give every event of
    `ingest extract` exactly once to a read_committed reader, and no dead letter."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, articles / seed.name)
    rng = random.Random(29)
    for index in range(300):
        (articles / f"syn-{index:03d}.txt").write_text(synthetic_text(rng, index), encoding="utf-8")
    kafka.create_topics(partitions=4)
    replayed = ingest("replay", str(articles), env=kafka.env())
    assert "published 302 article(s)" in replayed.stderr
    expected = ingest("extract", str(articles)).stdout.splitlines()
    assert len(expected) > 100, "the corpus gives too few events to tell anything"

    service = kafka.run_until_idle(
        idle=3.0, INGEST_PROCESSING_WORKERS="2", INGEST_PROCESSING_CHUNK_RECORDS="16"
    )

    assert '"workers": 2' in service.log() or "workers=2" in service.log()
    published = kafka.events()
    assert Counter(published) == Counter(expected)
    assert Counter(json.loads(e)["event_id"] for e in published) == Counter(
        json.loads(e)["event_id"] for e in expected
    )
    assert kafka.read(kafka.dead_letter) == []
