"""Read arms transfers and sanctions from article text.

`extract(text, article_id)` is the whole extractor: a pure, synchronous function
from text to events. The service and `ingest extract` both call it, so what is
measured is what is published.
"""

from __future__ import annotations

from typing import Any

from ingest.extract.arms import read_arms
from ingest.extract.document import ArmsDraft, Document, SanctionDraft
from ingest.extract.sanctions import read_sanctions
from ingest.extract.text import Sentence
from ingest.models import ArmsTransfer, Evidence, Sanction
from ingest.models.events import event_id, text_digest

__all__ = ["extract"]


def _evidence(sentences: list[Sentence]) -> list[dict[str, Any]]:
    unique = sorted({(s.start, s.end): s for s in sentences}.values(), key=lambda s: s.start)
    return [Evidence(text=s.text, start=s.start, end=s.end).model_dump() for s in unique]


def _arms_event(draft: ArmsDraft, digest: str, article_id: str) -> ArmsTransfer:
    payload: dict[str, Any] = {
        "type": "arms_transfer",
        "supplier": draft.supplier.model_dump(),
        "recipient": draft.recipient.model_dump(),
        "items": [item.model_dump() for item in draft.items],
        "status": draft.status,
        "evidence": _evidence(draft.evidence),
    }
    return ArmsTransfer.model_validate(
        {
            **payload,
            "event_id": event_id(digest, payload),
            "article_id": article_id,
            "confidence": round(draft.confidence, 3),
        }
    )


def _sanction_event(draft: SanctionDraft, digest: str, article_id: str) -> Sanction:
    payload: dict[str, Any] = {
        "type": "sanction",
        "imposers": [actor.model_dump() for actor in draft.imposers],
        "authority": draft.authority,
        "targets": [actor.model_dump() for actor in draft.targets],
        "measures": list(dict.fromkeys(draft.measures)),
        "legal_basis": list(dict.fromkeys(draft.legal_basis)),
        "status": draft.status,
        "evidence": _evidence(draft.evidence),
    }
    return Sanction.model_validate(
        {
            **payload,
            "event_id": event_id(digest, payload),
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
    digest = text_digest(text)
    events: list[ArmsTransfer | Sanction] = []
    seen: set[str] = set()
    for arms in read_arms(doc):
        event = _arms_event(arms, digest, article_id)
        if event.event_id not in seen:
            seen.add(event.event_id)
            events.append(event)
    for sanction in read_sanctions(doc):
        other = _sanction_event(sanction, digest, article_id)
        if other.event_id not in seen:
            seen.add(other.event_id)
            events.append(other)
    return events
