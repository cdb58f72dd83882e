"""Sentences with their offsets into the article text as received.

Splitting is a single left-to-right scan with no backtracking-prone patterns:
line breaks end a sentence (headlines, bullets, list items), and so does
`.`, `!` or `?` followed by space and a capital, digit, quote or bullet,
unless the word before the stop is a known abbreviation ("U.S.", "Sec.",
"No.", "Gen.") or a single initial ("John F. Kennedy").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "sec",
        "secs",
        "no",
        "nos",
        "art",
        "arts",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "llc",
        "plc",
        "dept",
        "govt",
        "est",
        "approx",
        "vs",
        "etc",
        "fig",
        "figs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "u.a.e",
        "p.m",
        "a.m",
        "e.g",
        "i.e",
        "al",
        "ph",
        "d.c",
        "op",
        "para",
        "paras",
        "vol",
        "pp",
        "mt",
        "ft",
        "cal",
        "reg",
        "regs",
        "div",
        "bn",
        "bde",
        "bde",
        "sq",
        "no.s",
    ]
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9•\-–—*])|\n+")
_LEADING = re.compile(r"\s*(?:[•*·▪◦‣–—-]\s+|\d{1,2}[.)]\s+|\([a-z0-9]{1,3}\)\s+)?")
_WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: `text == article[start:end]`."""

    start: int
    end: int
    text: str


def _is_abbreviation(chunk: str) -> bool:
    if re.fullmatch(r"\s*(?:\d{1,2}|[a-zA-Z])[.)]", chunk):
        return True  # a list marker ("1.", "a)") starts its item, it does not end a sentence
    match = _WORD_BEFORE.search(chunk[-40:])
    if match is None:
        return False
    word = match.group(1).lstrip("\"'“‘([").lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # A lone initial ("F.") or dotted acronym ("U.S.", "D.P.R.K.").
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, dropping empty ones; offsets index into `text`."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] != "\n" and _is_abbreviation(text[start : match.start() + 1]):
            continue
        _append(text, start, match.end(), sentences)
        start = match.end()
    _append(text, start, len(text), sentences)
    return sentences


MAX_SENTENCE = 1500
"""No sentence is longer than this many characters: a run-on stretch (a list without stops, noise) is
cut at spaces, so that the work spent on any one sentence stays bounded."""


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    lead = _LEADING.match(text, start, end)
    if lead is not None:
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
