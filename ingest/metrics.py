"""Prometheus metrics of the service, on a registry that is passed in.

Every series is named `ingest_*`, ends in its unit (`_total`, `_seconds`,
`_records`) and carries labels from small closed sets only: an unknown event
type, status, dead-letter reason, transaction outcome or retried operation is
counted under `"other"` instead of creating a new series. Topic and partition
labels come from the configuration and the consumer's assignment, never from
record contents.

`Metrics` only records; serving the registry is `ingest.http.serve`'s job.
The recording methods are cheap and synchronous, safe to call from the event
loop for every record.
"""

from __future__ import annotations

import platform
import threading
import weakref
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Final, Literal, get_args

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info
from prometheus_client.core import HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

import ingest
from ingest.models.deadletter import DeadLetterReason
from ingest.models.events import ArmsStatus, SanctionStatus

EventType = Literal["arms_transfer", "sanction"]
TransactionOutcome = Literal["committed", "aborted"]
RetryOperation = Literal[
    "connect",
    "start",
    "consumer_start",
    "producer_start",
    "fetch",
    "lag",
    "watermarks",
    "committed",
    "offset_commit",
    "commit",
    "batch",
    "publish",
    "send",
    "delivery",
    "begin",
    "begin_transaction",
    "send_offsets",
    "commit_transaction",
    "abort",
    "abort_transaction",
]

OTHER: Final = "other"

_EVENT_STATUSES: Final[dict[str, tuple[str, ...]]] = {
    "arms_transfer": get_args(ArmsStatus),
    "sanction": get_args(SanctionStatus),
}
_REASONS: Final[tuple[str, ...]] = get_args(DeadLetterReason)
_OUTCOMES: Final[tuple[str, ...]] = get_args(TransactionOutcome)
_OPERATIONS: Final[tuple[str, ...]] = get_args(RetryOperation)

# One article takes about a millisecond to extract; the long tail is pathological input.
ARTICLE_SECONDS_BUCKETS: Final = (
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0,
)  # fmt: skip
# A batch is a few milliseconds when idle-ish, seconds when it carries a full fetch.
BATCH_SECONDS_BUCKETS: Final = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
)  # fmt: skip
BATCH_RECORDS_BUCKETS: Final = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000)
# From "just published" to "hours behind after an outage".
LAG_SECONDS_BUCKETS: Final = (
    0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3_600.0, 14_400.0,
)  # fmt: skip

# The Metrics built on each registry, so that the HTTP endpoint can tie its
# health state to the `ingest_ready` gauge without being handed both.
_ON_REGISTRY: weakref.WeakKeyDictionary[CollectorRegistry, Metrics] = weakref.WeakKeyDictionary()


def _closed(value: str, allowed: Iterable[str]) -> str:
    return value if value in allowed else OTHER


def _le(bound: float) -> str:
    """A bucket bound as Prometheus clients write the `le` label ("0.25", "1.0", "+Inf")."""
    return "+Inf" if bound == float("inf") else repr(bound)


class BulkHistogram(Collector):
    """A Prometheus histogram (no labels) that takes a batch of observations at once.

    Exposed exactly as a `prometheus_client.Histogram` with the same buckets
    (`_bucket{le=...}`, `_count`, `_sum`). Each observation costs a binary
    search; the shared counts are updated under a lock once per batch, so a
    scrape always sees buckets, count and sum of the same set of observations.
    Per record, this is several times cheaper than `Histogram.observe`.
    """

    def __init__(
        self, name: str, documentation: str, buckets: Iterable[float], registry: CollectorRegistry
    ) -> None:
        self._name = name
        self._documentation = documentation
        self._bounds = tuple(float(b) for b in buckets)
        if list(self._bounds) != sorted(set(self._bounds)):
            raise ValueError("histogram buckets must be distinct and in increasing order")
        self._counts = [0] * (len(self._bounds) + 1)  # the last one is +Inf
        self._sum = 0.0
        self._lock = threading.Lock()
        registry.register(self)

    def observe(self, value: float) -> None:
        """Add one observation."""
        self.observe_many((value,))

    def observe_many(self, values: Iterable[float]) -> None:
        """Add every one of `values`."""
        bounds = self._bounds
        counts = [0] * len(self._counts)
        total = 0.0
        for value in values:
            counts[bisect_left(bounds, value)] += 1  # the first bucket whose bound is >= value
            total += value
        with self._lock:
            for index, n in enumerate(counts):
                if n:
                    self._counts[index] += n
            self._sum += total

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            counts = list(self._counts)
            total = self._sum
        cumulative = 0
        buckets: list[tuple[str, float]] = []
        for bound, n in zip((*self._bounds, float("inf")), counts, strict=True):
            cumulative += n
            buckets.append((_le(bound), cumulative))
        yield HistogramMetricFamily(self._name, self._documentation, buckets=buckets, sum_value=total)


class Metrics:
    """The service's counters, gauges and histograms, registered on `registry`.

    With no registry a fresh `CollectorRegistry` is made; the process-wide
    default registry is never touched, so two instances (tests, several
    services in one process) never collide. One `Metrics` per registry.
    Labelled series of the closed sets start at zero, so `rate()` and
    `increase()` see them from the first scrape.
    """

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry: CollectorRegistry = registry if registry is not None else CollectorRegistry()
        reg = self.registry
        self._consumed = Counter(
            "ingest_articles_consumed_total",
            "Raw article records read from the input topic and processed (a batch read again after an abort counts again).",
            ["topic"],
            registry=reg,
        )
        self._events = Counter(
            "ingest_events_published_total",
            "Events published (committed in exactly-once mode), by event type and event status.",
            ["type", "status"],
            registry=reg,
        )
        self._dead_letters = Counter(
            "ingest_dead_letters_total",
            "Records sent to the dead-letter topic, by reason.",
            ["reason"],
            registry=reg,
        )
        self._batch_records = Histogram(
            "ingest_batch_records",
            "Records per processed batch.",
            buckets=BATCH_RECORDS_BUCKETS,
            registry=reg,
        )
        self._batch_seconds = Histogram(
            "ingest_batch_duration_seconds",
            "Wall time to process, publish and commit one batch.",
            buckets=BATCH_SECONDS_BUCKETS,
            registry=reg,
        )
        # observed for every record: taken a batch at a time
        self._article_seconds = BulkHistogram(
            "ingest_article_processing_seconds",
            "Time to decode one article and extract its events.",
            ARTICLE_SECONDS_BUCKETS,
            reg,
        )
        self._e2e_lag = BulkHistogram(
            "ingest_end_to_end_lag_seconds",
            "Time from the record's Kafka timestamp to the moment its events were published.",
            LAG_SECONDS_BUCKETS,
            reg,
        )
        self._partition_lag = Gauge(
            "ingest_consumer_lag_records",
            "Records behind the high watermark, per assigned partition.",
            ["topic", "partition"],
            registry=reg,
        )
        self._transactions = Counter(
            "ingest_transactions_total", "Kafka transactions ended, by outcome.", ["outcome"], registry=reg
        )
        self._extractor_errors = Counter(
            "ingest_extractor_errors_total", "Articles on which the extractor raised.", registry=reg
        )
        self._inflight = Gauge(
            "ingest_inflight_records", "Records of the batch being processed now.", registry=reg
        )
        self._retries = Counter(
            "ingest_retries_total",
            "Retries after transient broker faults, by operation.",
            ["operation"],
            registry=reg,
        )
        self._ready = Gauge(
            "ingest_ready",
            "1 while the consumer is assigned and the producer connected, else 0.",
            registry=reg,
        )
        self._build = Info("ingest_build", "Version of the service and of Python.", registry=reg)
        self._build.info({"version": ingest.__version__, "python": platform.python_version()})

        for event_type, statuses in _EVENT_STATUSES.items():
            for status in statuses:
                self._events.labels(event_type, status)
        for reason in _REASONS:
            self._dead_letters.labels(reason)
        for outcome in _OUTCOMES:
            self._transactions.labels(outcome)
        for operation in _OPERATIONS:
            self._retries.labels(operation)
        _ON_REGISTRY[self.registry] = self

    @classmethod
    def on(cls, registry: CollectorRegistry) -> Metrics | None:
        """The `Metrics` built on `registry`, if any."""
        return _ON_REGISTRY.get(registry)

    def record_consumed(self, topic: str, n: int = 1) -> None:
        """Count `n` records read from `topic` (call once per fetched batch)."""
        if n > 0:
            self._consumed.labels(topic).inc(n)

    def record_event(self, event_type: str, status: str) -> None:
        """Count one published event; in exactly-once mode call it after the commit."""
        event_type = _closed(event_type, _EVENT_STATUSES)
        status = _closed(status, _EVENT_STATUSES.get(event_type, ()))
        self._events.labels(event_type, status).inc()

    def record_dead_letter(self, reason: str) -> None:
        """Count one record sent to the dead-letter topic; `reason` is a `DeadLetterReason`."""
        self._dead_letters.labels(_closed(reason, _REASONS)).inc()

    def observe_batch(self, records: int, seconds: float) -> None:
        """Record the size of a finished batch and the wall time it took end to end."""
        self._batch_records.observe(records)
        self._batch_seconds.observe(seconds)

    def observe_article(self, seconds: float) -> None:
        """Record the decode-and-extract time of one article."""
        self._article_seconds.observe(seconds)

    def observe_articles(self, seconds: Iterable[float]) -> None:
        """`observe_article` for each of a batch's articles, at once."""
        self._article_seconds.observe_many(seconds)

    def observe_end_to_end_lag(self, seconds: float) -> None:
        """Record now minus the record's Kafka timestamp, once its events are out (clock skew clamps to 0)."""
        self._e2e_lag.observe(max(seconds, 0.0))

    def observe_end_to_end_lags(self, seconds: Iterable[float]) -> None:
        """`observe_end_to_end_lag` for each of a batch's records, at once."""
        self._e2e_lag.observe_many(max(s, 0.0) for s in seconds)

    def set_partition_lag(self, topic: str, partition: int, lag: int) -> None:
        """Set the records between the consumer's position and the high watermark of one partition."""
        self._partition_lag.labels(topic, str(partition)).set(max(lag, 0))

    def forget_partition(self, topic: str, partition: int) -> None:
        """Drop the lag series of a partition this instance no longer owns (call on revocation)."""
        try:
            self._partition_lag.remove(topic, str(partition))
        except KeyError:
            return

    def record_transaction(self, outcome: str) -> None:
        """Count one transaction ended, `"committed"` or `"aborted"`."""
        self._transactions.labels(_closed(outcome, _OUTCOMES)).inc()

    def record_extractor_error(self) -> None:
        """Count one article on which the extractor raised (it is also dead-lettered)."""
        self._extractor_errors.inc()

    def set_inflight(self, records: int) -> None:
        """Set the number of records being processed now; 0 between batches."""
        self._inflight.set(records)

    def record_retry(self, operation: str) -> None:
        """Count one retry of `operation` (a `RetryOperation`; case and spaces are normalised) after a transient fault."""
        self._retries.labels(_closed(operation.strip().lower().replace(" ", "_"), _OPERATIONS)).inc()

    def set_ready(self, ready: bool) -> None:
        """Set `ingest_ready`; `ingest.http.Health` calls this when readiness changes."""
        self._ready.set(1 if ready else 0)
