"""Topic creation through aiokafka's admin client (for `make run`, replays and tests)."""

from __future__ import annotations

from collections.abc import Mapping

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from ingest.errors import FatalKafkaFault
from ingest.kafka.config import connection_kwargs
from ingest.kafka.faults import TRANSIENT, wrap
from ingest.kafka.login import start_fault
from ingest.settings import KafkaSettings, Settings


async def create_topics(
    kafka: KafkaSettings, partitions: Mapping[str, int], replication: int = 1
) -> list[str]:
    """Create the topics named in `partitions` (name -> partition count); return those that were new.

    Existing topics are left as they are, so this is safe to repeat.
    """
    admin = AIOKafkaAdminClient(**connection_kwargs(kafka))
    try:
        await admin.start()
    except TRANSIENT as exc:
        await admin.close()
        raise await start_fault(kafka, exc, "admin client start") from exc
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name, count, replication) for name, count in partitions.items() if name not in existing
        ]
        if not wanted:
            return []
        response = await admin.create_topics(wanted)
    except TRANSIENT as exc:
        raise wrap(exc, "create topics") from exc
    finally:
        await admin.close()
    created: list[str] = []
    for name, code, *_ in response.topic_errors:
        error = for_code(code)
        if code == 0:
            created.append(name)
        elif error is not TopicAlreadyExistsError:
            raise FatalKafkaFault(f"could not create topic {name!r}: {error.__name__}")
    return created


def service_topics(settings: Settings, partitions: int) -> dict[str, int]:
    """The service's four topics, each with `partitions` partitions (the dead-letter topic with one)."""
    topics = settings.topics
    return {
        topics.raw: partitions,
        topics.arms: partitions,
        topics.sanctions: partitions,
        topics.dead_letter: 1,
    }
