"""The service's exceptions, one tree.

    IngestError                      base of everything raised on purpose
    ├── ConfigError                  a bad setting; the process stops at start (exit 2)
    ├── DecodeError                  a record that cannot become an Article -> dead-letter topic
    │                                (carries `reason`, one of DeadLetterReason)
    ├── ExtractionError              the extractor failed on one article -> dead-letter topic
    └── KafkaFault                   a broker-side failure, wrapped from aiokafka
        ├── TransientKafkaFault      retriable = True: retry with backoff
        └── FatalKafkaFault          retriable = False: stop with one clear line, exit 1

Third-party exceptions are wrapped with `raise ... from exc`; whether to retry
is carried by the `retriable` attribute, never guessed from the class name.
"""

from __future__ import annotations

from ingest.models.deadletter import DeadLetterReason


class IngestError(Exception):
    """Base of the service's own exceptions."""

    retriable: bool = False


class ConfigError(IngestError):
    """A setting is missing or invalid; the message names it and says what is wrong."""


class DecodeError(IngestError):
    """A record could not be decoded into an Article."""

    def __init__(self, reason: DeadLetterReason, detail: str) -> None:
        super().__init__(detail)
        self.reason: DeadLetterReason = reason
        self.detail = detail


class ExtractionError(IngestError):
    """The extractor raised on one article; the article is dead-lettered, the batch goes on."""


class KafkaFault(IngestError):
    """A failure talking to Kafka."""


class TransientKafkaFault(KafkaFault):
    """The broker is unavailable or busy; the operation may succeed if retried."""

    retriable = True


class FatalKafkaFault(KafkaFault):
    """Authentication, authorisation or fencing: retrying cannot help."""
