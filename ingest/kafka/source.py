"""The raw topic read through an aiokafka consumer in the service's group."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence

import structlog
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener
from aiokafka.structs import TopicPartition as KafkaTopicPartition

from ingest.codec import Headers, Record
from ingest.kafka import Offsets, RebalanceListener, TopicPartition
from ingest.kafka.config import consumer_kwargs
from ingest.kafka.faults import TRANSIENT, wrap
from ingest.kafka.login import start_fault
from ingest.settings import Settings

log = structlog.get_logger()

_STOP_TIMEOUT_SECONDS = 10.0


def _headers(headers: Sequence[tuple[str, bytes]]) -> Headers:
    return tuple((name, bytes(value)) for name, value in headers)


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    """Forwards aiokafka's rebalance callbacks; aiokafka awaits them before it rejoins the group."""

    def __init__(self, target: RebalanceListener) -> None:
        self._target = target

    async def on_partitions_revoked(self, revoked: set[KafkaTopicPartition]) -> None:
        await self._target.on_revoked(frozenset(TopicPartition(tp.topic, tp.partition) for tp in revoked))

    async def on_partitions_assigned(self, assigned: set[KafkaTopicPartition]) -> None:
        await self._target.on_assigned(frozenset(TopicPartition(tp.topic, tp.partition) for tp in assigned))


class KafkaSource:
    """One member of the consumer group on the raw topic; offsets are committed only when told."""

    def __init__(self, settings: Settings) -> None:
        self.group_id = settings.kafka.group_id
        self._settings = settings
        self._consumer: AIOKafkaConsumer | None = None

    @property
    def _client(self) -> AIOKafkaConsumer:
        if self._consumer is None:
            raise RuntimeError("the source is not started")
        return self._consumer

    async def start(self, listener: RebalanceListener) -> None:
        """Connect and subscribe.

        Raises FatalKafkaFault when a broker refuses the login or its
        certificate is not trusted, TransientKafkaFault when none can be reached.
        """
        consumer = AIOKafkaConsumer(**consumer_kwargs(self._settings))
        try:
            await consumer.start()
        except TRANSIENT as exc:
            with contextlib.suppress(Exception):
                await consumer.stop()
            raise await start_fault(self._settings.kafka, exc, "consumer start") from exc
        consumer.subscribe([self._settings.topics.raw], listener=_Listener(listener))
        self._consumer = consumer

    async def stop(self) -> None:
        """Leave the group (dynamic members) and close; bounded in time even with brokers down."""
        consumer, self._consumer = self._consumer, None
        if consumer is None:
            return
        try:
            await asyncio.wait_for(consumer.stop(), _STOP_TIMEOUT_SECONDS)
        except Exception as exc:  # closing must not mask the reason we stop
            log.warning("consumer_stop_failed", error=repr(exc))

    async def getmany(self, timeout_ms: int, max_records: int) -> list[Record]:
        """Up to `max_records` records across the assigned partitions, in offset order per partition."""
        try:
            batches = await self._client.getmany(timeout_ms=timeout_ms, max_records=max_records)
        except TRANSIENT as exc:
            raise wrap(exc, "fetch") from exc
        records: list[Record] = []
        for messages in batches.values():
            # positional arguments, and no header tuple built for the usual record without headers:
            # this runs once per record
            records.extend(
                Record(m.topic, m.partition, m.offset, m.key, m.value, m.timestamp, _headers(m.headers))
                if m.headers
                else Record(m.topic, m.partition, m.offset, m.key, m.value, m.timestamp)
                for m in messages
            )
        return records

    def assignment(self) -> frozenset[TopicPartition]:
        """The partitions this member owns now."""
        if self._consumer is None:
            return frozenset()
        return frozenset(TopicPartition(tp.topic, tp.partition) for tp in self._consumer.assignment())

    def seek(self, partition: TopicPartition, offset: int) -> None:
        """Read `partition` again from `offset`; ignored when the partition is no longer assigned."""
        tp = KafkaTopicPartition(*partition)
        if tp in self._client.assignment():
            self._client.seek(tp, offset)

    async def commit(self, offsets: Offsets) -> None:
        """Commit `offsets` for the group (at-least-once mode)."""
        try:
            await self._client.commit({KafkaTopicPartition(*tp): offset for tp, offset in offsets.items()})
        except TRANSIENT as exc:
            raise wrap(exc, "offset commit") from exc

    async def committed(self, partitions: frozenset[TopicPartition]) -> dict[TopicPartition, int | None]:
        """The group's committed offsets of `partitions`, read from the broker."""
        found: dict[TopicPartition, int | None] = {}
        try:
            for tp in partitions:
                found[tp] = await self._client.committed(KafkaTopicPartition(*tp))
        except TRANSIENT as exc:
            raise wrap(exc, "committed offsets") from exc
        return found

    async def lag(self) -> dict[TopicPartition, int]:
        """End offset minus position per assigned partition (asks the broker for end offsets)."""
        consumer = self._client
        assigned = list(consumer.assignment())
        if not assigned:
            return {}
        try:
            ends = await consumer.end_offsets(assigned)
            lags: dict[TopicPartition, int] = {}
            for tp in assigned:
                position = await consumer.position(tp)
                lags[TopicPartition(tp.topic, tp.partition)] = max(0, ends[tp] - position)
        except TRANSIENT as exc:
            raise wrap(exc, "lag") from exc
        return lags

    def highwater(self, partition: TopicPartition) -> int | None:
        """The high watermark seen in the last fetch of `partition`, or None."""
        if self._consumer is None:
            return None
        value: int | None = self._consumer.highwater(KafkaTopicPartition(*partition))
        return value
