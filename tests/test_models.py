"""Event ids and codes: what downstream deduplication and joins rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from ingest.extract import extract
from ingest.models import Actor, ArmsTransfer, Evidence, Item, Quantity, Sanction
from ingest.models.events import event_id, text_digest

TEXT = (
    "Iran has delivered 300 Shahed-136 drones to Russia, officials said on Monday. "
    "The U.S. Treasury on Tuesday sanctioned Example Trading LLC under Executive Order 14024."
)


def _arms(status: str) -> ArmsTransfer:
    return ArmsTransfer(
        event_id="x",
        article_id="a",
        evidence=[Evidence(text="t", start=0, end=1)],
        confidence=0.5,
        supplier=Actor(name="Iran", country="IRN", kind="state"),
        recipient=Actor(name="Russia", country="RUS", kind="state"),
        items=[Item(category="uav")],
        status=status,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("status", "cameo", "plover"),
    [
        ("delivered", "072", "AID"),
        ("agreed", "072", "AID"),
        ("planned", "0332", "AGREE"),
        ("considered", "0332", "AGREE"),
    ],
)
def test_arms_codes_follow_the_status(status: str, cameo: str, plover: str) -> None:
    """Delivered and agreed transfers are CAMEO 072 / AID; intentions are 0332 / AGREE."""
    codes = _arms(status).codes
    assert (codes.cameo, codes.plover) == (cameo, plover)


@pytest.mark.parametrize(
    ("status", "cameo"), [("imposed", "163"), ("planned", "163"), ("threatened", "1312"), ("lifted", "085")]
)
def test_sanction_codes_follow_the_status(status: str, cameo: str) -> None:
    """Sanctions carry CAMEO 163, 1312 or 085 by status, and PLOVER SANCTION."""
    event = Sanction(
        event_id="x",
        article_id="a",
        evidence=[Evidence(text="t", start=0, end=1)],
        confidence=0.5,
        imposers=[Actor(name="United States", country="USA", kind="state")],
        targets=[Actor(name="Example Trading LLC", kind="company")],
        measures=["designation"],
        status=status,  # type: ignore[arg-type]
    )
    assert (event.codes.cameo, event.codes.plover) == (cameo, "SANCTION")


def test_invalid_country_code_is_rejected() -> None:
    """An actor's country must be an ISO alpha-3 code, never a free name."""
    with pytest.raises(ValidationError):
        Actor(name="Iran", country="Iran", kind="state")


def test_event_ids_are_the_same_in_another_process() -> None:
    """The same text gives the same event ids on every run, whatever the hash seed or article id."""
    here = [e.event_id for e in extract(TEXT, "first")]
    code = (
        "import json,sys; from ingest.extract import extract; "
        "print(json.dumps([e.event_id for e in extract(sys.stdin.read(), 'second')]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], input=TEXT, capture_output=True, text=True, check=True, env=env
    )
    assert json.loads(out.stdout) == here


def test_event_ids_change_with_the_text_and_the_event() -> None:
    """Another text or another reading gives another id, so distinct reports are never merged."""
    payload = {"type": "arms_transfer", "status": "delivered"}
    same = event_id(text_digest(TEXT), payload)
    assert same == event_id(text_digest(TEXT), dict(payload))
    assert same != event_id(text_digest(TEXT + " "), payload)
    assert same != event_id(text_digest(TEXT), {**payload, "status": "planned"})


def test_evidence_offsets_point_into_the_text() -> None:
    """Every evidence passage is the exact slice of the article it claims to be."""
    for event in extract(TEXT, "a"):
        for passage in event.evidence:
            assert TEXT[passage.start : passage.end] == passage.text


def test_headline_says_who_gives_what_to_whom() -> None:
    """The log line `make run` shows names the parties, the amount, the weapon and the status."""
    event = _arms("delivered").model_copy(
        update={
            "items": [
                Item(
                    category="uav",
                    designation="Shahed-136",
                    quantity=Quantity(min=400, max=None, text="more than 400"),
                )
            ]
        }
    )
    assert event.headline() == "Iran -> Russia: 400+ uav Shahed-136 (delivered)"
