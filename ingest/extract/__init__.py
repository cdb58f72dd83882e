"""Read arms transfers and sanctions from article text.

`extract(text, article_id)` is the whole extractor: a pure, synchronous function
from text to events. The service and `ingest extract` both call it, so what is
measured is what is published.

An event is built once from the reader's draft: its parts are models already
(validated when the readers made them), so the event is validated around them
rather than dumped and read back, and its id is computed from the payload written
with sorted keys (`sorted_event_id`, the same id as `event_id` of the dumped
payload). The evidence passages go in as the payload's plain dicts, which the
event's validation turns into `Evidence` models by the same rules as building
each one first.
"""

from __future__ import annotations

from typing import Any

from ingest.extract import _sources  # noqa: F401 - first: decides whether compiled modules are used
from ingest.extract.arms import read_arms
from ingest.extract.document import ArmsDraft, Document, SanctionDraft
from ingest.extract.sanctions import read_sanctions
from ingest.extract.text import Sentence
from ingest.models import Actor, ArmsTransfer, Item, Sanction
from ingest.models.events import sorted_event_id, text_digest

__all__ = ["extract"]


def _evidence(sentences: list[Sentence]) -> list[Sentence]:
    """The distinct passages by their offsets, in text order (the last of equal offsets stands)."""
    if len(sentences) == 1:
        return sentences  # most events have one passage: nothing to merge or order
    return sorted({(s.start, s.end): s for s in sentences}.values(), key=lambda s: s.start)


# The payload bodies below are `model_dump()` with the keys in sorted order, as `sorted_event_id` needs;
# tests/test_extract_sanctions_speed.py checks them against the models' own dumps.


def _actor_body(actor: Actor) -> dict[str, Any]:
    return {"aliases": actor.aliases, "country": actor.country, "kind": actor.kind, "name": actor.name}


def _item_body(item: Item) -> dict[str, Any]:
    quantity = item.quantity
    return {
        "category": item.category,
        "designation": item.designation,
        "quantity": None
        if quantity is None
        else {"max": quantity.max, "min": quantity.min, "text": quantity.text},
    }


def _evidence_body(sentence: Sentence) -> dict[str, Any]:
    return {"end": sentence.end, "start": sentence.start, "text": sentence.text}


def _arms_event(draft: ArmsDraft, digest: str, article_id: str) -> ArmsTransfer:
    evidence = [_evidence_body(s) for s in _evidence(draft.evidence)]
    payload: dict[str, Any] = {
        "evidence": evidence,
        "items": [_item_body(item) for item in draft.items],
        "recipient": _actor_body(draft.recipient),
        "status": draft.status,
        "supplier": _actor_body(draft.supplier),
        "type": "arms_transfer",
    }
    return ArmsTransfer.model_validate(
        {
            "type": "arms_transfer",
            "supplier": draft.supplier,
            "recipient": draft.recipient,
            "items": draft.items,
            "status": draft.status,
            "evidence": evidence,
            "event_id": sorted_event_id(digest, payload),
            "article_id": article_id,
            "confidence": round(draft.confidence, 3),
        }
    )


def _sanction_event(draft: SanctionDraft, digest: str, article_id: str) -> Sanction:
    evidence = [_evidence_body(s) for s in _evidence(draft.evidence)]
    measures = list(dict.fromkeys(draft.measures))
    legal_basis = list(dict.fromkeys(draft.legal_basis))
    payload: dict[str, Any] = {
        "authority": draft.authority,
        "evidence": evidence,
        "imposers": [_actor_body(actor) for actor in draft.imposers],
        "legal_basis": legal_basis,
        "measures": measures,
        "status": draft.status,
        "targets": [_actor_body(actor) for actor in draft.targets],
        "type": "sanction",
    }
    return Sanction.model_validate(
        {
            "type": "sanction",
            "imposers": draft.imposers,
            "authority": draft.authority,
            "targets": draft.targets,
            "measures": measures,
            "legal_basis": legal_basis,
            "status": draft.status,
            "evidence": evidence,
            "event_id": sorted_event_id(digest, payload),
            "article_id": article_id,
            "confidence": round(draft.confidence, 3),
        }
    )


def extract(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
    """The events `text` reports, in a stable order; an empty list is a normal outcome.

    The same text always gives the same events with the same `event_id`s,
    whatever `article_id` is.
    """
    doc = Document(text)
    digest = ""  # the text's hash, computed for the first event: most texts report none
    events: list[ArmsTransfer | Sanction] = []
    seen: set[str] = set()
    for arms in read_arms(doc):
        digest = digest or text_digest(text)
        event = _arms_event(arms, digest, article_id)
        if event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event)
    for sanction in read_sanctions(doc):
        digest = digest or text_digest(text)
        other = _sanction_event(sanction, digest, article_id)
        if other.event_id not in seen:
            seen.add(other.event_id)
            events.append(other)
    return events
