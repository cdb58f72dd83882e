"""The shortcuts the arms reader takes for speed read what a plain word-by-word reading reads."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.extract.actors import tokenize
from ingest.extract.quantity import quantity_before, share_before, share_of
from ingest.extract.weapons import find_weapons
from ingest.models import ArmsTransfer


def _designations(sentence: str) -> list[str | None]:
    return [w.designation for w in find_weapons(sentence, tokenize(sentence)) if w.is_item]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army bought Leopard 2A6 tanks.", ["Leopard 2A6"]),  # the longer name of the bucket wins
        ("Kyiv got Su-35 jets.", ["Su-35"]),
        ("They sent Leopard, 2A6 and other kit.", ["Leopard"]),  # a name does not run across a comma
        ("Fans waved a patriot flag and bought tanks.", [None]),  # a system's name in lower case is a word
    ],
)
def test_named_systems_are_looked_up_longest_first(sentence: str, expected: list[str | None]) -> None:
    """Looking a system up by its words, longest first, finds the name a scan of the table finds."""
    assert _designations(sentence) == expected


@pytest.mark.parametrize(
    ("before", "low", "high", "text"),
    [
        ("they moved several hundred thousand ", 200_000, 999_999, "several hundred thousand"),
        ("it sent hundreds of thousands of ", 200_000, 999_999, "hundreds of thousands"),
        ("the navy wants in excess of 40 ", 40, None, "in excess of 40"),
        ("Berlin handed over 12 ", 12, 12, "12"),  # "over" after "handed" is a particle, not a bound
        ("Oslo will send up to 50 ", None, 50, "up to 50"),
    ],
)
def test_vague_amounts_and_bounds_found_by_their_last_word(
    before: str, low: int | None, high: int | None, text: str
) -> None:
    """Amounts and bounds filed under their last word are read whole, the longest phrase first."""
    quantity = quantity_before(before)
    assert quantity is not None
    assert (quantity.min, quantity.max, quantity.text) == (low, high, text)


@pytest.mark.parametrize(
    "before",
    [
        "it delivered 96 of the roughly 180 ",
        "the first three of the 42 ",
        "Kyiv got 10 of the ",
        "a total of 12 ",
    ],
)
def test_a_share_read_from_a_count_already_read_is_the_share(before: str) -> None:
    """`share_of` given the count before an item gives what `share_before` reads on its own."""
    assert share_of(before, quantity_before(before)) == share_before(before)


def _rows(text: str) -> set[tuple[str | None, str | None, str | None, str]]:
    return {
        (event.supplier.country, event.recipient.country, item.designation, event.status)
        for event in extract(text, "test")
        if isinstance(event, ArmsTransfer)
        for item in event.items
    }


def test_a_subject_is_found_across_a_long_aside() -> None:
    """The buyer is found before a long aside that names no actor, however far the search jumps."""
    text = (
        "Poland, after months of talks with several suppliers and a long debate in parliament over the "
        "costs, signed a deal to buy 48 K9 howitzers from South Korea."
    )
    assert _rows(text) == {("KOR", "POL", "K9", "considered")}


def test_the_country_is_the_state_named_sentences_before() -> None:
    """ "The country" stands for the state named in an earlier sentence when its own names none."""
    text = (
        "Officials in Warsaw met on Monday. Poland has long sought to rebuild its army. "
        "The country ordered 96 K2 tanks from South Korea."
    )
    assert _rows(text) == {("KOR", "POL", "K2", "agreed")}


def test_the_company_is_the_maker_named_before() -> None:
    """ "The company" stands for the company named before it, whose state supplies."""
    text = "Hanwha Aerospace builds the K9 howitzer. The company will deliver 24 of them to Estonia."
    assert _rows(text) == {("KOR", "EST", "K9", "planned")}
