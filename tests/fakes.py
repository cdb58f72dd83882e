"""A stand-in extractor for service tests, importable by worker processes (unlike conftest)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ingest.models import ArmsTransfer, Sanction
from ingest.models.events import event_id, text_digest

Extractor = Callable[[str, str], list[ArmsTransfer | Sanction]]


def _actor(code: str) -> dict[str, Any]:
    letters = "".join(ch for ch in code.upper() if "A" <= ch <= "Z")
    return {
        "name": code.title(),
        "country": (letters[:3] or "X").ljust(3, "X"),
        "kind": "state",
        "aliases": [],
    }


def fake_extract(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
    """Events for the text's lines `arms SUPPLIER>RECIPIENT` and `sanction IMPOSER>TARGET`; raises on a line
    `explode`. Keeps service tests independent of the real extractor's quality."""
    digest = text_digest(text)
    events: list[ArmsTransfer | Sanction] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        words = line.split()
        if words == ["explode"]:
            raise ValueError("the extractor blew up")
        if len(words) != 2 or ">" not in words[1]:
            continue
        left, right = words[1].split(">", 1)
        evidence = [{"text": line.rstrip("\n"), "start": start, "end": start + len(line.rstrip("\n"))}]
        if words[0] == "arms":
            payload: dict[str, Any] = {
                "type": "arms_transfer",
                "supplier": _actor(left),
                "recipient": _actor(right),
                "items": [{"category": "uav", "designation": None, "quantity": None}],
                "status": "delivered",
                "evidence": evidence,
            }
            model: type[ArmsTransfer | Sanction] = ArmsTransfer
        elif words[0] == "sanction":
            payload = {
                "type": "sanction",
                "imposers": [_actor(left)],
                "authority": None,
                "targets": [_actor(right)],
                "measures": ["asset_freeze"],
                "legal_basis": [],
                "status": "imposed",
                "evidence": evidence,
            }
            model = Sanction
        else:
            continue
        body = {**payload, "event_id": event_id(digest, payload), "article_id": article_id, "confidence": 0.9}
        events.append(model.model_validate(body))
    return events
