"""The pure pipeline routes every record to events, nothing, or exactly one dead letter."""

from __future__ import annotations

import gc
import json
import pickle
import signal
import weakref
from collections.abc import Iterator

import pytest

from ingest.codec import Message, Record
from ingest.extract import extract
from ingest.models import ArmsTransfer, DeadLetter, Sanction
from ingest.pipeline import (
    GC_YOUNG_THRESHOLD,
    WARM_UP_TEXT,
    Extractor,
    Outcome,
    Pipeline,
    process_in_worker,
    settle_heap,
    start_worker,
)
from ingest.settings import load_settings

SETTINGS = load_settings(topics={"raw": "raw", "arms": "arms", "sanctions": "sanc", "dead_letter": "dlq"})


@pytest.fixture
def own_heap() -> Iterator[None]:
    """Gives back the test process's garbage collector as it was (a worker's start settles it)."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def records(*values: bytes) -> list[Record]:
    return [Record("raw", 0, offset, None, value) for offset, value in enumerate(values)]


def test_events_and_dead_letters_are_routed(fake_extract: Extractor) -> None:
    """Arms go to the arms topic, sanctions to theirs, bad records to the dead-letter topic, in record order."""
    batch = records(
        json.dumps({"id": "a", "text": "arms irn>rus\nsanction usa>irn\n"}).encode(),
        b"\xff\xff",
        b"nothing to see",
        b"explode",
    )
    outcome = Pipeline(SETTINGS, fake_extract).process(batch)
    assert [m.topic for m in outcome.messages] == ["arms", "sanc", "dlq", "dlq"]
    assert [r.dead_letter for r in outcome.results] == [None, "not_utf8", None, "extractor_error"]
    assert [len(r.events) for r in outcome.results] == [2, 0, 0, 0]
    crash = DeadLetter.model_validate_json(outcome.messages[3].value)
    assert crash.exception == "ValueError"
    assert crash.offset == 3


def test_published_events_equal_the_extractor_output(fake_extract: Extractor) -> None:
    """What the pipeline publishes is byte for byte what the extractor returns for the same text."""
    text = "arms fra>ind\n"
    outcome = Pipeline(SETTINGS, fake_extract).process(
        records(json.dumps({"id": "doc", "text": text}).encode())
    )
    assert [m.value for m in outcome.messages] == [
        e.model_dump_json().encode() for e in fake_extract(text, "doc")
    ]


def test_an_event_too_large_to_publish_is_dead_lettered(fake_extract: Extractor) -> None:
    """An event over the message limit becomes a dead letter rather than a batch that never commits."""
    text = "arms " + "a" * 1500 + ">rus\n"
    big = Pipeline(load_settings(processing={"max_message_bytes": 2048}), fake_extract)
    result = big.process(records(text.encode())).results[0]
    assert result.dead_letter == "extractor_error"
    assert "over the limit" in (result.error or "")


@pytest.mark.usefixtures("own_heap")
def test_a_pickled_pipeline_in_a_worker_gives_the_same_outcome(fake_extract: Extractor) -> None:
    """The pipeline sent to a worker process (pickled) turns records into the same messages and dead letters."""
    batch = records(b"arms a>b\nsanction c>d\n", b"\xff", b"explode\n")
    local = Pipeline(SETTINGS, fake_extract)
    interrupt = signal.getsignal(signal.SIGINT)
    try:
        start_worker(pickle.loads(pickle.dumps(local)))
        sent_back = pickle.loads(pickle.dumps(process_in_worker(pickle.loads(pickle.dumps(batch)))))
        remote = Outcome.rejoin(batch, sent_back)
    finally:
        signal.signal(signal.SIGINT, interrupt)
    here = local.process(batch)
    assert remote.messages == here.messages
    assert [r.dead_letter for r in remote.results] == [None, "not_utf8", "extractor_error"]
    assert [(r.record, r.article_id, r.events, r.error) for r in remote.results] == [
        (r.record, r.article_id, r.events, r.error) for r in here.results
    ]


def test_records_and_messages_keep_every_field_through_pickling() -> None:
    """What crosses to and from worker processes arrives whole: topic, partition, offset, key, value,
    timestamp and headers."""
    record = Record("raw", 3, 41, b"k", b'{"text": "x"}', 1_700_000_000_000, (("ingest.source", b"wire"),))
    message = Message("events", None, b"{}", (("ingest.event-type", b"sanction"),))
    assert pickle.loads(pickle.dumps(record)) == record
    assert pickle.loads(pickle.dumps(message)) == message


def test_the_warm_up_article_takes_the_built_in_extractor_down_both_readers() -> None:
    """Warming up loads what arms and sanctions reading need: the sample gives events of both kinds."""
    kinds = {event.type for event in extract(WARM_UP_TEXT, "warm-up")}
    assert kinds == {"arms_transfer", "sanction"}


def test_warming_up_leaves_a_custom_extractor_alone() -> None:
    """Only the built-in extractor is run at start: a custom one may count or record its calls."""
    calls: list[str] = []

    def counting(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
        calls.append(article_id)
        return []

    Pipeline(SETTINGS, counting).warm_up()
    Pipeline(SETTINGS).warm_up()
    assert calls == []


@pytest.mark.usefixtures("own_heap")
def test_a_settled_heap_still_collects_cyclic_garbage() -> None:
    """After start-up the collector leaves what exists alone and runs less often, yet garbage made of
    reference cycles is still freed."""
    settle_heap()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD

    class Node:
        other: object = None

    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    assert gone() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert gone() is None
