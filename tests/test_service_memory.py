"""The service loop on the in-memory broker: delivery guarantees, recovery and shutdown, fast."""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from aiokafka.errors import ProducerFenced
from fakes import fake_extract as stand_in_extract
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from ingest.codec import Message
from ingest.errors import FatalKafkaFault, TransientKafkaFault
from ingest.http import Health
from ingest.kafka import Delivery, TopicPartition
from ingest.kafka.memory import MemoryBroker, MemorySink, MemorySource
from ingest.models import ArmsTransfer, DeadLetter, Sanction
from ingest.pipeline import Extractor, Pipeline
from ingest.service import Service
from ingest.settings import Settings, load_settings

RAW, ARMS, SANC, DLQ = "raw", "arms", "sanc", "dlq"


def settings(**processing: object) -> Settings:
    return load_settings(
        topics={"raw": RAW, "arms": ARMS, "sanctions": SANC, "dead_letter": DLQ},
        processing={
            "batch_max_records": 7,
            "chunk_records": 3,
            "retry_backoff_max_seconds": 0.01,
            **processing,
        },
        kafka={"group_id": "g"},
    )


def broker_with(texts: list[bytes], partitions: int = 3) -> MemoryBroker:
    broker = MemoryBroker(default_partitions=partitions)
    broker.create_topic(RAW, partitions)
    for index, text in enumerate(texts):
        broker.produce(RAW, text, key=f"k{index}".encode())
    return broker


def corpus(n: int) -> list[bytes]:
    """Every fifth record bad, the others with one or two events."""
    texts: list[bytes] = []
    for i in range(n):
        if i % 5 == 4:
            texts.append(b"\xff bad bytes" if i % 2 else b'{"text": ')
        else:
            texts.append(
                json.dumps({"id": f"a{i}", "text": f"arms c{i % 7}>r{i % 3}\nsanction s{i}>t{i}\n"}).encode()
            )
    return texts


def service(
    broker: MemoryBroker, config: Settings, extractor: Extractor, sink: type[MemorySink] = MemorySink
) -> Service:
    """A service on the in-memory broker; `sink` is the producer class (a subclass to watch or break it)."""
    transactional = config.processing.mode == "exactly_once"
    return Service(
        config,
        MemorySource(broker, RAW, config.kafka.group_id),
        lambda: sink(broker, transactional=transactional),
        pipeline=Pipeline(config, extractor),
    )


def expected_ids(texts: list[bytes], extractor: Extractor) -> Counter[str]:
    ids: Counter[str] = Counter()
    for i, text in enumerate(texts):
        if i % 5 != 4:
            ids.update(e.event_id for e in extractor(json.loads(text)["text"], f"a{i}"))
    return ids


def published_ids(broker: MemoryBroker) -> Counter[str]:
    return Counter(json.loads(m.value)["event_id"] for t in (ARMS, SANC) for m in broker.read_committed(t))


async def test_every_record_gives_its_events_or_one_dead_letter(fake_extract: Extractor) -> None:
    """Good records publish their events once, bad ones land in the dead-letter topic once, offsets commit."""
    texts = corpus(40)
    broker = broker_with(texts)
    await service(broker, settings(), fake_extract).run(until_idle=0.05)
    assert published_ids(broker) == expected_ids(texts, fake_extract)
    letters = [DeadLetter.model_validate_json(m.value) for m in broker.read_committed(DLQ)]
    assert sorted(letter.reason for letter in letters) == ["invalid_json"] * 4 + ["not_utf8"] * 4
    committed = broker.group_offsets["g"]
    assert sum(committed.values()) == len(texts)


async def test_failed_transactions_are_rolled_back_and_redone_once(fake_extract: Extractor) -> None:
    """Faults at every step of a transaction never lose or double an event."""
    texts = corpus(60)
    broker = broker_with(texts)
    for operation in ("begin", "send", "delivery", "send_offsets", "commit", "committed"):
        broker.fail_next(operation, TransientKafkaFault(f"{operation} failed"))
    broker.fail_next("abort", TransientKafkaFault("abort failed"))
    await service(broker, settings(), fake_extract).run(until_idle=0.05)
    published = published_ids(broker)
    assert published == expected_ids(texts, fake_extract)
    assert max(published.values()) == 1
    assert len(broker.read_committed(DLQ)) == 12


async def test_at_least_once_duplicates_carry_the_same_ids(fake_extract: Extractor) -> None:
    """In at-least-once mode a failed commit may repeat events, never lose one, and repeats share ids."""
    texts = corpus(30)
    broker = broker_with(texts)
    broker.fail_next("delivery", TransientKafkaFault("lost ack"))
    broker.fail_next("offset_commit", TransientKafkaFault("coordinator moved"), times=2)
    await service(broker, settings(mode="at_least_once"), fake_extract).run(until_idle=0.05)
    published = published_ids(broker)
    assert set(published) == set(expected_ids(texts, fake_extract))
    assert sum(published.values()) >= sum(expected_ids(texts, fake_extract).values())


async def test_fatal_fault_stops_the_service(fake_extract: Extractor) -> None:
    """A fatal fault (here: fenced at commit) ends `run` with FatalKafkaFault instead of retrying."""
    broker = broker_with(corpus(5))
    broker.fail_next("commit", FatalKafkaFault("commit transaction failed: ProducerFenced"))
    with pytest.raises(FatalKafkaFault, match="ProducerFenced"):
        await service(broker, settings(), fake_extract).run(until_idle=0.05)
    assert published_ids(broker) == Counter()


async def test_fenced_while_rolling_back_stops_instead_of_taking_the_id_back(fake_extract: Extractor) -> None:
    """When the abort after a failed send says another instance fenced us, the service stops rather than reconnect."""
    broker = broker_with(corpus(5))
    broker.fail_next("send", TransientKafkaFault("send failed: RequestTimedOutError"))
    fenced = FatalKafkaFault("abort transaction failed: ProducerFenced")
    fenced.__cause__ = ProducerFenced()
    broker.fail_next("abort", fenced)
    starts: list[MemorySink] = []

    def sink() -> MemorySink:
        starts.append(MemorySink(broker, transactional=True))
        return starts[-1]

    config = settings()
    svc = Service(config, MemorySource(broker, RAW, "g"), sink, pipeline=Pipeline(config, fake_extract))
    with pytest.raises(FatalKafkaFault, match="ProducerFenced"):
        await svc.run(until_idle=0.05)
    assert len(starts) == 1, "a second producer took the transactional id back"
    assert published_ids(broker) == Counter()


async def test_extractor_crash_is_a_dead_letter_and_the_batch_goes_on(fake_extract: Extractor) -> None:
    """An exception inside the extractor dead-letters that article only."""
    texts = [b"arms a>b\n", b"explode\n", b"arms c>d\n"]
    broker = broker_with(texts, partitions=1)
    await service(broker, settings(), fake_extract).run(until_idle=0.05)
    letters = [DeadLetter.model_validate_json(m.value) for m in broker.read_committed(DLQ)]
    assert [(letter.reason, letter.exception, letter.offset) for letter in letters] == [
        ("extractor_error", "ValueError", 1)
    ]
    assert len(published_ids(broker)) == 2


async def test_stop_finishes_the_batch_and_commits(fake_extract: Extractor) -> None:
    """Setting the stop event ends the loop after a committed batch; a restart continues where it stopped."""
    texts = corpus(50)
    broker = broker_with(texts, partitions=1)
    config = settings(batch_max_records=10)
    first = service(broker, config, fake_extract)
    first.stop_event.set()
    await first.run()
    assert published_ids(broker) == Counter()
    committed = asyncio.Event()

    class WatchedSink(MemorySink):
        async def commit(self) -> None:
            await super().commit()
            committed.set()

    second = Service(
        config,
        MemorySource(broker, RAW, "g"),
        lambda: WatchedSink(broker, transactional=True),
        pipeline=Pipeline(config, fake_extract),
    )
    task = asyncio.create_task(second.run())
    await committed.wait()
    second.stop_event.set()
    await task
    done = broker.group_offsets["g"][TopicPartition(RAW, 0)]
    assert done % 10 == 0
    assert 10 <= done < 50
    await service(broker, config, fake_extract).run(until_idle=0.05)
    assert published_ids(broker) == expected_ids(texts, fake_extract)


async def test_revocation_waits_for_the_batch_in_flight(fake_extract: Extractor) -> None:
    """A rebalance does not take partitions away before the batch on them is committed."""
    broker = broker_with(corpus(7), partitions=1)
    config = settings()
    release = asyncio.Event()
    committing = asyncio.Event()
    order: list[str] = []

    class SlowSink(MemorySink):
        async def commit(self) -> None:
            committing.set()
            await release.wait()
            await super().commit()
            order.append("committed")

    svc = Service(
        config,
        MemorySource(broker, RAW, "g"),
        lambda: SlowSink(broker, transactional=True),
        pipeline=Pipeline(config, fake_extract),
    )
    task = asyncio.create_task(svc.run(until_idle=0.05))
    await committing.wait()
    revoke = asyncio.create_task(svc.on_revoked(frozenset({TopicPartition(RAW, 0)})))
    await asyncio.sleep(0.02)
    assert not revoke.done()
    release.set()
    await revoke
    order.append("revoked")
    await task
    assert order[:2] == ["committed", "revoked"]


async def test_the_next_batch_is_extracted_while_the_last_one_commits(fake_extract: Extractor) -> None:
    """The extractor works on the next batch while the broker commits the last one, and nothing is doubled."""
    texts = corpus(42)
    broker = broker_with(texts, partitions=1)
    config = settings()
    trace: list[str] = []

    class SlowSink(MemorySink):
        async def commit(self) -> None:
            trace.append("commit started")
            await asyncio.sleep(0.02)
            await super().commit()
            trace.append("commit done")

    def traced(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
        trace.append("extract")
        return list(fake_extract(text, article_id))

    await service(broker, config, traced, SlowSink).run(until_idle=0.05)
    overlapped = [
        i
        for i, step in enumerate(trace)
        if step == "extract" and trace[:i].count("commit started") > trace[:i].count("commit done")
    ]
    assert overlapped, "no article was extracted while a commit was in flight"
    published = published_ids(broker)
    assert published == expected_ids(texts, fake_extract)
    assert max(published.values()) == 1


@pytest.mark.parametrize("mode", ["exactly_once", "at_least_once"])
@pytest.mark.parametrize("failing", [1, 2, 4])
async def test_a_failed_batch_is_read_again_with_the_one_fetched_after_it(
    fake_extract: Extractor, mode: str, failing: int
) -> None:
    """When batch `failing` is not acknowledged, it and the batch already extracted after it are read again:
    no event is lost, and in exactly-once mode none is repeated."""
    texts = corpus(60)
    broker = broker_with(texts)
    waits = 0

    class FailingSink(MemorySink):
        async def wait(self, deliveries: Sequence[Delivery]) -> None:
            nonlocal waits
            waits += 1
            if waits == failing:
                raise TransientKafkaFault("lost acknowledgement")
            await super().wait(deliveries)

    await service(broker, settings(mode=mode), fake_extract, FailingSink).run(until_idle=0.05)
    assert waits > failing
    published = published_ids(broker)
    expected = expected_ids(texts, fake_extract)
    if mode == "exactly_once":
        assert published == expected
    else:
        assert set(published) == set(expected)
        assert all(published[i] >= n for i, n in expected.items())
    assert len({m.value for m in broker.read_committed(DLQ)}) == 12


async def test_readiness_drops_as_soon_as_stop_is_set(fake_extract: Extractor) -> None:
    """Stopping makes the instance not ready at once, while its batch in flight is still being committed."""
    texts = corpus(7)
    broker = broker_with(texts, partitions=1)
    config = settings()
    release = asyncio.Event()
    committing = asyncio.Event()

    class SlowSink(MemorySink):
        async def commit(self) -> None:
            committing.set()
            await release.wait()
            await super().commit()

    health = Health()
    svc = Service(
        config,
        MemorySource(broker, RAW, "g"),
        lambda: SlowSink(broker, transactional=True),
        pipeline=Pipeline(config, fake_extract),
        health=health,
    )
    task = asyncio.create_task(svc.run())
    await committing.wait()
    assert health.ready
    svc.stop_event.set()
    await asyncio.sleep(0.01)
    assert not task.done(), "the batch in flight was not waited for"
    assert (health.ready, health.not_ready_reason) == (False, "shutting down")
    release.set()
    await task
    assert health.not_ready_reason == "shutting down"
    assert published_ids(broker) == expected_ids(texts, fake_extract)


async def test_liveness_holds_while_the_first_connection_is_retried(fake_extract: Extractor) -> None:
    """A broker down at start, with retry waits longer than the liveness period, never makes the loop look stalled."""
    texts = corpus(5)
    broker = broker_with(texts, partitions=1)
    broker.fail_next("producer_start", TransientKafkaFault("broker down"), times=3)
    config = settings(retry_backoff_max_seconds=1.0)
    health = Health(stale_after=0.3)
    svc = Service(
        config,
        MemorySource(broker, RAW, "g"),
        lambda: MemorySink(broker, transactional=True),
        pipeline=Pipeline(config, fake_extract),
        health=health,
    )
    task = asyncio.create_task(svc.run(until_idle=0.05))
    samples: list[bool] = []
    while not task.done():
        samples.append(health.alive)
        await asyncio.sleep(0.02)
    await task
    assert len(samples) > 20, "the retries took no time; nothing was measured"
    assert all(samples), f"/livez would have failed in {samples.count(False)} of {len(samples)} samples"
    assert published_ids(broker) == expected_ids(texts, fake_extract)


def crash_once_extract(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
    """`fake_extract`, except that a line `crash PATH` kills the process the first time (when PATH is absent)."""
    for line in text.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] == "crash":
            marker = Path(words[1])
            if not marker.exists():
                marker.touch()
                os._exit(3)
    return stand_in_extract(text, article_id)


def outputs(broker: MemoryBroker) -> dict[str, list[list[Message]]]:
    """Every committed output message, topic by topic and partition by partition."""
    return {
        topic: [[s.message for s in log if s.state == "committed"] for log in broker.topics.get(topic, [])]
        for topic in (ARMS, SANC, DLQ)
    }


async def test_worker_processes_publish_exactly_what_one_process_publishes(fake_extract: Extractor) -> None:
    """With two worker processes the events, dead letters (extractor crashes included) and offsets are byte for
    byte those of in-process extraction, in the same order."""
    texts = corpus(45)
    texts[7] = b"explode\n"
    texts[23] = json.dumps({"id": "boom", "text": "arms x>y\nexplode\n"}).encode()
    results = []
    for workers in (1, 2):
        broker = broker_with(texts)
        await service(broker, settings(workers=workers, chunk_records=4), fake_extract).run(until_idle=0.05)
        results.append((outputs(broker), broker.group_offsets["g"]))
    (one, one_offsets), (two, two_offsets) = results
    assert two == one
    assert two_offsets == one_offsets
    assert sum(two_offsets.values()) == len(texts)
    letters = [DeadLetter.model_validate_json(m.value) for part in two[DLQ] for m in part]
    assert sorted(letter.reason for letter in letters).count("extractor_error") == 2


async def test_a_crashed_worker_loses_and_doubles_nothing(tmp_path: Path) -> None:
    """When a worker process dies mid-batch, fresh workers extract the batch again and every event is published
    once."""
    texts = corpus(30)
    texts[12] = json.dumps({"id": "a12", "text": f"crash {tmp_path / 'crashed'}\narms k>l\n"}).encode()
    broker = broker_with(texts)
    config = settings(workers=2)
    await service(broker, config, crash_once_extract).run(until_idle=0.05)
    assert (tmp_path / "crashed").exists(), "no worker crashed; nothing was tested"
    published = published_ids(broker)
    assert max(published.values()) == 1
    assert published == expected_ids(texts, crash_once_extract)
    assert sum(broker.group_offsets["g"].values()) == len(texts)


LIMIT = 200_000


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _not_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return True
    return False


BAD = st.one_of(
    st.binary(min_size=1, max_size=300).filter(_not_utf8).map(lambda b: ("not_utf8", b)),
    st.sampled_from([None, b"", b"   ", b"\n\t\r "]).map(lambda b: ("empty_text", b)),
    st.integers(LIMIT + 1, LIMIT + 5000).map(lambda n: ("oversized", b"z" * n)),
    # Deeper than any recursion limit, so the parser refuses it wherever it runs.
    st.integers(50_000, 90_000).map(
        lambda d: ("invalid_json", b'{"text": "x", "n": ' + b"[" * d + b"]" * d + b"}")
    ),
    st.text(max_size=60)
    .map(lambda t: ("{" + t).encode())
    .filter(_not_json)
    .map(lambda b: ("invalid_json", b)),
    st.one_of(st.integers(), st.none(), st.lists(st.integers(), max_size=3), st.booleans())
    .map(lambda v: json.dumps({"text": v}).encode())
    .map(lambda b: ("invalid_article", b)),
    st.just(("extractor_error", b"explode\n")),
)
GOOD = st.tuples(st.sampled_from(["arms", "sanction"]), st.text("abcdefgh", min_size=1, max_size=5)).map(
    lambda pair: (None, f"Some words.\n{pair[0]} {pair[1]}>zz\n".encode())
)


@settings_(
    max_examples=60,
    deadline=None,
    # The fixture is a pure function, the same for every example.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(items=st.lists(st.one_of(BAD, GOOD, GOOD), min_size=1, max_size=25), partitions=st.integers(1, 4))
def test_garbage_mixed_with_good_records(
    items: list[tuple[str | None, bytes | None]], partitions: int, fake_extract: Extractor
) -> None:
    """Whatever the garbage, each bad record is dead-lettered once with its reason and each good one is published."""
    broker = MemoryBroker(default_partitions=partitions)
    broker.create_topic(RAW, partitions)
    for index, (_, value) in enumerate(items):
        broker.append(Message(RAW, f"r{index}".encode(), value), "committed")  # type: ignore[arg-type]
    config = settings(max_message_bytes=LIMIT)
    asyncio.run(service(broker, config, fake_extract).run(until_idle=0.01))

    letters = {m.key: DeadLetter.model_validate_json(m.value).reason for m in broker.read_committed(DLQ)}
    assert len(letters) == len(broker.read_committed(DLQ))
    expected_letters = {f"r{i}".encode(): reason for i, (reason, _) in enumerate(items) if reason is not None}
    assert letters == expected_letters
    expected_events: Counter[str] = Counter()
    for index, (reason, value) in enumerate(items):
        if reason is None and value is not None:
            expected_events.update(e.model_dump_json() for e in fake_extract(value.decode(), f"r{index}"))
    published = Counter(m.value.decode() for t in (ARMS, SANC) for m in broker.read_committed(t))
    assert published == expected_events


async def test_the_batch_before_is_committed_while_the_next_is_extracted(fake_extract: Extractor) -> None:
    """Publishing overlaps extraction: a slow extractor, deep in the second batch, already sees the first
    batch's offsets committed (the event loop gets turns during extraction, not only between batches)."""
    texts = corpus(40)
    broker = broker_with(texts, partitions=1)
    seen: list[int] = []

    def slow(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
        time.sleep(0.001)  # 20 records: 20 ms of extraction per batch, past the 2 ms between turns
        if article_id == "a38":  # late in the second batch
            seen.append(sum(broker.group_offsets.get("g", {}).values()))
        return list(fake_extract(text, article_id))

    config = settings(batch_max_records=20, chunk_records=64)
    await service(broker, config, slow).run(until_idle=0.05)
    assert seen == [20]
    assert sum(broker.group_offsets["g"].values()) == len(texts)


async def test_an_acknowledgement_through_many_callbacks_still_lands_during_extraction(
    fake_extract: Extractor,
) -> None:
    """A client's reply passes through several callbacks before the publishing task resumes (aiokafka's
    do): each turn the extraction gives the event loop is long enough for a chain of them, so the batch
    before is still committed while the next is extracted."""
    texts = corpus(40)
    broker = broker_with(texts, partitions=1)
    seen: list[int] = []

    class ChainedSink(MemorySink):
        async def wait(self, deliveries: Sequence[Delivery]) -> None:
            for _ in range(6):  # 6 callbacks one after the other, as a reply read, parsed and routed
                await asyncio.sleep(0)
            await super().wait(deliveries)

    def slow(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
        time.sleep(0.001)  # 20 records: three turns of the event loop per batch (one per 8 records)
        if article_id == "a38":
            seen.append(sum(broker.group_offsets.get("g", {}).values()))
        return list(fake_extract(text, article_id))

    config = settings(batch_max_records=20, chunk_records=64, mode="at_least_once")
    await service(broker, config, slow, sink=ChainedSink).run(until_idle=0.05)
    assert seen == [20]
