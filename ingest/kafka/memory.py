"""An in-memory broker with a `Source` and a `Sink` on it, for fast tests and file replays.

It keeps what the service relies on: partitions in offset order, committed
group offsets, transactions whose messages and offsets become visible together
on commit and never on abort. `faults` lets a test make the next call of an
operation fail, to drive the service's recovery paths.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ingest.codec import Message, Record
from ingest.errors import KafkaFault
from ingest.kafka import Delivery, Offsets, RebalanceListener, TopicPartition

State = Literal["committed", "pending", "aborted"]


@dataclass(slots=True)
class _Stored:
    message: Message
    offset: int
    state: State


@dataclass
class MemoryBroker:
    """Topics, group offsets and transactions in memory."""

    default_partitions: int = 1
    topics: dict[str, list[list[_Stored]]] = field(default_factory=dict)
    group_offsets: dict[str, dict[TopicPartition, int]] = field(default_factory=dict)
    faults: dict[str, list[KafkaFault]] = field(default_factory=dict)
    _round_robin: int = 0

    def create_topic(self, name: str, partitions: int) -> None:
        """Create `name` with `partitions` partitions (no-op when it exists)."""
        self.topics.setdefault(name, [[] for _ in range(partitions)])

    def fail_next(self, operation: str, fault: KafkaFault, times: int = 1) -> None:
        """Make the next `times` calls of `operation` (begin, send, send_offsets, commit, ...) raise `fault`."""
        self.faults.setdefault(operation, []).extend([fault] * times)

    def check(self, operation: str) -> None:
        """Raise the fault planned for `operation`, if any."""
        planned = self.faults.get(operation)
        if planned:
            raise planned.pop(0)

    def append(self, message: Message, state: State) -> _Stored:
        """Store `message` in its topic, partitioned by key hash (round robin without a key)."""
        self.create_topic(message.topic, self.default_partitions)
        partitions = self.topics[message.topic]
        if message.key is None:
            self._round_robin += 1
            index = self._round_robin % len(partitions)
        else:
            index = zlib.crc32(message.key) % len(partitions)
        log = partitions[index]
        stored = _Stored(message=message, offset=len(log), state=state)
        log.append(stored)
        return stored

    def produce(self, topic: str, value: bytes, key: bytes | None = None) -> None:
        """Publish one committed message (what an outside producer does)."""
        self.append(Message(topic=topic, key=key, value=value), "committed")

    def records(self, topic: str, partition: int, start: int) -> list[Record]:
        """Records of one partition from `start`, as a read_committed consumer sees them (up to the first open
        transaction)."""
        out: list[Record] = []
        for stored in self.topics.get(topic, [])[partition][start:]:
            if stored.state == "pending":
                break
            if stored.state == "committed":
                m = stored.message
                out.append(Record(m.topic, partition, stored.offset, m.key, m.value, None, m.headers))
        return out

    def read_committed(self, topic: str) -> list[Message]:
        """Every committed message of `topic`, partition by partition."""
        return [
            stored.message
            for log in self.topics.get(topic, [])
            for stored in log
            if stored.state == "committed"
        ]


class MemorySource:
    """The only member of its group: owns every partition of the raw topic."""

    def __init__(self, broker: MemoryBroker, topic: str, group_id: str) -> None:
        self.group_id = group_id
        self._broker = broker
        self._topic = topic
        self._positions: dict[TopicPartition, int] = {}
        self._listener: RebalanceListener | None = None

    async def start(self, listener: RebalanceListener) -> None:
        """Take every partition, starting at the group's committed offsets."""
        self._broker.check("consumer_start")
        self._broker.create_topic(self._topic, self._broker.default_partitions)
        committed = self._broker.group_offsets.get(self.group_id, {})
        count = len(self._broker.topics[self._topic])
        self._positions = {
            TopicPartition(self._topic, p): committed.get(TopicPartition(self._topic, p), 0)
            for p in range(count)
        }
        self._listener = listener
        await listener.on_assigned(frozenset(self._positions))

    async def stop(self) -> None:
        """Give the partitions up."""
        if self._listener is not None:
            await self._listener.on_revoked(frozenset(self._positions))
        self._positions = {}

    async def getmany(self, timeout_ms: int, max_records: int) -> list[Record]:
        """Up to `max_records` committed records past the positions; waits `timeout_ms` when there are none."""
        self._broker.check("fetch")
        out: list[Record] = []
        for tp, position in self._positions.items():
            records = self._broker.records(tp.topic, tp.partition, position)[: max_records - len(out)]
            if records:
                self._positions[tp] = records[-1].offset + 1
                out.extend(records)
        if not out:
            await asyncio.sleep(timeout_ms / 1000)
        return out

    def assignment(self) -> frozenset[TopicPartition]:
        """Every partition of the raw topic while started."""
        return frozenset(self._positions)

    def seek(self, partition: TopicPartition, offset: int) -> None:
        """Read `partition` again from `offset`."""
        if partition in self._positions:
            self._positions[partition] = offset

    async def commit(self, offsets: Offsets) -> None:
        """Store the group's offsets."""
        self._broker.check("offset_commit")
        self._broker.group_offsets.setdefault(self.group_id, {}).update(offsets)

    async def committed(self, partitions: frozenset[TopicPartition]) -> dict[TopicPartition, int | None]:
        """The group's stored offsets."""
        self._broker.check("committed")
        stored = self._broker.group_offsets.get(self.group_id, {})
        return {tp: stored.get(tp) for tp in partitions}

    async def lag(self) -> dict[TopicPartition, int]:
        """Committed records past the position, per partition."""
        return {
            tp: len(self._broker.records(tp.topic, tp.partition, position))
            for tp, position in self._positions.items()
        }

    def highwater(self, partition: TopicPartition) -> int | None:
        """The length of the partition's log."""
        return len(self._broker.topics[partition.topic][partition.partition])


class MemorySink:
    """Publishes into a MemoryBroker, with or without transactions."""

    def __init__(self, broker: MemoryBroker, *, transactional: bool) -> None:
        self.transactional = transactional
        self._broker = broker
        self._open: list[_Stored] | None = None
        self._offsets: dict[str, dict[TopicPartition, int]] = {}

    async def start(self) -> None:
        """Nothing to connect to; a planned `producer_start` fault is raised."""
        self._broker.check("producer_start")

    async def stop(self) -> None:
        """Abort what is open, as the broker does when a producer is fenced or times out."""
        if self._open is not None:
            self._end("aborted")

    async def begin(self) -> None:
        """Open a transaction."""
        self._broker.check("begin")
        if self._open is not None:
            raise RuntimeError("a transaction is already open")
        self._open = []
        self._offsets = {}

    async def send(self, message: Message) -> Delivery:
        """Store `message`: pending inside a transaction, committed without one."""
        self._broker.check("send")
        if self.transactional:
            if self._open is None:
                raise RuntimeError("send outside a transaction")
            self._open.append(self._broker.append(message, "pending"))
        else:
            self._broker.append(message, "committed")
        done: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done

    async def wait(self, deliveries: Sequence[Delivery]) -> None:
        """Await the deliveries (they always succeed here)."""
        self._broker.check("delivery")
        for delivery in deliveries:
            await delivery

    async def send_offsets(self, offsets: Offsets, group_id: str) -> None:
        """Remember the offsets; they are applied when the transaction commits."""
        self._broker.check("send_offsets")
        self._offsets.setdefault(group_id, {}).update(offsets)

    async def commit(self) -> None:
        """Make the transaction's messages and offsets visible together."""
        self._broker.check("commit")
        for group, offsets in self._offsets.items():
            self._broker.group_offsets.setdefault(group, {}).update(offsets)
        self._end("committed")

    async def abort(self) -> None:
        """Drop the transaction's messages and offsets."""
        self._broker.check("abort")
        self._end("aborted")

    def _end(self, state: State) -> None:
        for stored in self._open or []:
            stored.state = state
        self._open = None
        self._offsets = {}
