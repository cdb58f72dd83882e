"""Record bytes become articles or dead-letter reasons; events get stable keys and compact JSON."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest

from ingest import codec
from ingest.codec import Record, dead_letter, decode_article, encode_event, event_key
from ingest.errors import DecodeError
from ingest.models import Article, DeadLetter
from ingest.pipeline import Extractor

LIMIT = 4096


def record(value: bytes | None, key: bytes | None = None) -> Record:
    return Record(topic="raw", partition=2, offset=41, key=key, value=value, timestamp_ms=1_700_000_000_000)


def reason_of(value: bytes | None) -> str:
    with pytest.raises(DecodeError) as caught:
        decode_article(record(value), LIMIT)
    return caught.value.reason


def test_json_article_keeps_its_fields_and_id() -> None:
    """A JSON article is read with its own id and exact text."""
    body = json.dumps({"id": "a-1", "title": "T", "text": "Iran sent drones.\n"}).encode()
    decoded = decode_article(record(body, key=b"k"), LIMIT)
    assert decoded.article_id == "a-1"
    assert decoded.article.text == "Iran sent drones.\n"
    assert decoded.article.title == "T"


def test_plain_text_body_is_the_text_and_key_the_id() -> None:
    """A body that is not JSON is the article text; the Kafka key is the id."""
    decoded = decode_article(record("  Plain words, “quoted”.".encode(), key=b"key-7"), LIMIT)
    assert decoded.article.text == "  Plain words, “quoted”."
    assert decoded.article_id == "key-7"


def test_id_falls_back_to_content_hash() -> None:
    """Without id or key the id is a stable hash of the text."""
    first = decode_article(record(b'{"text": "same"}'), LIMIT).article_id
    second = decode_article(record(b"same"), LIMIT).article_id
    assert first == second
    assert len(first) == 32


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "empty_text"),
        (b"", "empty_text"),
        (b"  \n\t ", "empty_text"),
        (b"\xff\xfe\x00binary", "not_utf8"),
        (b'{"text": "unterminated', "invalid_json"),
        (b'{"text": 12}', "invalid_article"),
        (b'{"title": "no text"}', "invalid_article"),
        (b'{"text": "x", "id": ["a"]}', "invalid_article"),
        (b'{"text": "   "}', "empty_text"),
        (b'{"text": "\\ud800 lone surrogate"}', "invalid_article"),
        (b'{"text": "a trailing one \\udc00"}', "invalid_article"),
        (b"x" * (LIMIT + 1), "oversized"),
    ],
)
def test_bad_records_name_their_reason(value: bytes | None, reason: str) -> None:
    """Each kind of bad input is refused with the dead-letter reason a user would look for."""
    assert reason_of(value) == reason


def test_deeply_nested_json_is_refused_and_shallow_nesting_is_fine() -> None:
    """JSON nested deeper than the parser allows is a dead letter; ordinary nesting is ignored."""
    deep = b'{"text": "ok", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(DecodeError) as caught:
        decode_article(record(deep), 1 << 20)
    assert caught.value.reason == "invalid_json"
    shallow = b'{"text": "ok", "extra": ' + b"[" * 50 + b"]" * 50 + b"}"
    assert decode_article(record(shallow), LIMIT).article.text == "ok"


def _outcome(read: Callable[[], Article]) -> tuple[str, object]:
    try:
        article = read()
    except DecodeError as exc:
        return exc.reason, exc.detail
    return "read", article.model_dump()


def _by_the_standard_library(value: bytes) -> Article:
    """UTF-8 decoding, `json.loads`, then validation: the reading every dead-letter detail comes from."""
    try:
        body = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError("not_utf8", f"not UTF-8 at byte {exc.start}") from exc
    article = codec._parse_object(body)
    if not article.text.strip():
        raise DecodeError("empty_text", "the article text is blank")
    return article


@pytest.mark.parametrize(
    "value",
    [
        b'{"id": "a", "title": "T", "url": "https://x.test/a", "source": "wire", "text": "Iran sent drones."}',
        b'  \n {"text": "caf\\u00e9 \\ud83d\\ude00 \xc3\xa9\\n\\t\\"q\\""}',
        b'{"text": "first", "text": "second", "id": "one", "id": "two"}',
        b'{"text": "ok", "extra": NaN, "big": 123456789012345678901234567890, "f": 1e999}',
        b'{"text": "ok", "nested": ' + b"[" * 300 + b"]" * 300 + b"}",
        b'{"text": "raw\ncontrol"}',
        b'{"text": "\\ud800\\u0041"}',
        b'{"text": "ok"} trailing',
        b'{"text": "ok",}',
        b'{"text": "\xff"}',
        b'{"text": "  ", "id": 5}',
        b'{"text": "ok", "id": "' + b"i" * 600 + b'"}',
        b'{"text": "ok", "published_at": null, "language": "en"}',
        b'{"text": null}',
    ],
)
def test_json_articles_read_as_the_standard_library_reads_them(value: bytes) -> None:
    """The one-step JSON reading gives the same article, or the same dead-letter reason and detail, as
    `json.loads` followed by validation, on ordinary and on awkward objects."""
    assert _outcome(lambda: decode_article(record(value), 1 << 20).article) == _outcome(
        lambda: _by_the_standard_library(value)
    )


def test_dead_letter_keeps_origin_and_bytes() -> None:
    """A dead letter carries the reason, origin and original bytes, in the value and the headers."""
    original = b"\xff\x00 not text"
    message = dead_letter(
        record(original, key=b"k1"),
        "not_utf8",
        detail="not UTF-8 at byte 0",
        exception="DecodeError",
        topic="dlq",
        max_bytes=1 << 20,
    )
    letter = DeadLetter.model_validate_json(message.value)
    headers = dict(message.headers)
    assert message.topic == "dlq"
    assert message.key == b"k1"
    assert base64.b64decode(letter.original_value_b64) == original
    assert (letter.topic, letter.partition, letter.offset, letter.reason) == ("raw", 2, 41, "not_utf8")
    assert base64.b64decode(letter.key_b64 or "") == b"k1"
    assert headers["ingest.dlq.reason"] == b"not_utf8"
    assert headers["ingest.dlq.offset"] == b"41"
    assert headers["ingest.dlq.exception"] == b"DecodeError"


def test_dead_letter_of_a_huge_record_fits_the_limit() -> None:
    """A dead letter never exceeds the message limit; a truncated original is flagged."""
    huge = b"z" * 200_000
    message = dead_letter(
        record(huge), "oversized", detail="too big", exception="DecodeError", topic="dlq", max_bytes=100_000
    )
    letter = DeadLetter.model_validate_json(message.value)
    assert len(message.value) <= 100_000
    assert letter.size_bytes == 200_000
    assert dict(message.headers)["ingest.original-truncated"] == b"true"
    assert "truncated" in letter.error


def test_event_json_and_keys(fake_extract: Extractor) -> None:
    """Event values are the exact `extract` JSON; keys group events by their parties."""
    arms, sanction = fake_extract("arms irn>rus\nsanction usa>rus\n", "a")
    assert encode_event(arms) == arms.model_dump_json().encode()
    assert event_key(arms) == b"IRN>RUS"
    assert event_key(sanction) == b"USA>RUS"
    again = fake_extract("other text\narms irn>rus\n", "b")[0]
    assert event_key(again) == event_key(arms)
