"""Publishing article files as raw-article messages (`ingest replay`)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from aiokafka import AIOKafkaProducer

from ingest.codec import article_json
from ingest.kafka.config import connection_kwargs
from ingest.kafka.faults import TRANSIENT, wrap
from ingest.kafka.login import start_fault
from ingest.settings import KafkaSettings


async def replay(kafka: KafkaSettings, topic: str, articles: Sequence[tuple[str, str]]) -> int:
    """Publish each `(article_id, text)` as `{"id", "text"}` JSON keyed by the id; return how many.

    Returns once every message is acknowledged by the brokers.
    """
    producer = AIOKafkaProducer(**connection_kwargs(kafka), acks="all", enable_idempotence=True, linger_ms=5)
    try:
        await producer.start()
    except TRANSIENT as exc:
        await producer.stop()
        raise await start_fault(kafka, exc, "producer start") from exc
    try:
        futures = [
            await producer.send(topic, value=article_json(article_id, text), key=article_id.encode("utf-8"))
            for article_id, text in articles
        ]
        await asyncio.gather(*futures)
    except TRANSIENT as exc:
        raise wrap(exc, f"publishing to {topic}") from exc
    finally:
        await producer.stop()
    return len(articles)
