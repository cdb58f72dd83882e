"""Quantities are read the way the event contract fixes them."""

from __future__ import annotations

import pytest

from ingest.extract.quantity import quantity_after, quantity_before


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
