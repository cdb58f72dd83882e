"""Bytes on the wire to typed values and back.

`decode_article` turns a record's value into an `Article` or raises
`DecodeError` with the dead-letter reason; `encode_event` and `event_key` give
the value and key of an event message; `dead_letter` wraps a record that could
not be processed. Nothing here does I/O.

Input value rules, in order:

* no value, or a value of only whitespace: `empty_text`
* more than `max_bytes` bytes: `oversized`
* not UTF-8: `not_utf8`
* starts with `{` after whitespace: a JSON object read as an `Article`
  (`invalid_json` when it does not parse, `invalid_article` when a field has the
  wrong type or `text` is missing, `empty_text` when `text` is blank);
  anything else is plain text, the whole body being the article text.

The article id is the object's `id`, else the Kafka key (when UTF-8), else a
hash of the text.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Final

from pydantic import ValidationError

from ingest.errors import DecodeError
from ingest.models import Actor, ArmsTransfer, Article, DeadLetter, DeadLetterReason, Sanction
from ingest.models.events import text_digest

Headers = tuple[tuple[str, bytes], ...]

HEADER_PREFIX: Final = "ingest."
_DEAD_LETTER_OVERHEAD: Final = 16 * 1024
_WHITESPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Record:
    """One record read from a topic, as the broker returned it; read-only by convention (not frozen:
    a frozen dataclass's `__init__` sets each field through `object.__setattr__`, which made building
    the service's records cost over four times as much)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp_ms: int | None = None
    headers: Headers = ()

    def __reduce__(self) -> tuple[type[Record], tuple[object, ...]]:
        # pickled as its fields (records travel to worker processes): a quarter of the default's cost
        return Record, (
            self.topic,
            self.partition,
            self.offset,
            self.key,
            self.value,
            self.timestamp_ms,
            self.headers,
        )


@dataclass(slots=True)
class Message:
    """One message to publish; read-only by convention (not frozen, as `Record`)."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Headers = ()

    def __reduce__(self) -> tuple[type[Message], tuple[object, ...]]:
        # pickled as its fields (messages come back from worker processes)
        return Message, (self.topic, self.key, self.value, self.headers)


@dataclass(slots=True)
class Decoded:
    """A record read as an article, with the id its events carry (read-only by convention)."""

    article: Article
    article_id: str


def decode_article(record: Record, max_bytes: int) -> Decoded:
    """The record's article and id, or `DecodeError` naming the dead-letter reason."""
    value = record.value
    if value is None or not value.strip():
        raise DecodeError("empty_text", "the record has no text")
    if len(value) > max_bytes:
        raise DecodeError("oversized", f"{len(value)} bytes is over the limit of {max_bytes}")
    article = _fast_object(value) if value.lstrip()[:1] == b"{" else None
    if article is None:
        try:
            body = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError("not_utf8", f"not UTF-8 at byte {exc.start}") from exc
        article = _parse_object(body) if body.lstrip().startswith("{") else Article(text=body)
    if not article.text.strip():
        raise DecodeError("empty_text", "the article text is blank")
    return Decoded(article, _article_id(article, record.key))


def _fast_object(value: bytes) -> Article | None:
    """The article of a JSON object record read and validated in one step (pydantic's parser, about a
    third of the cost of `json.loads` and validation apart); None when that fails, and then
    `_parse_object` reads it again to name the reason.

    Where both succeed they give the same article: both take the last of repeated keys and ignore
    unknown fields; what this parser refuses (invalid UTF-8, lone surrogate escapes, deep nesting,
    anything invalid) goes the other way, so the reasons and details of dead letters do not change.
    That this parser refuses a lone surrogate escape, which `json.loads` lets through, is what keeps
    one out of an article's text here (tests/test_codec.py has the case).
    """
    try:
        return Article.model_validate_json(value)
    except ValidationError:
        return None


def _parse_object(body: str) -> Article:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise DecodeError("invalid_json", f"not valid JSON: {_first_line(exc)}") from exc
    if not isinstance(data, dict):
        raise DecodeError("invalid_article", "the JSON value is not an object")
    text = data.get("text")
    if isinstance(text, str) and not text.strip():
        raise DecodeError("empty_text", "the article text is blank")
    try:
        article = Article.model_validate(data)
    except (ValidationError, RecursionError) as exc:
        raise DecodeError("invalid_article", _validation_summary(exc)) from exc
    try:
        article.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodeError("invalid_article", "the text holds an unpaired surrogate escape") from exc
    return article


def _validation_summary(exc: ValidationError | RecursionError) -> str:
    if isinstance(exc, RecursionError):
        return "the object is nested too deeply"
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "article"
    return f"{where}: {first['msg']}"


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _article_id(article: Article, key: bytes | None) -> str:
    if article.id:
        return article.id
    if key:
        try:
            return key.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text_digest(article.text)[:32]


def encode_event(event: ArmsTransfer | Sanction) -> bytes:
    """The event's message value: compact JSON of its fields, exactly as `ingest extract` prints it."""
    return event.model_dump_json().encode("utf-8")


def _actor_key(actor: Actor) -> str:
    if actor.country:
        return actor.country
    return _WHITESPACE.sub(" ", actor.name).strip().casefold()


def event_key(event: ArmsTransfer | Sanction) -> bytes:
    """The partitioning key: equal for all events about the same parties.

    `IRN>RUS` for a transfer from Iran to Russia; for a sanction, the sorted
    imposers and targets, e.g. `EU,USA>RUS`. Actors without a country are keyed
    by their name, case-folded.
    """
    if isinstance(event, ArmsTransfer):
        return f"{_actor_key(event.supplier)}>{_actor_key(event.recipient)}".encode()
    imposers = ",".join(sorted({_actor_key(actor) for actor in event.imposers}))
    targets = ",".join(sorted({_actor_key(actor) for actor in event.targets}))
    return f"{imposers}>{targets}".encode()


def event_headers(event: ArmsTransfer | Sanction) -> Headers:
    """Headers of an event message: type, schema version and article id, for routing without parsing."""
    return (
        ("content-type", b"application/json"),
        (f"{HEADER_PREFIX}event-type", event.type.encode()),
        (f"{HEADER_PREFIX}schema-version", event.schema_version.encode()),
        (f"{HEADER_PREFIX}article-id", event.article_id.encode("utf-8")),
    )


def dead_letter(
    record: Record,
    reason: DeadLetterReason,
    *,
    detail: str,
    exception: str | None,
    topic: str,
    max_bytes: int,
) -> Message:
    """The dead-letter message for `record`: a `DeadLetter` JSON value, the original key, origin headers.

    The original value is kept byte for byte (base64) unless the dead letter
    would exceed `max_bytes`; then it keeps the leading bytes that fit, and the
    header `ingest.original-truncated` and the `error` text say so.
    """
    original = record.value or b""
    budget = max(256, max_bytes - _DEAD_LETTER_OVERHEAD)
    keep = min(len(original), budget * 3 // 4)
    truncated = keep < len(original)
    if truncated:
        detail = f"{detail} (original truncated to its first {keep} of {len(original)} bytes)"
    letter = DeadLetter(
        reason=reason,
        error=detail,
        exception=exception,
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        timestamp_ms=record.timestamp_ms,
        key_b64=None if record.key is None else base64.b64encode(record.key).decode("ascii"),
        original_value_b64=base64.b64encode(original[:keep]).decode("ascii"),
        size_bytes=len(original),
    )
    headers: Headers = (
        ("content-type", b"application/json"),
        (f"{HEADER_PREFIX}dlq.reason", reason.encode()),
        (f"{HEADER_PREFIX}dlq.exception", (exception or "").encode()),
        (f"{HEADER_PREFIX}dlq.topic", record.topic.encode()),
        (f"{HEADER_PREFIX}dlq.partition", str(record.partition).encode()),
        (f"{HEADER_PREFIX}dlq.offset", str(record.offset).encode()),
        (f"{HEADER_PREFIX}original-truncated", b"true" if truncated else b"false"),
    )
    return Message(topic=topic, key=record.key, value=letter.model_dump_json().encode(), headers=headers)


def article_json(article_id: str, text: str) -> bytes:
    """A raw-article message value for `text` with id `article_id` (what `ingest replay` publishes)."""
    return json.dumps({"id": article_id, "text": text}, ensure_ascii=False).encode("utf-8")
