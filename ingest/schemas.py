"""JSON Schemas (draft 2020-12) and an AsyncAPI document, generated from the models.

`ingest schemas --write schemas/` regenerates the committed files;
`ingest schemas --check schemas/` exits 1 when they differ from what the models
generate, so the published interface can never drift from the code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ingest import __version__
from ingest.models import SCHEMA_VERSION, ArmsTransfer, Article, DeadLetter, Sanction
from ingest.models.events import EVENT_ADAPTER
from ingest.settings import TopicSettings

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://ingest.example/schemas"

_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "arms_transfer": ArmsTransfer,
    "sanction": Sanction,
    "dead_letter": DeadLetter,
}


def _schema(name: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$id": f"{BASE_ID}/{name}/{SCHEMA_VERSION}",
        "x-schema-version": SCHEMA_VERSION,
        **body,
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every message the service reads or writes."""
    out = {
        f"{name}.schema.json": _schema(name, model.model_json_schema(mode="serialization"))
        for name, model in _MODELS.items()
    }
    event = EVENT_ADAPTER.json_schema(mode="serialization")
    event["title"] = "Event"
    event["description"] = "Any event the service publishes, told apart by `type`."
    out["event.schema.json"] = _schema("event", event)
    # The input is read leniently: validation applies to what is decoded.
    out["article.schema.json"] = _schema("article", Article.model_json_schema(mode="validation"))
    return out


def _message(name: str, title: str, summary: str, key: str) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "summary": summary,
        "contentType": "application/json",
        "payload": {"$ref": f"./{name}.schema.json"},
        "bindings": {"kafka": {"key": {"type": "string", "description": key}, "bindingVersion": "0.5.0"}},
    }


def asyncapi() -> dict[str, Any]:
    """An AsyncAPI 3.0 document of the topics, their keys and their messages."""
    topics = TopicSettings()
    messages = {
        "article": _message(
            "article",
            "Raw article",
            "A JSON object with at least `text`, or a plain UTF-8 body taken as the text.",
            "Optional; the fallback article id when the body has no `id`.",
        ),
        "arms_transfer": _message(
            "arms_transfer",
            "Arms transfer event",
            "Who supplies which weapons to whom, how many, and how far the transfer has got.",
            "Supplier and recipient (`IRN>RUS`): all events about one pair share a partition.",
        ),
        "sanction": _message(
            "sanction",
            "Sanction event",
            "Who imposes which measures on which named targets, under which authority.",
            "Imposers and targets: all events about the same parties share a partition.",
        ),
        "dead_letter": _message(
            "dead_letter",
            "Dead letter",
            "A record that could not be processed, with its reason, origin and original bytes.",
            "The original record's key, unchanged.",
        ),
    }
    channels = {
        "raw": (topics.raw, "article", "Raw articles to read."),
        "arms": (topics.arms, "arms_transfer", "Arms-transfer events, one per message."),
        "sanctions": (topics.sanctions, "sanction", "Sanction events, one per message."),
        "deadLetter": (topics.dead_letter, "dead_letter", "Records that could not be processed."),
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "ingest",
            "version": __version__,
            "description": "Reads raw news articles and publishes typed arms-transfer and sanction "
            f"events (schema version {SCHEMA_VERSION}). Events topics are written transactionally: "
            "read them with isolation.level=read_committed.",
        },
        "defaultContentType": "application/json",
        "channels": {
            channel: {
                "address": address,
                "description": description,
                "messages": {message: {"$ref": f"#/components/messages/{message}"}},
            }
            for channel, (address, message, description) in channels.items()
        },
        "operations": {
            "consumeArticles": {
                "action": "receive",
                "channel": {"$ref": "#/channels/raw"},
                "summary": "The service consumes raw articles in a consumer group.",
            },
            **{
                f"publish{channel[0].upper()}{channel[1:]}": {
                    "action": "send",
                    "channel": {"$ref": f"#/channels/{channel}"},
                    "summary": description,
                }
                for channel, (_, _, description) in channels.items()
                if channel != "raw"
            },
        },
        "components": {"messages": messages},
    }


def rendered() -> dict[str, str]:
    """Every generated file, as the text that is committed."""
    files: dict[str, Any] = {**json_schemas(), "asyncapi.json": asyncapi()}
    return {name: json.dumps(body, indent=2, ensure_ascii=False) + "\n" for name, body in files.items()}


def main(write: Path | None, check: Path | None) -> int:
    """Write the files to `write`, or compare them with those in `check` (exit 1 on a difference)."""
    files = rendered()
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (write / name).write_text(text, encoding="utf-8")
        return 0
    folder = check or Path("schemas")
    stale = [name for name, text in files.items() if _read(folder / name) != text]
    for name in stale:
        print(f"{folder / name} differs from the models: run `make schemas`", file=sys.stderr)
    return 1 if stale else 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
