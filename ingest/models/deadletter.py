"""What the dead-letter topic carries for input that could not be read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DeadLetterReason = Literal[
    "not_utf8",
    "invalid_json",
    "invalid_article",
    "empty_text",
    "oversized",
    "extractor_error",
]


class DeadLetter(BaseModel):
    """A record the service could not turn into events, with where it came from.

    The message value is this object as JSON; the original bytes are kept
    verbatim in the `original_value_b64` field and the headers repeat the origin,
    so nothing is lost and the record can be replayed once the cause is fixed.
    """

    model_config = ConfigDict(frozen=True)

    schema_version: str = Field(default="1.0", description="Version of the dead-letter schema.")
    reason: DeadLetterReason = Field(description="Why the record could not be processed.")
    error: str = Field(description="Human-readable detail of the failure.")
    exception: str | None = Field(default=None, description="Class name of the exception raised, if any.")
    topic: str = Field(description="Topic the record was read from.")
    partition: int = Field(description="Partition the record was read from.")
    offset: int = Field(description="Offset of the record in its partition.")
    timestamp_ms: int | None = Field(default=None, description="The record's Kafka timestamp.")
    key_b64: str | None = Field(default=None, description="The record's key, base64, or null.")
    original_value_b64: str = Field(description="The record's value, base64, byte for byte as received.")
    size_bytes: int = Field(description="Size of the original value in bytes.")
