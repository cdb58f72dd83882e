"""The messages the service reads and writes, as pydantic models.

The field descriptions here are the documentation: they flow into the JSON
Schemas under `schemas/` and the AsyncAPI document.
"""

from ingest.models.article import Article
from ingest.models.deadletter import DeadLetter, DeadLetterReason
from ingest.models.events import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    ArmsStatus,
    ArmsTransfer,
    Codes,
    Event,
    Evidence,
    Item,
    ItemCategory,
    Measure,
    Quantity,
    Sanction,
    SanctionStatus,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ArmsStatus",
    "ArmsTransfer",
    "Article",
    "Codes",
    "DeadLetter",
    "DeadLetterReason",
    "Event",
    "Evidence",
    "Item",
    "ItemCategory",
    "Measure",
    "Quantity",
    "Sanction",
    "SanctionStatus",
]
