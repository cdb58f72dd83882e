"""The broker stops and comes back mid-stream: the service rides it out and nothing is lost or doubled.

Uses a second, private broker (ports 19092/19093) so the shared one stays up for other tests.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import build
from harness import ROOT, KafkaTest

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

PORT, CONTROLLER_PORT = 19092, 19093


def broker(command: str) -> None:
    env = {**os.environ, "KAFKA_PORT": str(PORT), "KAFKA_CONTROLLER_PORT": str(CONTROLLER_PORT)}
    result = subprocess.run(
        ["bash", "deploy/local/kafka.sh", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"kafka.sh {command} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def private_broker(bootstrap: str) -> Iterator[str]:
    """A broker of our own on 127.0.0.1:19092, deleted afterwards."""
    assert bootstrap  # the shared broker answering means Java and the jars are in place
    broker("start")
    try:
        yield f"127.0.0.1:{PORT}"
    finally:
        broker("clean")


def test_broker_restart_mid_stream(private_broker: str, unique: str, tmp_path: Path) -> None:
    """Stopping and restarting the broker while the service works loses and doubles nothing."""
    kafka = KafkaTest(bootstrap=private_broker, prefix=unique, workdir=tmp_path)
    try:
        corpus = build(4000, seed=11, max_bytes=65_536)
        kafka.create_topics(partitions=2)
        kafka.produce(corpus.records)
        service = kafka.start(
            "run",
            "--until-idle",
            "8",
            INGEST_PROCESSING_MAX_MESSAGE_BYTES="65536",
            INGEST_KAFKA_GROUP_INSTANCE_ID="restart-a",
            # Small batches: many transactions, so the outage lands in the middle of the stream.
            INGEST_PROCESSING_BATCH_MAX_RECORDS="5",
        )
        service.wait_for_line('"dead_letter"')
        broker("stop")
        time.sleep(3)
        broker("start")
        code = service.wait(240)
        assert code == 0, service.tail()
        lines = service.log().splitlines()
        outages = [i for i, line in enumerate(lines) if str(PORT) in line and "onnect" in line]
        assert outages, "the service never noticed the broker was gone"
        assert any('"dead_letter"' in line for line in lines[outages[0] :]), "the outage came after the work"
        assert Counter(kafka.events()) == corpus.events
        assert Counter(key for key, _ in kafka.read(kafka.dead_letter)) == corpus.bad_keys
    finally:
        kafka.close()
