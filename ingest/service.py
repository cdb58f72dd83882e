"""The service loop: fetch a batch, extract, publish, commit; again until told to stop.

The loop extracts one batch while the batch before it is being published and
committed, so the broker's round trips overlap with the extractor's work. At
most one batch is published at a time, and a batch is published only after the
one before it has committed: the order of commits is the order of reading.
When a batch fails, the one fetched after it is not published either; the
consumer goes back and both are read again. After a rebalance, a batch fetched
before it is dropped the same way.

Guarantees:

* exactly-once (default): each batch's events, dead letters and consumer
  offsets are published in one Kafka transaction. When anything in it fails the
  transaction is aborted (or the producer replaced, which aborts it for us) and
  the consumer is moved back to the group's committed offsets, so the batch is
  read again and published once. A read_committed reader sees every event once.
* at-least-once: messages are sent with an idempotent producer, every send is
  acknowledged, then the offsets are committed. After a failure the batch is
  read again; its events may then appear twice, with the same `event_id`.

A batch is never given up to another member half done: when partitions are
revoked, the rebalance waits until the batch in flight has committed or been
rolled back. Transient broker faults are retried with capped exponential
backoff; fatal ones raise `FatalKafkaFault`. Setting the `stop` event makes the
loop finish the batch in flight, leave the group and return.

Extraction runs in the service process, or with `processing.workers` > 1 in
that many worker processes started once (spawn) at start: each batch is split
into chunks of `processing.chunk_records`, the chunks are extracted in
parallel and their results joined in record order, so the published messages
are the ones one process would publish. Records go out and results come back
as plain fields (a worker does not send back the records it was given), which
keeps the pickling to a fraction of the extraction's cost. A worker that dies takes nothing with
it: the batch is read again from its first offsets by fresh workers, as after
any transient fault (nothing of it was published yet).

Health: the loop beats on every iteration and also while it waits to retry (so
a broker that is down at start does not fail /livez); readiness drops to "shutting
down" the moment `stop` is set, before the batch in flight has finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import random
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import structlog

from ingest.codec import Record
from ingest.errors import FatalKafkaFault, KafkaFault, TransientKafkaFault
from ingest.http import Health
from ingest.kafka import (
    Offsets,
    Sink,
    SinkFactory,
    Source,
    TopicPartition,
    first_offsets,
    next_offsets,
)
from ingest.kafka.faults import is_fenced, quiet_abandoned_futures
from ingest.metrics import Metrics
from ingest.pipeline import (
    Outcome,
    Pipeline,
    RecordResult,
    process_in_worker,
    settle_heap,
    start_worker,
    worker_ready,
)
from ingest.settings import Settings

log = structlog.get_logger()

_ABORT_TIMEOUT_SECONDS = 5.0
_SLICE_SECONDS = 0.002
"""Longest stretch of extraction in the service process without a turn for the event loop. Measured: with
turns every ~10 ms, waiting for the batch before to be committed took a tenth of the time; every 2 ms, none."""
_PIECE_RECORDS = 8
"""Records extracted between two looks at the clock."""
_TURN_STEPS = 4
"""Loop iterations in one turn. An iteration runs the callbacks that were ready when it began; what they
schedule waits for the next one, and a reply from the broker passes through several callbacks in the client
before the task waiting for it resumes. Measured: with one iteration per turn, sending a batch's events took
26 ms (median) and the next batch often waited for it; with four, 14 ms, and it never did."""
_BACKOFF_BASE_SECONDS = 0.1


class WorkerPool:
    """`size` processes running the pipeline; started (spawn) before the first batch, replaced after a crash.

    `process` runs chunks in parallel and returns their outcomes in the order
    given; it raises BrokenProcessPool when a worker died meanwhile, after which
    `restart` gives fresh workers. Awaiting never blocks the event loop, so
    heartbeats and the health endpoint keep going while the workers extract.
    """

    def __init__(self, pipeline: Pipeline, size: int) -> None:
        self._pipeline = pipeline
        self._size = size
        self._executor: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        """Start every worker and wait until each has its pipeline (the first batch pays no start-up)."""
        self._executor = ProcessPoolExecutor(
            max_workers=self._size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(self._pipeline,),
        )
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._executor, worker_ready) for _ in range(self._size)))
        log.info("workers_started", workers=self._size)

    async def process(self, chunks: Sequence[Sequence[Record]]) -> list[Outcome]:
        """The outcome of each chunk, in order; BrokenProcessPool when a worker died."""
        if self._executor is None:
            raise BrokenProcessPool("the worker processes are not running")
        loop = asyncio.get_running_loop()
        done = await asyncio.gather(
            *(loop.run_in_executor(self._executor, process_in_worker, chunk) for chunk in chunks),
            return_exceptions=True,
        )
        outcomes: list[Outcome] = []
        for chunk, part in zip(chunks, done, strict=True):
            if isinstance(part, BaseException):
                raise part
            outcomes.append(Outcome.rejoin(chunk, part))
        return outcomes

    async def restart(self) -> None:
        """Replace the workers (after a crash)."""
        await self.stop()
        await self.start()

    async def stop(self) -> None:
        """Stop the workers; tasks not started yet are cancelled."""
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)


class Service:
    """Consumes the raw topic and publishes events; one instance per process."""

    def __init__(
        self,
        settings: Settings,
        source: Source,
        sink_factory: SinkFactory,
        *,
        pipeline: Pipeline | None = None,
        metrics: Metrics | None = None,
        health: Health | None = None,
        stop: asyncio.Event | None = None,
        owns_process: bool = False,
    ) -> None:
        """`owns_process`: the service is the process's whole work (`serve`), so once warmed up it may
        tune the process's garbage collector (`settle_heap`); left alone when it runs inside another
        program, such as a test."""
        self._settings = settings
        self._owns_process = owns_process
        self._processing = settings.processing
        self._source = source
        self._sink_factory = sink_factory
        self._sink: Sink | None = None
        self._pipeline = pipeline or Pipeline(settings)
        workers = settings.processing.workers
        self._workers = WorkerPool(self._pipeline, workers) if workers > 1 else None
        self._metrics = metrics or Metrics()
        self._health = health or Health(self._metrics)
        self._stop = stop or asyncio.Event()
        self._transactional = settings.processing.mode == "exactly_once"
        self._operation_timeout = settings.kafka.request_timeout_ms / 1000 + 5.0
        self._idle = asyncio.Event()
        self._idle.set()
        self._revoking = False
        self._epoch = 0  # moves on at each rebalance and failed batch: records fetched before are read again
        self._publishing: tuple[asyncio.Task[bool], list[Record]] | None = None
        self._publishing_count = 0
        self._extracting = 0
        self._failures = 0
        self._last_activity = time.monotonic()
        self._transaction_started = 0.0

    @property
    def stop_event(self) -> asyncio.Event:
        """Set it to make `run` finish the batch in flight and return."""
        return self._stop

    # -- rebalance listener -------------------------------------------------

    async def on_revoked(self, partitions: frozenset[TopicPartition]) -> None:
        """Hold the rebalance until the batch being published is committed or rolled back.

        A batch fetched but not yet published is read again after the rebalance.
        """
        self._epoch += 1
        self._revoking = True
        self._not_ready("rebalancing")
        try:
            await self._idle.wait()
        finally:
            self._revoking = False
        for tp in partitions:
            self._metrics.forget_partition(tp.topic, tp.partition)
        self._last_activity = time.monotonic()
        log.info("partitions_revoked", partitions=_names(partitions))

    async def on_assigned(self, partitions: frozenset[TopicPartition]) -> None:
        """Note the new assignment (the idle clock of `--until-idle` starts again)."""
        self._last_activity = time.monotonic()
        log.info("partitions_assigned", partitions=_names(partitions))

    # -- main loop ----------------------------------------------------------

    async def run(self, until_idle: float | None = None) -> None:
        """Process batches until `stop` is set, or until the input is drained and quiet for `until_idle` s.

        Raises FatalKafkaFault when retrying cannot help.
        """
        log.info(
            "service_starting",
            mode=self._processing.mode,
            topic=self._settings.topics.raw,
            group_id=self._settings.kafka.group_id,
            bootstrap_servers=self._settings.kafka.bootstrap_servers,
        )
        announcer = asyncio.create_task(self._announce_stop())
        try:
            if self._workers is not None:
                await self._workers.start()  # each worker warms its extractor up as it starts
            else:
                self._pipeline.warm_up()
            if self._owns_process:
                settle_heap()
            if not await self._retrying("connect", self._open_sink):
                return
            if not await self._retrying("connect", lambda: self._source.start(self)):
                return
            while not self._stop.is_set():
                self._health.beat()
                self._update_ready()
                epoch = self._epoch
                records = await self._fetch()
                if records:
                    await self._handle(records, epoch)
                    continue
                await self._settle()
                if until_idle is not None and await self._drained(until_idle):
                    log.info("input_drained", idle_seconds=until_idle)
                    break
            await self._settle()
        finally:
            await self._abandon_publishing()
            announcer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await announcer
            self._not_ready("stopping")
            await self._source.stop()
            if self._sink is not None:
                await self._sink.stop()
            if self._workers is not None:
                await self._workers.stop()
            log.info("service_stopped")

    async def _announce_stop(self) -> None:
        """Not ready as soon as `stop` is set: new traffic should go elsewhere while the batch finishes."""
        await self._stop.wait()
        self._not_ready("shutting down")

    def _not_ready(self, reason: str) -> None:
        self._health.set_ready(False, "shutting down" if self._stop.is_set() else reason)

    def _update_ready(self) -> None:
        ready = self._sink is not None and bool(self._source.assignment()) and not self._revoking
        if ready != self._health.ready:
            self._health.set_ready(ready, None if ready else "waiting for partitions")

    async def _open_sink(self) -> None:
        sink = self._sink_factory()
        await sink.start()
        self._sink = sink

    async def _fetch(self) -> list[Record]:
        try:
            return await self._source.getmany(
                timeout_ms=self._processing.batch_timeout_ms, max_records=self._processing.batch_max_records
            )
        except TransientKafkaFault as exc:
            self._metrics.record_retry("fetch")
            log.warning("fetch_failed", error=str(exc))
            await self._backoff(1)
            return []

    async def _drained(self, quiet_seconds: float) -> bool:
        if time.monotonic() - self._last_activity < quiet_seconds:
            return False
        try:
            lags = await asyncio.wait_for(self._source.lag(), self._operation_timeout)
        except (KafkaFault, TimeoutError) as exc:
            log.info("lag_unknown", error=str(exc) or type(exc).__name__)
            return False
        return not any(lags.values())

    # -- one batch ----------------------------------------------------------

    async def _handle(self, records: list[Record], epoch: int) -> None:
        """Extract `records` while the batch before is published, then start publishing them.

        `epoch` is the one seen before `records` were fetched. When the batch before
        failed, or a rebalance came since, the records are not published: the consumer
        is moved back and they are read again.
        """
        started = time.perf_counter()
        self._last_activity = time.monotonic()
        self._extracting = len(records)
        self._metrics.set_inflight(self._extracting + self._publishing_count)
        crash: BrokenProcessPool | None = None
        outcome: Outcome | None = None
        try:
            try:
                outcome = await self._extract(records)
            except BrokenProcessPool as exc:
                crash = exc
        finally:
            self._extracting = 0
        settled = await self._settle(records)  # when the batch before failed, both were moved back
        if settled and epoch != self._epoch:
            log.info("batch_dropped", reason="rebalance", records=len(records))
            await self._rewind(records)
            settled = False
        if crash is not None:
            if settled:
                for tp, offset in first_offsets(records).items():
                    self._source.seek(tp, offset)
            await self._workers_crashed(records, crash)
            return
        if not settled or outcome is None:
            return
        self._metrics.record_consumed(self._settings.topics.raw, len(records))
        self._idle.clear()
        self._publishing_count = len(records)
        self._metrics.set_inflight(self._publishing_count)
        self._publishing = (asyncio.create_task(self._publish(records, outcome, started)), records)

    async def _publish(self, records: list[Record], outcome: Outcome, started: float) -> bool:
        """Publish one batch and commit its offsets (one transaction in exactly-once mode).

        True when done; False when it failed and was rolled back (the caller moves
        the consumer back). Fatal faults propagate.
        """
        try:
            if self._transactional:
                done = await self._publish_in_transaction(records, outcome)
            else:
                done = await self._publish_then_commit(records, outcome)
            if done:
                self._failures = 0
                self._report(outcome, started)
            return done
        finally:
            self._publishing_count = 0
            self._metrics.set_inflight(self._extracting)
            self._idle.set()

    async def _settle(self, following: Sequence[Record] = ()) -> bool:
        """Wait until the batch being published is committed or rolled back; True unless it failed.

        When it failed, the consumer is moved back to the start of it and of
        `following` (records fetched after it, not to be published), so that both
        are read again in order.
        """
        publishing, self._publishing = self._publishing, None
        if publishing is None:
            self._idle.set()
            return True
        task, published = publishing
        try:
            done = await task
        finally:
            self._idle.set()
        if not done:
            self._epoch += 1
            await self._move_back([*published, *following])
        return done

    async def _move_back(self, records: Sequence[Record]) -> None:
        """After a failed batch: read `records` again. Exactly-once goes back to the group's committed
        offsets; at-least-once, which commits every batch before the next is published, to the records'
        first offsets."""
        if self._transactional:
            await self._rewind(records)
            return
        for tp, offset in first_offsets(records).items():
            self._source.seek(tp, offset)

    async def _abandon_publishing(self) -> None:
        """On the way out after an error or a cancellation: end the publishing task, if any, quietly."""
        publishing, self._publishing = self._publishing, None
        if publishing is None:
            return
        task = publishing[0]
        if not task.done():
            task.cancel()
        with contextlib.suppress(BaseException):
            await task
        self._idle.set()

    async def _extract(self, records: list[Record]) -> Outcome:
        size = self._processing.chunk_records
        if self._workers is not None:
            chunks = [records[start : start + size] for start in range(0, len(records), size)]
            return Outcome.merge(await self._workers.process(chunks))
        # In this process the event loop gets a turn after `chunk_records` records or _SLICE_SECONDS of
        # extraction, whichever comes first: the batch before is published and committed, and the next
        # one fetched, while this one is extracted, instead of after it.
        step = min(size, _PIECE_RECORDS)
        parts: list[Outcome] = []
        since = 0
        turn = time.perf_counter() + _SLICE_SECONDS
        for start in range(0, len(records), step):
            parts.append(self._pipeline.process(records[start : start + step]))
            since += step
            if since >= size or time.perf_counter() >= turn:
                for _ in range(_TURN_STEPS):
                    await asyncio.sleep(0)
                since = 0
                turn = time.perf_counter() + _SLICE_SECONDS
        return Outcome.merge(parts)

    async def _workers_crashed(self, records: list[Record], exc: BrokenProcessPool) -> None:
        """A worker died while the batch was extracted: nothing of it was published; restart the workers
        (the caller has moved the consumer back, so the batch is read again)."""
        self._failures += 1
        self._metrics.record_retry("batch")
        log.warning(
            "workers_crashed",
            error=str(exc) or type(exc).__name__,
            records=len(records),
            attempt=self._failures,
        )
        if self._workers is not None:
            try:
                await self._workers.restart()
            except BrokenProcessPool as again:
                log.warning("workers_restart_failed", error=str(again) or type(again).__name__)
        await self._backoff(self._failures)

    async def _publish_in_transaction(self, records: list[Record], outcome: Outcome) -> bool:
        """One transaction for the batch; on failure roll back (the caller moves the consumer back)."""
        offsets = next_offsets(records)
        try:
            async with asyncio.timeout(self._operation_timeout):
                await self._transaction(outcome, offsets)
        except FatalKafkaFault as exc:
            if not self._expired_transaction(exc):
                raise
            fault: Exception = exc
        except (TransientKafkaFault, TimeoutError) as exc:
            fault = exc
        else:
            self._metrics.record_transaction("committed")
            return True
        self._failures += 1
        self._metrics.record_transaction("aborted")
        self._metrics.record_retry("commit_transaction")
        log.warning(
            "transaction_failed",
            error=str(fault) or type(fault).__name__,
            records=len(records),
            attempt=self._failures,
        )
        await self._roll_back()
        await self._backoff(self._failures)
        return False

    async def _transaction(self, outcome: Outcome, offsets: Offsets) -> None:
        sink = self._require_sink()
        self._transaction_started = time.monotonic()
        await sink.begin()
        deliveries = [await sink.send(message) for message in outcome.messages]
        await sink.wait(deliveries)
        await sink.send_offsets(offsets, self._source.group_id)
        await sink.commit()

    def _expired_transaction(self, exc: FatalKafkaFault) -> bool:
        """Fenced because our own transaction outlived the broker's timeout (not by another instance)."""
        age = time.monotonic() - self._transaction_started
        return is_fenced(exc.__cause__) and age * 1000 >= self._processing.transaction_timeout_ms

    async def _roll_back(self) -> None:
        """Abort the open transaction, then start a fresh producer under the same transactional id.

        The fresh producer matters: after a broker restart aiokafka's producer can
        keep failing with OutOfOrderSequenceNumber, and some of its transaction
        states have no way back. A new producer id and epoch clear both, and fence
        whatever the old producer left open. When the abort says another live
        instance fenced us, that FatalKafkaFault is raised instead: taking the id
        back would only fence the other instance in turn.
        """
        sink = self._sink
        if sink is not None:
            try:
                await asyncio.wait_for(sink.abort(), _ABORT_TIMEOUT_SECONDS)
            except FatalKafkaFault as exc:
                if is_fenced(exc.__cause__) and not self._expired_transaction(exc):
                    raise  # another instance holds our id now; a fresh producer would fence it in turn
                log.warning("abort_failed", error=str(exc))
            except Exception as exc:  # any failure here means the producer is unusable
                log.warning("abort_failed", error=repr(exc) or type(exc).__name__)
        await self._replace_sink()

    async def _replace_sink(self) -> None:
        sink, self._sink = self._sink, None
        if sink is not None:
            await sink.stop()
        await self._retrying("connect", self._open_sink)

    async def _rewind(self, records: Sequence[Record]) -> None:
        """Move the consumer back to the group's committed offsets of the batch's partitions."""
        firsts = first_offsets(records)
        attempt = 0
        while True:
            owned = frozenset(firsts) & self._source.assignment()
            if not owned:
                return
            try:
                committed = await asyncio.wait_for(self._source.committed(owned), self._operation_timeout)
            except (TransientKafkaFault, TimeoutError) as exc:
                attempt += 1
                self._metrics.record_retry("watermarks")
                log.warning(
                    "committed_offsets_unknown", error=str(exc) or type(exc).__name__, attempt=attempt
                )
                if self._stop.is_set() or not await self._backoff(attempt):
                    return
                continue
            for tp in owned:
                found = committed.get(tp)
                self._source.seek(tp, firsts[tp] if found is None else found)
            return

    async def _publish_then_commit(self, records: list[Record], outcome: Outcome) -> bool:
        """Send and await every message, then commit offsets; False on a send failure (the caller
        moves the consumer back)."""
        try:
            async with asyncio.timeout(self._operation_timeout):
                sink = self._require_sink()
                deliveries = [await sink.send(message) for message in outcome.messages]
                await sink.wait(deliveries)
        except (TransientKafkaFault, TimeoutError) as exc:
            self._failures += 1
            self._metrics.record_retry("send")
            log.warning("publish_failed", error=str(exc) or type(exc).__name__, attempt=self._failures)
            await self._replace_sink()
            await self._backoff(self._failures)
            return False
        offsets = next_offsets(records)
        attempt = 0
        while True:
            try:
                await asyncio.wait_for(self._source.commit(offsets), self._operation_timeout)
            except (TransientKafkaFault, TimeoutError) as exc:
                attempt += 1
                self._metrics.record_retry("commit")
                log.warning("offset_commit_failed", error=str(exc) or type(exc).__name__, attempt=attempt)
                if not set(offsets) <= self._source.assignment():
                    # The partitions moved on; their new owner reads from the last commit.
                    return True
                await self._backoff(attempt)
                continue
            return True

    def _require_sink(self) -> Sink:
        if self._sink is None:
            raise TransientKafkaFault("the producer is not connected")
        return self._sink

    # -- reporting ----------------------------------------------------------

    def _report(self, outcome: Outcome, started: float) -> None:
        results = outcome.results
        self._metrics.observe_articles([result.seconds for result in results])
        for result in results:
            if result.dead_letter is not None or result.events:
                self._report_record(result)
        now_ms = time.time() * 1000
        self._metrics.observe_end_to_end_lags(
            [
                (now_ms - result.record.timestamp_ms) / 1000
                for result in results
                if result.record.timestamp_ms is not None
            ]
        )
        # the last offset read of each partition (records are in offset order within a partition)
        last = {(result.record.topic, result.record.partition): result.record.offset for result in results}
        for (topic, partition), offset in last.items():
            highwater = self._source.highwater(TopicPartition(topic, partition))
            if highwater is not None:
                self._metrics.set_partition_lag(topic, partition, highwater - offset - 1)
        seconds = time.perf_counter() - started
        self._metrics.observe_batch(len(results), seconds)
        log.debug("batch_done", records=len(results), messages=len(outcome.messages), seconds=seconds)

    def _report_record(self, result: RecordResult) -> None:
        """Metrics and log lines of a record that gave events or a dead letter."""
        record = result.record
        line = log.bind(
            topic=record.topic, partition=record.partition, offset=record.offset, article_id=result.article_id
        )
        if result.dead_letter is not None:
            self._metrics.record_dead_letter(result.dead_letter)
            if result.dead_letter == "extractor_error":
                self._metrics.record_extractor_error()
            line.warning("dead_letter", reason=result.dead_letter, error=result.error)
        for event in result.events:
            self._metrics.record_event(event.type, event.status)
            line.info(
                "event_published",
                type=event.type,
                event_id=event.event_id,
                status=event.status,
                summary=event.headline(),
            )

    # -- retries ------------------------------------------------------------

    async def _retrying(self, operation: str, action: Callable[[], Awaitable[None]]) -> bool:
        """Run `action` until it succeeds (True) or `stop` is set (False); fatal faults propagate.

        Each attempt and each wait between attempts counts as a beat of the loop.
        """
        attempt = 0
        while True:
            self._health.beat()
            try:
                await action()
            except TransientKafkaFault as exc:
                attempt += 1
                self._metrics.record_retry(operation)
                log.warning("kafka_unavailable", operation=operation, error=str(exc), attempt=attempt)
                if not await self._backoff(attempt):
                    return False
                continue
            return True

    async def _backoff(self, attempt: int) -> bool:
        """Sleep a jittered, capped exponential delay; False when `stop` was set meanwhile.

        Beats at least three times per liveness period while it waits, so a long
        backoff never makes /livez report a stalled loop.
        """
        ceiling = min(
            self._processing.retry_backoff_max_seconds, _BACKOFF_BASE_SECONDS * 2 ** min(attempt, 16)
        )
        delay = random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not cryptography
        deadline = time.monotonic() + delay
        while (remaining := deadline - time.monotonic()) > 0:
            self._health.beat()
            try:
                await asyncio.wait_for(self._stop.wait(), min(remaining, self._health.stale_after / 3))
            except TimeoutError:
                continue
            return False
        self._health.beat()
        return True


def _names(partitions: frozenset[TopicPartition]) -> list[str]:
    return sorted(f"{tp.topic}[{tp.partition}]" for tp in partitions)


async def serve(settings: Settings, until_idle: float | None = None) -> int:
    """Run the service on Kafka with health and metrics over HTTP; the process exit code.

    0: stopped by SIGTERM/SIGINT (batch finished, group left) or drained with
    `until_idle`; 1: a fatal Kafka fault, or shutdown overran the grace period.
    """
    from ingest.http import serve as serve_http  # noqa: PLC0415 - keeps the pure modules free of it
    from ingest.kafka.sink import KafkaSink  # noqa: PLC0415
    from ingest.kafka.source import KafkaSource  # noqa: PLC0415

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(quiet_abandoned_futures)
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    metrics = Metrics()
    health = Health(metrics, stale_after=settings.http.liveness_timeout_seconds)
    service = Service(
        settings,
        KafkaSource(settings),
        lambda: KafkaSink(settings),
        metrics=metrics,
        health=health,
        stop=stop,
        owns_process=True,
    )
    async with serve_http(settings.http, metrics.registry, health):
        running = asyncio.create_task(service.run(until_idle))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not running.done():
            grace = settings.processing.shutdown_grace_seconds
            log.info("shutdown_requested", grace_seconds=grace)
            if not await _finish_within(running, grace):
                log.error("shutdown_grace_exceeded", grace_seconds=grace)
                return 1
        try:
            running.result()
        except FatalKafkaFault as exc:
            log.error("fatal_kafka_fault", error=str(exc))  # noqa: TRY400 - one clear line, no trace
            return 1
    return 0


async def _finish_within(task: asyncio.Task[None], seconds: float) -> bool:
    """Wait for `task` within `seconds`: most of it for a clean finish, the rest for a cancelled one.

    A task that ignores even the cancellation ends the process here (exit 1):
    its transaction, never committed, is aborted by the broker.
    """
    reserve = min(_ABORT_TIMEOUT_SECONDS, seconds / 4)
    done, _ = await asyncio.wait({task}, timeout=seconds - reserve)
    if done:
        return True
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=reserve)
    if not done:
        log.error("shutdown_grace_exceeded", grace_seconds=seconds)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)
    return False
