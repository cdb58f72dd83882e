"""The published interface: schemas in `schemas/` are exactly what the models generate."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.schemas import DIALECT, main, rendered

SCHEMAS = Path(__file__).parents[1] / "schemas"


def test_committed_schemas_equal_the_generated_ones() -> None:
    """A model change without `make schemas` is caught before consumers see a stale schema."""
    assert main(write=None, check=SCHEMAS) == 0


def test_check_reports_a_stale_schema(tmp_path: Path, capsys) -> None:
    """A drifted file makes the check fail and name the file."""
    main(write=tmp_path, check=None)
    (tmp_path / "sanction.schema.json").write_text("{}\n")
    assert main(write=None, check=tmp_path) == 1
    assert "sanction.schema.json" in capsys.readouterr().err


def test_every_message_has_a_versioned_draft_2020_12_schema() -> None:
    """Consumers can pin the dialect and the schema version of every message."""
    files = {name: json.loads(text) for name, text in rendered().items() if name.endswith(".schema.json")}
    assert set(files) == {
        "article.schema.json",
        "arms_transfer.schema.json",
        "sanction.schema.json",
        "event.schema.json",
        "dead_letter.schema.json",
    }
    for schema in files.values():
        assert schema["$schema"] == DIALECT
        assert schema["x-schema-version"] == "1.0"


def test_contract_fields_are_required_in_the_event_schemas() -> None:
    """The fields the event contract fixes are all present and documented."""
    arms = json.loads(rendered()["arms_transfer.schema.json"])
    sanction = json.loads(rendered()["sanction.schema.json"])
    common = {"schema_version", "type", "event_id", "article_id", "evidence", "confidence", "codes"}
    assert common | {"supplier", "recipient", "items", "status"} <= set(arms["properties"])
    assert common | {"imposers", "authority", "targets", "measures", "legal_basis", "status"} <= set(
        sanction["properties"]
    )
    for schema in (arms, sanction):
        for name, prop in schema["properties"].items():
            assert prop.get("description"), f"{name} has no description"


def test_asyncapi_names_every_topic_and_resolves_its_messages() -> None:
    """The AsyncAPI document lists the four topics and each message points at a shipped schema."""
    doc = json.loads(rendered()["asyncapi.json"])
    addresses = {channel["address"] for channel in doc["channels"].values()}
    assert addresses == {"articles.raw", "events.arms-transfers", "events.sanctions", "articles.dead-letter"}
    for message in doc["components"]["messages"].values():
        target = message["payload"]["$ref"].removeprefix("./")
        assert target in rendered()
