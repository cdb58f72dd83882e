"""Sentences with their offsets into the article text as received.

Splitting is a single left-to-right scan with no backtracking-prone patterns.
`.`, `!` or `?` followed by space and a capital, digit, quote or bullet ends a
sentence, unless the word before the stop is a known abbreviation ("U.S.",
"Sec.", "No.", "Gen.") or a single initial ("John F. Kennedy"). Blank lines,
bullets, numbered items and headlines end a sentence too; a single line break
inside a hard-wrapped paragraph does not: the break is read as a space when
the next line starts in lower case, or when the line breaks after a comma or
a word that cannot end a sentence ("and", "of", "the").
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTH_ABBREVIATIONS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset(
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
        "pvt",
        "pte",
        "sdn",
        "dept",
        "govt",
        "est",
        "approx",
        "vs",
        "etc",
        "fig",
        "figs",
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
        "sq",
        "no.s",
    ]
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9•\-–—*])|\n+")
_LEADING = re.compile(r"\s*(?:[•*·▪◦‣–—-]\s+|\d{1,2}[.)]\s+|\([a-z0-9]{1,3}\)\s+)?")
_MAYBE_LEADING = frozenset(" \t\r\n\f\v\u00a0•*·▪◦‣–—-(0123456789")
_LIST_MARK = re.compile(r"[ \t]*(?:[•*·▪◦‣–—-]\s|\d{1,2}[.)]\s|\([a-z0-9]{1,3}\)\s)")
_LAST_WORD = re.compile(r"[a-z]+\Z")  # the open endings are lower-case ASCII words
_MARKER = re.compile(r"\s*(?:\d{1,2}|[a-zA-Z])[.)]")
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "its",
        "their",
        "his",
        "her",
        "our",
        "whether",
        "between",
        "among",
        "against",
        "through",
        "including",
        "such",
        "per",
        "via",
    ]
)


class Sentence(NamedTuple):
    """A sentence: `text == article[start:end]`; immutable."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `text[stop - 1]` closes an abbreviation rather than the sentence begun at `start`."""
    if stop - start <= 8 and _MARKER.fullmatch(text, start, stop):
        return True  # a list marker ("1.", "a)") starts its item, it does not end a sentence
    words = text[max(start, stop - 40) : stop].rsplit(None, 1)
    if not words:
        return False
    word = words[-1].lstrip("\"'“‘([").lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # A lone initial ("F.") or dotted acronym ("U.S.", "D.P.R.K.").
    return all(len(part) == 1 and "a" <= part <= "z" for part in word.split("."))


def _wrapped(text: str, start: int, brk: int) -> bool:
    """Whether the single line break at `text[brk]` only wraps a line of the sentence begun at `start`."""
    nxt = text[brk + 1 : brk + 2]
    if nxt in (" ", "\t"):
        nxt = text[brk + 1 : brk + 4].lstrip(" \t")[:1]
    if not nxt or not (nxt.isalnum() or nxt in "\"“'‘("):
        return False
    end = brk
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    if end == start or text[end - 1] in '.!?:;"”’)':
        return False
    if not nxt.islower() and text[end - 1] != ",":
        last = _LAST_WORD.search(text, max(start, end - 12), end)
        if (
            last is None
            or last.group() not in _OPEN_ENDINGS
            or text[last.start() - 1 : last.start()].isalpha()
        ):
            return False
    return _LIST_MARK.match(text, brk + 1, brk + 12) is None


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, dropping empty ones; offsets index into `text`."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        found = match.group(0)
        if found[0] == "\n":
            if len(found) == 1 and _wrapped(text, start, match.start()):
                continue
        elif _is_abbreviation(text, start, match.start() + 1):
            continue
        _append(text, start, match.end(), sentences)
        start = match.end()
    _append(text, start, len(text), sentences)
    return sentences


_new_sentence = tuple.__new__  # a Sentence without the Python-level constructor: one per line of input

MAX_SENTENCE = 1500
"""No sentence is longer than this many characters: a run-on stretch (a list without stops, noise) is
cut at spaces, so that the work spent on any one sentence stays bounded."""


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    if text[start : start + 1] in _MAYBE_LEADING:
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
        out.append(_new_sentence(Sentence, (start, end, text[start:end])))
