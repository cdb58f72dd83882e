"""Quantities are read the way the event contract fixes them."""

from __future__ import annotations

import pytest

from ingest.extract.quantity import quantity_after, quantity_before, share_before


@pytest.mark.parametrize(
    ("before", "low", "high"),
    [
        ("the army received 12 ", 12, 12),
        ("a deal for twenty-four ", 24, 24),
        ("Tehran sent more than 400 ", 400, None),
        ("Berlin will send up to 50 ", None, 50),
        ("Kyiv got about 50 ", 50, 50),
        ("Moscow bought dozens of ", 24, 99),
        ("Pyongyang shipped hundreds of ", 200, 999),
        ("it delivered several hundred ", 200, 999),
        ("the ministry ordered thousands of ", 2000, 9999),
        ("the North sent millions of ", 2_000_000, 9_999_999),
        ("they moved hundreds of thousands of ", 200_000, 999_999),
        ("the navy acquired a pair of ", 2, 2),
        ("the agency approved a single ", 1, 1),
        ("Warsaw ordered 1.5 million ", 1_500_000, 1_500_000),
        ("a request for ninety-six (96) ", 96, 96),
        ("the air force inducted six Chinese-made modern ", 6, 6),
        ("Seoul will supply a total of 48 ", 48, 48),
    ],
)
def test_quantity_before_an_item(before: str, low: int | None, high: int | None) -> None:
    """The words before an item give the interval the contract asks for."""
    quantity = quantity_before(before)
    assert quantity is not None
    assert (quantity.min, quantity.max) == (low, high)


@pytest.mark.parametrize(
    "before",
    [
        "two batches of ",
        "the final batch of ",
        "a deal worth $5 ",
        "it arrived in 2021 ",
        "parts for 155mm ",
        "",
    ],
)
def test_no_quantity_where_none_is_said(before: str) -> None:
    """Group nouns, money, years and calibres are not counts of items."""
    assert quantity_before(before) is None


def test_quantity_text_is_verbatim() -> None:
    """The text of a quantity is the words as written."""
    quantity = quantity_before("Iran sent more than 400 ")
    assert quantity is not None
    assert quantity.text == "more than 400"


def test_count_given_after_a_unit() -> None:
    """A unit of vehicles counted after it ("which comprises 14 vehicles") gives the count."""
    quantity = quantity_after(", which comprises 14 vehicles, from stocks")
    assert quantity is not None
    assert (quantity.min, quantity.max) == (14, 14)


def test_money_is_not_a_count() -> None:
    """ "a package worth 113 million euros including" counts no items."""
    assert quantity_before("a package worth 113 million euros including ") is None


def test_a_number_inside_a_designation_is_not_a_count() -> None:
    """ "F100-" of "F100-PW-229 engines" counts nothing; "50 units of" counts 50."""
    assert quantity_before("twenty-four (24) F100-") is None
    found = quantity_before("about 50 units of its 170mm ")
    assert found is not None
    assert (found.min, found.max) == (50, 50)


@pytest.mark.parametrize(
    ("before", "part"),
    [
        ("the yard has shipped 40 of the 64 ", 40),
        ("Ankara handed over 7 of the roughly 30 ", 7),
        ("the maker delivered the first five of its 24 ", 5),
    ],
)
def test_a_share_of_a_counted_whole(before: str, part: int) -> None:
    """ "40 of the 64 frigates" names 40 as the part and 64 as the whole."""
    share = share_before(before)
    assert share is not None
    assert (share.min, share.max) == (part, part)
    assert quantity_before(before) is not None


def test_no_share_without_a_counted_whole() -> None:
    """ "operates 9 of the jets" counts 9 of no stated whole: there is no share to read."""
    assert share_before("the air force operates 9 of the ") is None


def test_handed_over_is_no_lower_bound() -> None:
    """ "handed over 14 tanks" is exactly 14, where "over 14 tanks" is at least 14."""
    quantity = quantity_before("Madrid handed over 14 ")
    assert quantity is not None
    assert (quantity.min, quantity.max) == (14, 14)
