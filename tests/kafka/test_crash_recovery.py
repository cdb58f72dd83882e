"""After kill -9 at random moments, restarts, and members coming and going, every article is accounted for."""

from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict

import pytest
from corpus import Corpus, build
from harness import KafkaTest, ServiceProcess

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

MAX_BYTES = 65_536
SETTINGS = {"INGEST_PROCESSING_MAX_MESSAGE_BYTES": str(MAX_BYTES)}


def publish(kafka: KafkaTest, count: int, partitions: int, seed: int) -> Corpus:
    corpus = build(count, seed=seed, max_bytes=MAX_BYTES)
    kafka.create_topics(partitions)
    kafka.produce(corpus.records)
    return corpus


def kill_and_restart(
    kafka: KafkaTest, kills: int, rng: random.Random, total: int, **env: str
) -> list[ServiceProcess]:
    """Start the service and SIGKILL it up to `kills` times, each at a random moment after it began
    publishing; fewer when the group has committed all `total` records before (no stream left to break)."""
    killed = []
    for _ in range(kills):
        service = kafka.start("run", **env)
        service.wait_for_line("event_published")
        time.sleep(rng.uniform(0.0, 0.4))
        service.kill()
        killed.append(service)
        if kafka.committed() >= total:
            break
    return killed


def assert_exactly_once(kafka: KafkaTest, corpus: Corpus) -> None:
    published = Counter(kafka.events())
    assert published == corpus.events, (
        f"missing {sum((corpus.events - published).values())}, extra {sum((published - corpus.events).values())}"
    )
    assert Counter(key for key, _ in kafka.read(kafka.dead_letter)) == corpus.bad_keys


def test_kill_9_exactly_once(kafka: KafkaTest) -> None:
    """Killed with SIGKILL six times mid-stream, the service still publishes every event and dead letter once."""
    corpus = publish(kafka, 3000, partitions=4, seed=1)
    rng = random.Random()
    env = {**SETTINGS, "INGEST_KAFKA_GROUP_INSTANCE_ID": "crash-a"}
    kill_and_restart(kafka, 6, rng, len(corpus.records), **env)
    final = kafka.run_until_idle(idle=3.0, **env)
    assert '"input_drained"' in final.log()
    assert_exactly_once(kafka, corpus)


def test_kill_9_at_least_once(kafka: KafkaTest) -> None:
    """In at-least-once mode kills lose nothing, and any repeated event is byte-identical, same event_id."""
    corpus = publish(kafka, 2000, partitions=4, seed=2)
    rng = random.Random()
    env = {**SETTINGS, "INGEST_PROCESSING_MODE": "at_least_once", "INGEST_KAFKA_GROUP_INSTANCE_ID": "alo-a"}
    kill_and_restart(kafka, 4, rng, len(corpus.records), **env)
    kafka.run_until_idle(idle=3.0, **env)
    published = kafka.events()
    assert set(published) == set(corpus.events)
    by_id: dict[str, set[str]] = defaultdict(set)
    for event in published:
        by_id[json.loads(event)["event_id"]].add(event)
    assert all(len(versions) == 1 for versions in by_id.values())
    letters = Counter(key for key, _ in kafka.read(kafka.dead_letter))
    assert set(letters) == set(corpus.bad_keys)


def test_members_join_and_one_is_killed(kafka: KafkaTest) -> None:
    """Two, then three instances share six partitions; one is killed mid-stream; nothing is lost or doubled."""
    corpus = publish(kafka, 3000, partitions=6, seed=3)
    env = {**SETTINGS, "INGEST_PROCESSING_TRANSACTION_TIMEOUT_MS": "10000"}
    # --until-idle must outlast the session timeout, or survivors leave before the dead member's partitions move.
    args = ("run", "--until-idle", "10")
    first = kafka.start(*args, name="a", INGEST_PROCESSING_INSTANCE_ID="a", **env)
    second = kafka.start(*args, name="b", INGEST_PROCESSING_INSTANCE_ID="b", **env)
    second.wait_for_line("partitions_assigned")
    first.wait_for_line("partitions_assigned")
    time.sleep(0.5)
    third = kafka.start(*args, name="c", INGEST_PROCESSING_INSTANCE_ID="c", **env)
    third.wait_for_line('"partitions_assigned", "level"')
    time.sleep(random.uniform(0.2, 1.5))
    second.kill()
    for survivor in (first, third):
        code = survivor.wait(240)
        assert code == 0, survivor.tail()
    assert_exactly_once(kafka, corpus)
