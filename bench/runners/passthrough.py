"""The limit: the service's loop with the extractor taken out.

Consume the raw topic, copy every record unchanged to the arms-transfer topic
and commit, with exactly the client arguments the service builds
(`ingest.kafka.config`) and the same batch settings (`getmany` with
`batch_timeout_ms` and `batch_max_records`). In exactly-once mode each batch
is one transaction carrying the copies and the offsets; in at-least-once mode
the copies are awaited, then the offsets committed. Configured by the same
`INGEST_*` environment as the service; runs until SIGTERM.

    python -m bench.runners.passthrough
"""

from __future__ import annotations

import asyncio
import signal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from ingest.kafka.config import consumer_kwargs, producer_kwargs
from ingest.settings import load_settings


async def run() -> None:
    settings = load_settings()
    processing = settings.processing
    transactional = processing.mode == "exactly_once"
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    consumer = AIOKafkaConsumer(**consumer_kwargs(settings))
    producer = AIOKafkaProducer(**producer_kwargs(settings))
    await producer.start()
    await consumer.start()
    consumer.subscribe([settings.topics.raw])
    out = settings.topics.arms
    try:
        while not stop.is_set():
            batches = await consumer.getmany(
                timeout_ms=processing.batch_timeout_ms, max_records=processing.batch_max_records
            )
            if not batches:
                continue
            offsets = {tp: messages[-1].offset + 1 for tp, messages in batches.items()}
            if transactional:
                await producer.begin_transaction()
            futures = [
                await producer.send(out, value=m.value, key=m.key, headers=list(m.headers or ()))
                for messages in batches.values()
                for m in messages
            ]
            await asyncio.gather(*futures)
            if transactional:
                await producer.send_offsets_to_transaction(offsets, settings.kafka.group_id)
                await producer.commit_transaction()
            else:
                await consumer.commit(offsets)
    finally:
        await consumer.stop()
        await producer.stop()


if __name__ == "__main__":
    asyncio.run(run())
