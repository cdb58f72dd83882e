"""The service's two I/O seams, as Protocols, with an aiokafka and an in-memory implementation.

A `Source` hands out batches of records of the raw topic and tracks what the
group has consumed; a `Sink` publishes messages, either inside transactions that
also carry the consumer offsets (exactly-once) or as plain acknowledged sends
(at-least-once). `ingest.kafka.source` / `ingest.kafka.sink` talk to brokers,
`ingest.kafka.memory` keeps topics in a dict for fast tests and replays.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import NamedTuple, Protocol

from ingest.codec import Message, Record


class TopicPartition(NamedTuple):
    """A partition of a topic."""

    topic: str
    partition: int


Offsets = Mapping[TopicPartition, int]
"""Next offset to read, per partition (the offset committed for the group)."""


class RebalanceListener(Protocol):
    """Told when partitions come and go; the source awaits these before it gives partitions up."""

    async def on_revoked(self, partitions: frozenset[TopicPartition]) -> None:
        """Called before `partitions` are given up: finish or abort the work on them before returning."""

    async def on_assigned(self, partitions: frozenset[TopicPartition]) -> None:
        """Called once `partitions` are this instance's."""


class Source(Protocol):
    """Records of the raw topic for one member of the consumer group."""

    group_id: str

    async def start(self, listener: RebalanceListener) -> None:
        """Connect and subscribe to the raw topic; rebalances are reported to `listener`."""

    async def stop(self) -> None:
        """Leave the group and disconnect; never raises."""

    async def getmany(self, timeout_ms: int, max_records: int) -> list[Record]:
        """Up to `max_records` records, waiting at most `timeout_ms`; empty when none arrived."""

    def assignment(self) -> frozenset[TopicPartition]:
        """The partitions this member owns now."""

    def seek(self, partition: TopicPartition, offset: int) -> None:
        """Read `partition` again from `offset` (after an aborted batch)."""

    async def commit(self, offsets: Offsets) -> None:
        """Commit `offsets` for the group outside any transaction (at-least-once)."""

    async def committed(self, partitions: frozenset[TopicPartition]) -> dict[TopicPartition, int | None]:
        """The group's committed offset of each partition (None: nothing committed yet), from the broker."""

    async def lag(self) -> dict[TopicPartition, int]:
        """Records not yet consumed per assigned partition (high watermark minus position)."""

    def highwater(self, partition: TopicPartition) -> int | None:
        """The last known high watermark of `partition`, without asking the broker."""


Delivery = Awaitable[object]
"""Resolves when the broker has acknowledged one sent message; pass it to `Sink.wait`."""


class Sink(Protocol):
    """Publishes messages; one instance per service, started once, restarted after a broken transaction."""

    transactional: bool

    async def start(self) -> None:
        """Connect; with transactions, fence any earlier producer with the same transactional id."""

    async def stop(self) -> None:
        """Flush what is pending and disconnect; never raises and never hangs past its own timeout."""

    async def begin(self) -> None:
        """Open a transaction (transactional sinks only)."""

    async def send(self, message: Message) -> Delivery:
        """Queue `message`; the returned awaitable resolves on acknowledgement."""

    async def wait(self, deliveries: Sequence[Delivery]) -> None:
        """Return once every delivery is acknowledged; raise KafkaFault for the first that failed."""

    async def send_offsets(self, offsets: Offsets, group_id: str) -> None:
        """Add the group's offsets to the open transaction."""

    async def commit(self) -> None:
        """Commit the open transaction: its messages and offsets become visible together."""

    async def abort(self) -> None:
        """Abort the open transaction: nothing of it is ever visible to read_committed readers."""


SinkFactory = Callable[[], Sink]
"""Builds a fresh sink (used to replace one whose transaction state broke)."""


def next_offsets(records: Sequence[Record]) -> dict[TopicPartition, int]:
    """The offsets to commit after `records`: one past the last record of each partition."""
    offsets: dict[TopicPartition, int] = {}
    for record in records:
        tp = TopicPartition(record.topic, record.partition)
        offsets[tp] = max(offsets.get(tp, 0), record.offset + 1)
    return offsets


def first_offsets(records: Sequence[Record]) -> dict[TopicPartition, int]:
    """The first offset of each partition in `records` (where to seek back after an abort)."""
    offsets: dict[TopicPartition, int] = {}
    for record in records:
        tp = TopicPartition(record.topic, record.partition)
        offsets[tp] = min(offsets.get(tp, record.offset), record.offset)
    return offsets
