"""Publishing through one aiokafka producer: transactional (exactly-once) or idempotent (at-least-once)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.structs import TopicPartition as KafkaTopicPartition

from ingest.codec import Message
from ingest.kafka import Delivery, Offsets
from ingest.kafka.config import producer_kwargs
from ingest.kafka.faults import TRANSIENT, wrap
from ingest.kafka.login import start_fault
from ingest.settings import Settings

log = structlog.get_logger()

_STOP_TIMEOUT_SECONDS = 10.0


class KafkaSink:
    """An aiokafka producer; every method raises KafkaFault (transient or fatal) for broker trouble.

    After a transient fault inside a transaction the producer's state may be
    beyond repair (aiokafka has no way back from some of its error states): the
    service then stops this sink and starts a fresh one with the same
    transactional id, which fences and aborts whatever this one left open.
    """

    def __init__(self, settings: Settings) -> None:
        self._kwargs = producer_kwargs(settings)
        self._kafka = settings.kafka
        self.transactional = settings.processing.mode == "exactly_once"
        self._producer: AIOKafkaProducer | None = None

    @property
    def _client(self) -> AIOKafkaProducer:
        if self._producer is None:
            raise RuntimeError("the sink is not started")
        return self._producer

    async def start(self) -> None:
        """Connect and obtain a producer id (with a transactional id: fence the previous holder).

        A broker that refuses the login or whose certificate is not trusted
        raises FatalKafkaFault; brokers that cannot be reached, TransientKafkaFault.
        """
        producer = AIOKafkaProducer(**self._kwargs)
        try:
            await producer.start()
        except TRANSIENT as exc:
            await _close(producer)
            raise await start_fault(self._kafka, exc, "producer start") from exc
        self._producer = producer

    async def stop(self) -> None:
        """Close the producer, giving up after a bounded time (aiokafka's stop can hang with brokers down)."""
        producer, self._producer = self._producer, None
        if producer is not None:
            await _close(producer)

    async def begin(self) -> None:
        """Open a transaction."""
        try:
            await self._client.begin_transaction()
        except TRANSIENT as exc:
            raise wrap(exc, "begin transaction") from exc

    async def send(self, message: Message) -> Delivery:
        """Queue one message; await the result to know it was acknowledged."""
        try:
            future: Delivery = await self._client.send(
                message.topic, value=message.value, key=message.key, headers=list(message.headers)
            )
        except TRANSIENT as exc:
            raise wrap(exc, "send") from exc
        return future

    async def wait(self, deliveries: Sequence[Delivery]) -> None:
        """Return once every delivery is acknowledged; raise KafkaFault for the first that failed."""
        results = await asyncio.gather(*deliveries, return_exceptions=True)
        for result in results:
            if isinstance(result, TRANSIENT):
                raise wrap(result, "delivery") from result
            if isinstance(result, BaseException):
                raise result

    async def send_offsets(self, offsets: Offsets, group_id: str) -> None:
        """Add the group's offsets to the open transaction."""
        converted = {KafkaTopicPartition(*tp): offset for tp, offset in offsets.items()}
        try:
            await self._client.send_offsets_to_transaction(converted, group_id)
        except TRANSIENT as exc:
            raise wrap(exc, "send offsets to transaction") from exc

    async def commit(self) -> None:
        """Commit the open transaction (flushes its messages first)."""
        try:
            await self._client.commit_transaction()
        except TRANSIENT as exc:
            raise wrap(exc, "commit transaction") from exc

    async def abort(self) -> None:
        """Abort the open transaction."""
        try:
            await self._client.abort_transaction()
        except TRANSIENT as exc:
            raise wrap(exc, "abort transaction") from exc


async def _close(producer: AIOKafkaProducer) -> None:
    try:
        await asyncio.wait_for(producer.stop(), _STOP_TIMEOUT_SECONDS)
    except Exception as exc:  # closing must not mask the reason we stop
        log.warning("producer_stop_failed", error=repr(exc))
