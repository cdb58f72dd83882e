"""The same job written with Quix Streams, the way its documentation shows a stateless pipeline.

An `Application` in the service's consumer group, the raw topic with the JSON
deserializer, `apply(..., expand=True)` to turn an article into its events
with `ingest.extract.extract`, and `to_topic` with a topic chosen per event.
`processing_guarantee` follows `INGEST_PROCESSING_MODE`; everything else is
left at the library's defaults (offsets or transactions committed every 5 s).

    python -m bench.runners.quix
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

from quixstreams import Application

from ingest.extract import extract


def main() -> None:
    env = os.environ
    guarantee = "exactly-once" if env.get("INGEST_PROCESSING_MODE") == "exactly_once" else "at-least-once"
    app = Application(
        broker_address=env.get("INGEST_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        consumer_group=env["INGEST_KAFKA_GROUP_ID"],
        auto_offset_reset="earliest",
        processing_guarantee=guarantee,
        state_dir=tempfile.mkdtemp(prefix="quix-state-"),
        auto_create_topics=False,
        use_changelog_topics=False,
    )
    raw = app.topic(env["INGEST_TOPICS_RAW"], value_deserializer="json")
    arms = app.topic(env["INGEST_TOPICS_ARMS"], value_serializer="json")
    sanctions = app.topic(env["INGEST_TOPICS_SANCTIONS"], value_serializer="json")

    def events(article: dict[str, Any]) -> list[dict[str, Any]]:
        return [e.model_dump(mode="json") for e in extract(article["text"], article["id"])]

    def destination(value: dict[str, Any], key: Any, timestamp: int, headers: Any) -> Any:
        return arms if value["type"] == "arms_transfer" else sanctions

    sdf = app.dataframe(raw)
    sdf = sdf.apply(events, expand=True)
    sdf.to_topic(destination)
    app.run()


if __name__ == "__main__":
    main()
