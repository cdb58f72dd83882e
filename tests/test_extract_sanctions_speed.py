"""The faster forms of the sanctions reader and of event building give exactly what the plain forms give."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ingest.extract import (
    _actor_body,
    _arms_event,
    _evidence_body,
    _item_body,
    _sanction_event,
    extract,
    legal,
    sanctions,
)
from ingest.extract.document import ArmsDraft, SanctionDraft
from ingest.extract.text import Sentence
from ingest.extract.values import Shared
from ingest.models import Actor, Item, Quantity
from ingest.models.events import event_id, sorted_event_id, text_digest

TEXT = (
    "Iran has delivered 300 Shahed-136 drones to Russia, officials said on Monday. "
    "The U.S. Treasury on Tuesday sanctioned Example Trading LLC under Executive Order 14024."
)


def _dumped_payload(event: dict[str, Any]) -> dict[str, Any]:
    """The payload the id is computed from, as the event's own dump gives it."""
    return {
        k: v
        for k, v in event.items()
        if k not in ("event_id", "article_id", "confidence", "codes", "schema_version")
    }


def test_payload_bodies_are_the_models_dumps_with_sorted_keys() -> None:
    """Actors, items and evidence are written with exactly the keys and values of their dumps, keys in order."""
    actor = Actor(name="Example Trading LLC", country="ARE", kind="company", aliases=["ETL"])
    items = [
        Item(category="uav", designation="Shahed-136", quantity=Quantity(min=300, max=300, text="300")),
        Item(category="missile"),
    ]
    sentence = Sentence(4, 20, 'a quoted "line"\n')
    for body, dumped in [
        (_actor_body(actor), actor.model_dump()),
        *((_item_body(item), item.model_dump()) for item in items),
        (_evidence_body(sentence), {"text": sentence.text, "start": sentence.start, "end": sentence.end}),
    ]:
        assert body == dumped
        assert list(body) == sorted(body)
        for value in body.values():
            assert not isinstance(value, dict) or list(value) == sorted(value)


@pytest.mark.parametrize(
    "text",
    ["plain", 'quote " backslash \\ slash /', "tab\tnewline\ncontrol\x01\x1f del\x7f", "é ✓ 𝄞 \u2028 \ufeff"],
)
def test_sorted_ids_equal_the_general_ids(text: str) -> None:
    """A payload written with sorted keys gets the id the general form gives it, whatever its strings hold."""
    payload = {"evidence": [{"end": 9, "start": 0, "text": text}], "status": "imposed", "type": "sanction"}
    digest = text_digest(text)
    assert sorted_event_id(digest, payload) == event_id(digest, payload)


def test_a_lone_surrogate_fails_as_before() -> None:
    """A string no UTF-8 can hold fails the sorted form exactly as it fails the general one."""
    payload = {"text": "a\ud800b"}
    with pytest.raises(UnicodeEncodeError):
        event_id("0" * 64, payload)
    with pytest.raises(UnicodeEncodeError):
        sorted_event_id("0" * 64, payload)


def test_events_keep_the_ids_of_their_dumped_payloads() -> None:
    """Every event's id is the general id of its own dumped payload, so ids do not depend on how they are built."""
    events = extract(TEXT, "a")
    assert {e.type for e in events} == {"arms_transfer", "sanction"}
    digest = text_digest(TEXT)
    for event in events:
        payload = _dumped_payload(event.model_dump())
        assert event.event_id == event_id(digest, payload)


def test_events_are_built_from_drafts_as_from_their_dumps() -> None:
    """An event built from a draft equals the one validated from the draft's dumped parts."""
    iran = Actor(name="Iran", country="IRN", kind="state")
    russia = Actor(name="Russia", country="RUS", kind="state", aliases=["Moscow"])
    evidence = [Sentence(10, 14, "late"), Sentence(0, 5, "first"), Sentence(0, 5, "first")]
    arms = _arms_event(
        ArmsDraft(iran, russia, [Item(category="uav", designation="Shahed-136")], "delivered", evidence),
        "f" * 64,
        "a",
    )
    sanction = _sanction_event(
        SanctionDraft(
            [russia], [iran], ["designation", "designation"], "imposed", evidence, "OFAC", ["x", "x"]
        ),
        "f" * 64,
        "a",
    )
    assert [(p.start, p.text) for p in arms.evidence] == [(0, "first"), (10, "late")]
    assert sanction.measures == ["designation"]
    assert sanction.legal_basis == ["x"]
    for event in (arms, sanction):
        dumped = json.loads(event.model_dump_json())
        assert type(event).model_validate(dumped) == event
        assert event.event_id == event_id("f" * 64, _dumped_payload(dumped))


def _anchor_places(text: str, anchors: tuple[str, ...]) -> list[int]:
    """Each anchor's occurrences found one after another with `str.find`, at most 2,000 in all, sorted."""
    spots: list[int] = []
    for anchor in anchors:
        at = text.find(anchor)
        while at != -1 and len(spots) < 2000:
            spots.append(at)
            at = text.find(anchor, at + len(anchor))
    return sorted(spots)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Executive Order 14024 and E.O. 13224; EO 13382, E. O 1 under the Regulations and Regulation",
        "resolution, 2713, UNSCR 2231, Resolution 1718 under the Act, the Law and the sanctions regime 7031",
        "EOEOEO" * 500 + " Act " * 1500 + "Regulations" * 10,
    ],
)
def test_citation_anchors_are_found_once_each_where_each_scan_finds_them(text: str) -> None:
    """The anchors citations are read around are the places a scan per anchor and pattern gives, caps included."""
    spots = legal._Spots(text)
    assert spots.any() == any(anchor in text for anchor in legal._ANCHORS)
    for anchors in [
        ("Order", "E.O", "E. O", "EO"),
        ("esolution", "UNSCR"),
        ("esolution,",),
        ("7031",),
        ("Regulation", "Decision"),
        ("Decision",),
        ("Act", "Regulations", "Law", "egime"),
    ]:
        assert spots.of(*anchors) == _anchor_places(text, anchors)


def _title_reference(text: str) -> bool:
    """Headline test read over every word: at most one longer word in lower case, and enough words."""
    skip = sanctions._w("title_function")
    words = [w for w in sanctions._LATIN_WORD.findall(text) if len(w) > 3 and w.lower() not in skip]
    if len(words) < 4:
        return False
    lower = sum(1 for w in words if not w[0].isupper())
    return lower == 0 or (lower == 1 and len(words) >= 10 and not text.rstrip().endswith("."))


@pytest.mark.parametrize(
    "text",
    [
        "Treasury Sanctions Iranian Procurement Network Supplying Drone Components",
        "Also listed are Alpha Beta, Gamma Delta, Epsilon Zeta and the Theta Iota Kappa Lambda Group",
        "Also listed are Alpha Beta, Gamma Delta, Epsilon Zeta and the Theta Iota Kappa Lambda Group.",
        "The Council imposed sanctions on three companies over their support for the war.",
        "EU Adds Three Firms",
        "",
    ],
)
def test_headlines_are_told_as_when_every_word_is_counted(text: str) -> None:
    """Stopping at the second lower-case word tells headlines from sentences as counting them all does."""
    assert sanctions._title_case_words(text) == _title_reference(text)


def _places(text: str, phrase: str) -> list[int]:
    """Each place of `phrase` in `text`, each found past the end of the one before."""
    out: list[int] = []
    at = text.find(phrase)
    while at != -1:
        out.append(at)
        at = text.find(phrase, at + len(phrase))
    return out


@pytest.mark.parametrize("finder", [sanctions._DOCUMENT_FINDER, legal._ANCHOR_FINDER])
def test_phrase_finder_gives_the_places_a_search_per_phrase_gives(finder: legal.PhraseFinder) -> None:
    """One pass finds each phrase where repeated `str.find` does, in texts of phrases, their pieces and
    characters outside ASCII run together."""
    import random  # noqa: PLC0415 - only this test draws texts

    draw = random.Random(7)
    pieces = [*finder.phrases, "a", "E", "O", ".", " ", "s", "EOEO", "Act Act", "’", "é", "\ud800", "?"]
    texts = [TEXT, TEXT.lower(), ""]
    texts += ["".join(draw.choice(pieces) for _ in range(draw.randrange(12))) for _ in range(3000)]
    for text in texts:
        assert finder.find_all(text) == [_places(text, phrase) for phrase in finder.phrases], text


def test_phrase_finder_refuses_phrases_it_could_miss() -> None:
    with pytest.raises(ValueError, match="two or more"):
        legal.PhraseFinder(["a"])
    with pytest.raises(ValueError, match="two or more"):
        legal.PhraseFinder(["why?"])


def test_shared_models_are_kept_per_key_and_bounded() -> None:
    """A model asked for again is the one made the first time; a full store starts over, so a long
    stream of texts cannot grow it without bound."""
    store: Shared[str, object] = Shared(limit=2)
    first = store.keep("a", object())
    assert store.get("a") is first
    store.keep("b", object())
    store.keep("c", object())  # the store held 2: emptied, then "c" kept
    assert (store.get("a"), store.get("b")) == (None, None)
    assert store.get("c") is not None
