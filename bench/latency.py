"""Latency at a steady rate: from the producer's timestamp to the output being readable (read_committed).

Articles are produced at a fixed rate, each with its send time as the record
timestamp. A read_committed reader on the output topics notes when the first
output of each article becomes readable: for the service an event (found by
its `article_id`), for the passthrough the copy (found by its key). The
latency of an article is that moment minus its timestamp.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import Callable, Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import TopicPartition

from bench.corpus import GeneratedArticle


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of `values`; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[rank]


def _article_id(key: bytes | None, value: bytes | None, sent: dict[str, float]) -> str | None:
    if key is not None:
        candidate = key.decode(errors="replace")
        if candidate in sent:
            return candidate
    if value:
        try:
            found = json.loads(value).get("article_id")
        except (ValueError, AttributeError):
            return None
        return found if isinstance(found, str) else None
    return None


async def measure(
    bootstrap: str,
    input_topic: str,
    output_topics: Sequence[str],
    partitions: int,
    articles: Sequence[GeneratedArticle],
    rate: float,
    on_progress: Callable[[int], None] = lambda n: None,
    drain_seconds: float = 8.0,
) -> list[float]:
    """Produce `articles` at `rate` per second; the latencies (ms) of the articles whose output was read."""
    sent: dict[str, float] = {}
    seen: dict[str, float] = {}
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, isolation_level="read_committed", enable_auto_commit=False
    )
    await consumer.start()
    consumer.assign([TopicPartition(t, p) for t in output_topics for p in range(partitions)])
    await consumer.seek_to_end()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=0)
    await producer.start()
    finished = asyncio.Event()

    async def read() -> None:
        while not finished.is_set():
            batches = await consumer.getmany(timeout_ms=50)
            now = time.time() * 1000
            for messages in batches.values():
                for m in messages:
                    article_id = _article_id(m.key, m.value, sent)
                    if article_id is not None and article_id in sent and article_id not in seen:
                        seen[article_id] = now

    async def write() -> None:
        started = time.monotonic()
        for index, article in enumerate(articles):
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            now_ms = time.time() * 1000
            sent[article.article_id] = now_ms
            await producer.send(
                input_topic,
                article.value,
                key=article.key,
                partition=index % partitions,
                timestamp_ms=int(now_ms),
            )
            if index % 100 == 99:
                on_progress(100)

    reader = asyncio.create_task(read())
    try:
        await write()
        await asyncio.sleep(drain_seconds)
    finally:
        finished.set()
        await reader
        await producer.stop()
        await consumer.stop()
    return [seen[a] - sent[a] for a in seen]
