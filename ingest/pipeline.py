"""Records in, messages out: the pure core of the service.

`Pipeline.process(records)` decodes each record, runs the extractor and routes
what comes out: events to their topic, undecodable records and extractor
failures to the dead-letter topic. It never raises for a bad record and never
drops one: every record gives its events, nothing (an article without events),
or exactly one dead letter. No Kafka, no clock other than timing, no I/O.

The same work can run in worker processes: `start_worker(pipeline)` is the
initializer of a process pool (it receives the pipeline pickled, so its
extractor must be a module-level function) and `process_in_worker(records)` is
what each task runs. It sends back the outcome without the records (which the
service holds already); `Outcome.rejoin` puts them back, giving the outcome
`Pipeline.process` gives in-process, byte for byte.
"""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.codec import (
    Message,
    Record,
    dead_letter,
    decode_article,
    encode_event,
    event_headers,
    event_key,
)
from ingest.errors import DecodeError
from ingest.extract import extract
from ingest.models import ArmsTransfer, DeadLetterReason, Sanction
from ingest.settings import Settings

Extractor = Callable[[str, str], Sequence[ArmsTransfer | Sanction]]

WARM_UP_TEXT = (
    "Lisbon, 3 March. Norway has delivered 24 Leopard 2A4 tanks and two NASAMS air defence systems to "
    "Ukraine, the defence ministry said on Monday. The United States approved a possible sale of 12 F-16 "
    "Block 70 fighter jets to Bulgaria. The European Union imposed an asset freeze and a travel ban on "
    "Rosoboronexport under Council Regulation (EU) No 269/2014. The Treasury's Office of Foreign Assets "
    "Control designated Kalashnikov Concern and the vessel Ocean Star (IMO 9123456) pursuant to "
    "Executive Order 14024."
)
"""An article that takes the built-in extractor down its arms and sanctions paths (`Pipeline.warm_up`)."""


@dataclass(slots=True)
class RecordResult:
    """What became of one record (read-only by convention, not frozen, as `Record`)."""

    record: Record
    article_id: str | None
    events: tuple[ArmsTransfer | Sanction, ...]
    dead_letter: DeadLetterReason | None
    error: str | None
    seconds: float


Reported = tuple[str | None, tuple[ArmsTransfer | Sanction, ...], DeadLetterReason | None, str | None, float]
"""A `RecordResult` without its record (article_id, events, dead_letter, error, seconds): what a worker
process sends back for each record, as a tuple, which pickles at a fraction of a dataclass's cost."""

WorkerOutcome = tuple[tuple[Message, ...], tuple[Reported, ...]]
"""An `Outcome` as a worker process sends it back: its messages and the results without their records."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The messages to publish for a list of records, in record order, and what became of each record."""

    messages: tuple[Message, ...]
    results: tuple[RecordResult, ...]

    @staticmethod
    def merge(parts: Sequence[Outcome]) -> Outcome:
        """The outcomes of consecutive chunks as one."""
        return Outcome(
            messages=tuple(m for part in parts for m in part.messages),
            results=tuple(r for part in parts for r in part.results),
        )

    @staticmethod
    def rejoin(records: Sequence[Record], part: WorkerOutcome) -> Outcome:
        """The outcome of `records` from what `process_in_worker(records)` sent back."""
        messages, reported = part
        if len(reported) != len(records):
            raise ValueError(f"{len(reported)} results came back for {len(records)} records")
        return Outcome(
            messages=messages,
            results=tuple(
                RecordResult(record, article_id, events, dead_letter, error, seconds)
                for record, (article_id, events, dead_letter, error, seconds) in zip(
                    records, reported, strict=True
                )
            ),
        )


class Pipeline:
    """Turns records of the raw topic into event and dead-letter messages."""

    def __init__(self, settings: Settings, extractor: Extractor = extract) -> None:
        """A pipeline for `settings`' topics and size limit; `extractor` must be picklable
        (a module-level function) when the pipeline is to run in worker processes."""
        self._topics = settings.topics
        self._max_bytes = settings.processing.max_message_bytes
        self._extract = extractor

    def warm_up(self) -> None:
        """Have the built-in extractor load its gazetteers and tables now rather than on the first batch
        (about a quarter of a second, taken before the service joins its group). A custom extractor is
        left alone: only the built-in one is known to be free of side effects."""
        if self._extract is extract:
            extract(WARM_UP_TEXT, "warm-up")

    def process(self, records: Sequence[Record]) -> Outcome:
        """The messages for `records`; never raises for a record's content."""
        messages: list[Message] = []
        results: list[RecordResult] = []
        for record in records:
            result, out = self._one(record)
            results.append(result)
            messages.extend(out)
        return Outcome(messages=tuple(messages), results=tuple(results))

    def _one(self, record: Record) -> tuple[RecordResult, list[Message]]:
        started = time.perf_counter()
        article_id: str | None = None
        try:
            decoded = decode_article(record, self._max_bytes)
            article_id = decoded.article_id
            events = self._run_extractor(decoded.article.text, article_id)
            messages = [self._event_message(event) for event in events] if events else []
        except DecodeError as exc:
            return self._failed(
                record,
                article_id,
                exc.reason,
                detail=exc.detail,
                exception=type(exc).__name__,
                started=started,
            )
        except _ExtractorFailed as exc:
            cause = exc.__cause__ or exc
            return self._failed(
                record,
                article_id,
                "extractor_error",
                detail=str(exc),
                exception=type(cause).__name__,
                started=started,
            )
        seconds = time.perf_counter() - started
        return RecordResult(record, article_id, tuple(events), None, None, seconds), messages

    def _run_extractor(self, text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
        try:
            events = list(self._extract(text, article_id))
        except Exception as exc:
            first_line = (str(exc).splitlines() or [""])[0]
            raise _ExtractorFailed(
                f"the extractor failed: {type(exc).__name__}: {first_line}"[:1000]
            ) from exc
        return events

    def _event_message(self, event: ArmsTransfer | Sanction) -> Message:
        """The event's message; `_ExtractorFailed` when it is too large to publish."""
        value = encode_event(event)
        if len(value) > self._max_bytes:
            raise _ExtractorFailed(f"an event of {len(value)} bytes is over the limit of {self._max_bytes}")
        topic = self._topics.arms if isinstance(event, ArmsTransfer) else self._topics.sanctions
        return Message(topic, event_key(event), value, event_headers(event))

    def _failed(
        self,
        record: Record,
        article_id: str | None,
        reason: DeadLetterReason,
        *,
        detail: str,
        exception: str,
        started: float,
    ) -> tuple[RecordResult, list[Message]]:
        letter = dead_letter(
            record,
            reason,
            detail=detail,
            exception=exception,
            topic=self._topics.dead_letter,
            max_bytes=self._max_bytes,
        )
        result = RecordResult(
            record=record,
            article_id=article_id,
            events=(),
            dead_letter=reason,
            error=detail,
            seconds=time.perf_counter() - started,
        )
        return result, [letter]


GC_YOUNG_THRESHOLD = 10_000
"""Allocations (less deallocations) of container objects between two collections of the youngest
generation, against Python's 700: the extractor allocates and frees many short-lived objects per article,
and at 700 the collector ran about every ten articles, taking about 4 % of the service's CPU time."""


def settle_heap() -> None:
    """Prepare a long-running process's garbage collector, once its start-up is done (modules imported,
    gazetteers loaded): what is alive now is collected once and then frozen out of later collections
    (`gc.freeze`: it lives as long as the process), and collections come less often
    (`GC_YOUNG_THRESHOLD`). Together about a quarter of the collector's former cost; cyclic garbage is
    still collected, only later."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, max(middle, 50), max(oldest, 100))


_worker_pipeline: Pipeline | None = None


def start_worker(pipeline: Pipeline) -> None:
    """Process-pool initializer: keep `pipeline` for `process_in_worker`; leave SIGINT to the service.

    A Ctrl-C reaches the whole process group; the service process decides how the
    batch in flight ends, so the worker must not die under it.
    """
    global _worker_pipeline  # noqa: PLW0603 - one pipeline per worker process, set once at its start
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline.warm_up()
    settle_heap()
    _worker_pipeline = pipeline


def worker_ready() -> bool:
    """True once `start_worker` has run in this process (the service's start-up probe)."""
    return _worker_pipeline is not None


def process_in_worker(records: Sequence[Record]) -> WorkerOutcome:
    """`Pipeline.process(records)` with the pipeline given to `start_worker`, without the records
    (`Outcome.rejoin(records, ...)` gives the outcome back)."""
    if _worker_pipeline is None:
        raise RuntimeError("process_in_worker runs only in a process started with start_worker")
    outcome = _worker_pipeline.process(records)
    return outcome.messages, tuple(
        (r.article_id, r.events, r.dead_letter, r.error, r.seconds) for r in outcome.results
    )


class _ExtractorFailed(Exception):
    """The extractor raised, or gave an event too large to publish."""
