"""Garbage mixed with articles on the real broker: every bad record is dead-lettered with its reason."""

from __future__ import annotations

import base64
import json
import random
from collections import Counter

import pytest
from corpus import synthetic_text
from harness import KafkaTest

from ingest.extract import extract
from ingest.models import DeadLetter

pytestmark = pytest.mark.kafka

LIMIT = 200_000


def garbage(rng: random.Random) -> tuple[str, bytes | None]:
    kind = rng.randrange(7)
    if kind == 0:
        return "not_utf8", b"\xc3\x28" + rng.randbytes(rng.randrange(0, 200))
    if kind == 1:
        return "empty_text", rng.choice([None, b"", b"  \n"])
    if kind == 2:
        return "oversized", rng.randbytes(LIMIT + 1 + rng.randrange(1000))
    if kind == 3:
        depth = rng.randrange(50_000, 90_000)
        return "invalid_json", b'{"text": "x", "n": ' + b"[" * depth + b"]" * depth + b"}"
    if kind == 4:
        return "invalid_json", b'{"text": "cut off' + rng.randbytes(5).hex().encode()
    if kind == 5:
        return "invalid_article", json.dumps({"text": rng.choice([1, None, [1, 2], {"a": 1}])}).encode()
    return "empty_text", json.dumps({"id": "blank", "text": " " * rng.randrange(1, 9)}).encode()


def test_garbage_sample_on_the_real_broker(kafka: KafkaTest) -> None:
    """300 records, a third garbage: each bad one is in the dead-letter topic once, with reason and bytes."""
    rng = random.Random(5)
    records: list[tuple[bytes | None, bytes | None]] = []
    reasons: dict[bytes, str] = {}
    originals: dict[bytes, bytes] = {}
    expected: Counter[str] = Counter()
    for index in range(300):
        key = f"g{index}".encode()
        if index % 3 == 0:
            reason, value = garbage(rng)
            reasons[key] = reason
            originals[key] = value or b""
        else:
            text = synthetic_text(rng, index)
            value = json.dumps({"id": key.decode(), "text": text}).encode()
            expected.update(e.model_dump_json() for e in extract(text, key.decode()))
        records.append((key, value))
    kafka.create_topics(partitions=3)
    kafka.produce(records)

    kafka.run_until_idle(idle=2.0, INGEST_PROCESSING_MAX_MESSAGE_BYTES=str(LIMIT))

    letters = kafka.read(kafka.dead_letter)
    assert Counter(key for key, _ in letters) == Counter(reasons.keys())
    for key, value in letters:
        assert key is not None
        letter = DeadLetter.model_validate_json(value)
        assert letter.reason == reasons[key]
        assert letter.topic == kafka.raw
        if letter.size_bytes == len(originals[key]) and "truncated" not in letter.error:
            assert base64.b64decode(letter.original_value_b64) == originals[key]
    assert Counter(kafka.events()) == expected
