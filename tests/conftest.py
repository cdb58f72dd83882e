"""Shared fixtures: a stand-in extractor for service tests, and the real broker when it answers.

`bootstrap` is the local broker's address, or a skip when none answers; with
INGEST_REQUIRE_KAFKA=1 (as `make test` sets) a missing broker is a failure.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from ingest.models import ArmsTransfer, Sanction
from ingest.models.events import event_id, text_digest

BOOTSTRAP = "127.0.0.1:9092"

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


@pytest.fixture(name="fake_extract")
def _fake_extract() -> Extractor:
    """The stand-in extractor."""
    return fake_extract


def broker_answers(address: str, timeout: float = 2.0) -> bool:
    """True when something accepts connections at `address` (host:port)."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def bootstrap() -> str:
    """The local broker's address; skip without one, unless INGEST_REQUIRE_KAFKA=1 makes that a failure."""
    if broker_answers(BOOTSTRAP):
        return BOOTSTRAP
    if os.environ.get("INGEST_REQUIRE_KAFKA") == "1":
        pytest.fail(f"no Kafka broker answers on {BOOTSTRAP} and INGEST_REQUIRE_KAFKA=1")
    pytest.skip(f"no Kafka broker on {BOOTSTRAP} (start one with `make kafka`)")


@pytest.fixture
def unique() -> str:
    """A fresh name prefix for topics and groups, so tests never share state."""
    return f"t{uuid.uuid4().hex[:10]}"
