"""The benchmark's dealings with the broker: topics, loading the corpus, watching a group's progress."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import TopicPartition

from bench.corpus import GeneratedArticle


async def create_topics(bootstrap: str, partitions: dict[str, int]) -> None:
    """Create the named topics (replication factor 1) and wait until their leaders are known."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, count, 1) for name, count in partitions.items()])
        for _ in range(100):
            described = await admin.describe_topics(list(partitions))
            if all(not t["error_code"] and len(t["partitions"]) == partitions[t["topic"]] for t in described):
                return
            await asyncio.sleep(0.1)
    finally:
        await admin.close()


async def delete_topics(bootstrap: str, names: Sequence[str]) -> None:
    """Delete the topics; missing ones are ignored."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        doomed = [n for n in names if n in existing]
        if doomed:
            await admin.delete_topics(doomed)
    finally:
        await admin.close()


async def produce(
    bootstrap: str,
    topic: str,
    articles: Sequence[GeneratedArticle],
    on_progress: Callable[[int], None] = lambda n: None,
) -> None:
    """Write the articles to `topic`, spread round-robin over its partitions, and wait for every ack."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks=1, linger_ms=20, max_batch_size=512 * 1024, compression_type=None
    )
    await producer.start()
    try:
        partitions = sorted(await producer.partitions_for(topic))
        pending: list[asyncio.Future[object]] = []
        for index, article in enumerate(articles):
            partition = partitions[index % len(partitions)]
            pending.append(await producer.send(topic, article.value, key=article.key, partition=partition))
            if len(pending) >= 2000:
                await asyncio.gather(*pending)
                on_progress(len(pending))
                pending = []
        await asyncio.gather(*pending)
        on_progress(len(pending))
    finally:
        await producer.stop()


@dataclass
class Progress:
    """A consumer group's committed offsets on the input topic over time."""

    total: int
    joined_at: float | None = None
    done_at: float | None = None
    samples: list[tuple[float, int]] = field(default_factory=list)

    def committed_at(self, share: float) -> float | None:
        """The first sample time at which at least `share` of the total was committed."""
        for when, committed in self.samples:
            if committed >= share * self.total:
                return when
        return None


async def group_state(admin: AIOKafkaAdminClient, group: str) -> str:
    """The group's state as the coordinator names it ("Stable", "PreparingRebalance", ...), or "unknown"."""
    with contextlib.suppress(Exception):
        for response in await admin.describe_consumer_groups([group]):
            for described in response.groups:
                # (error_code, group_id, state, protocol_type, protocol, members, ...)
                if described[1] == group:
                    return str(described[2])
    return "unknown"


async def wait_stable(bootstrap: str, group: str, alive: Callable[[], bool], within: float = 60.0) -> bool:
    """Wait until `group` is Stable (True), or `alive()` turns false or `within` s pass (False)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline and alive():
            if await group_state(admin, group) == "Stable":
                return True
            await asyncio.sleep(0.2)
        return False
    finally:
        await admin.close()


class GroupWatch:
    """Polls a group's state and committed offsets until everything in the input is committed."""

    def __init__(self, bootstrap: str, group: str, topic: str, partitions: int, total: int) -> None:
        self._bootstrap = bootstrap
        self._group = group
        self._partitions = [TopicPartition(topic, p) for p in range(partitions)]
        self.progress = Progress(total)

    async def _committed(self, admin: AIOKafkaAdminClient) -> int:
        with contextlib.suppress(Exception):
            offsets = await admin.list_consumer_group_offsets(self._group, partitions=self._partitions)
            return sum(max(0, meta.offset) for meta in offsets.values())
        return 0

    async def run(
        self,
        within: float,
        on_progress: Callable[[int], None] = lambda n: None,
        interval: float = 0.05,
    ) -> Progress:
        """Watch until all is committed or `within` s pass; `joined_at` is when the group first is Stable."""
        admin = AIOKafkaAdminClient(bootstrap_servers=self._bootstrap)
        await admin.start()
        progress = self.progress
        deadline = time.monotonic() + within
        try:
            while time.monotonic() < deadline:
                now = time.monotonic()
                if progress.joined_at is None and await group_state(admin, self._group) == "Stable":
                    progress.joined_at = now
                committed = await self._committed(admin)
                if committed and progress.joined_at is None:
                    progress.joined_at = now
                progress.samples.append((now, committed))
                on_progress(committed)
                if committed >= progress.total:
                    progress.done_at = now
                    break
                await asyncio.sleep(interval)
        finally:
            await admin.close()
        return progress
