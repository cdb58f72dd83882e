"""No input, however long or odd, makes the extractor take catastrophically long."""

from __future__ import annotations

import random
import time

import pytest

from ingest.extract import extract

_SIZE = 1_000_000
_BOUND_SECONDS = 5.0  # the target is 1 s; the bound is generous so that a loaded machine does not flake


def _repeat(chunk: str) -> str:
    return (chunk * (_SIZE // len(chunk) + 1))[:_SIZE]


def _noise() -> str:
    rng = random.Random(7)
    return bytes(rng.getrandbits(8) for _ in range(_SIZE)).decode("latin-1")


_HOSTILE = {
    "capitals": lambda: _repeat("IRAN SUPPLIED RUSSIA WITH SHAHED DRONES AND THE TREASURY SANCTIONED THEM "),
    "one letter": lambda: "A" * _SIZE,
    "repeated sentence": lambda: _repeat("Iran delivered 400 Shahed-136 drones to Russia. "),
    "repeated sanction": lambda: _repeat("The Treasury sanctioned Acme Trading LLC under E.O. 14024. "),
    "endless comma list": lambda: _repeat("drones, tanks, Iran, Russia, missiles, F-16, "),
    "lowercase without stops": lambda: _repeat(
        "iran sent drones to russia and poland bought tanks from korea "
    ),
    "binary noise": _noise,
    "one word a line": lambda: _repeat("Iran\n"),
    "bullets": lambda: _repeat("\u2022 Shahed-136 drones\n"),
    "abbreviations": lambda: _repeat("U.S. "),
    "hyphens": lambda: _repeat("K-2-K-9-F-16-"),
}


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_input_is_read_in_bounded_time(name: str) -> None:
    """A megabyte of capitals, repetition, lists, unpunctuated text or noise is read within seconds."""
    text = _HOSTILE[name]()
    started = time.perf_counter()
    extract(text, "hostile")
    assert time.perf_counter() - started < _BOUND_SECONDS
