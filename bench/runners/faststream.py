"""The same job written with FastStream, the way its documentation shows a Kafka batch consumer.

A `KafkaBroker` with an idempotent producer, one batch subscriber in the
service's consumer group (`batch=True`, up to `INGEST_PROCESSING_BATCH_MAX_RECORDS`
records), the JSON bodies decoded by FastStream, events from
`ingest.extract.extract` published with `broker.publish` (all of a batch's
publishes awaited together). `AckPolicy.NACK_ON_ERROR` commits the batch's
offsets once the handler returns and reads the batch again when it raises, which
makes it at-least-once. (`publish_batch` is no fit here: one call must fit into a
single producer batch, 16 KB by default, and a handler error under the plain
`ACK` policy still commits the batch, losing its events.) FastStream has no
consume-transform-produce transactions, so it runs at-least-once only.

    python -m bench.runners.faststream
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from faststream import AckPolicy, FastStream
from faststream.kafka import KafkaBroker

from ingest.extract import extract

env = os.environ
broker = KafkaBroker(env.get("INGEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), enable_idempotence=True)
app = FastStream(broker)
ARMS = env.get("INGEST_TOPICS_ARMS", "events.arms-transfers")
SANCTIONS = env.get("INGEST_TOPICS_SANCTIONS", "events.sanctions")


@broker.subscriber(
    env.get("INGEST_TOPICS_RAW", "articles.raw"),
    group_id=env.get("INGEST_KAFKA_GROUP_ID", "ingest"),
    auto_offset_reset="earliest",
    batch=True,
    max_records=int(env.get("INGEST_PROCESSING_BATCH_MAX_RECORDS", "500")),
    batch_timeout_ms=int(env.get("INGEST_PROCESSING_BATCH_TIMEOUT_MS", "200")),
    ack_policy=AckPolicy.NACK_ON_ERROR,
)
async def handle(articles: list[dict[str, Any]]) -> None:
    publishes = []
    for article in articles:
        for event in extract(article["text"], article["id"]):
            topic = ARMS if event.type == "arms_transfer" else SANCTIONS
            publishes.append(broker.publish(event.model_dump_json().encode(), topic=topic))
    await asyncio.gather(*publishes)


if __name__ == "__main__":
    asyncio.run(app.run())
