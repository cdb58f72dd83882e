"""Legal bases of sanctions are recognised and written one canonical way."""

from __future__ import annotations

import pytest

from ingest.extract.legal import find_legal, normalise


@pytest.mark.parametrize(
    ("cited", "canonical"),
    [
        ("Executive Order 14024", "E.O. 14024"),
        ("E.O. 14024", "E.O. 14024"),
        ("EO 13846", "E.O. 13846"),
        ("Executive Order (E.O.) 13224", "E.O. 13224"),
        ("Section 1(a)(i) of Executive Order 14024", "E.O. 14024"),
        ("UN Security Council Resolution 2231", "UNSCR 2231"),
        ("United Nations Security Council Resolution (UNSCR) 2270", "UNSCR 2270"),
        ("UNSCR 1718", "UNSCR 1718"),
        ("Council Regulation (EU) No 833/2014", "Regulation (EU) 833/2014"),
        ("Council Decision (CFSP) 2022/327", "Decision (CFSP) 2022/327"),
    ],
)
def test_citations_are_normalised(cited: str, canonical: str) -> None:
    """Every way of writing an order, a resolution or an EU act gives the same basis."""
    assert normalise(cited) == canonical


def test_number_lists_give_one_basis_each() -> None:
    """ "E.O.s 13382 and 13224" cites two orders."""
    assert [c.basis for c in find_legal("designated pursuant to E.O.s 13382 and 13224 today")] == [
        "E.O. 13382",
        "E.O. 13224",
    ]


def test_named_laws_and_regimes_are_kept_as_written() -> None:
    """Acts, regulations and sanctions regimes are read with their whole name."""
    text = (
        "Designations under the Foreign Sanctions (Transparency) Act of 2019, the Special Economic "
        "Measures (Belarus) Regulations and the Mali sanctions regime took effect."
    )
    assert [c.basis for c in find_legal(text)] == [
        "Foreign Sanctions (Transparency) Act of 2019",
        "Special Economic Measures (Belarus) Regulations",
        "Mali sanctions regime",
    ]


def test_violated_resolution_is_marked() -> None:
    """A resolution that was breached is not the basis of a new measure."""
    (citation,) = find_legal("The transfers are in violation of UN Security Council Resolution 2231.")
    assert citation.violated


def test_bare_resolution_needs_the_security_council() -> None:
    """ "resolution 2216" counts only where the text speaks of the Security Council."""
    assert find_legal("The town council passed resolution 2216 on parking.") == []
    assert [c.basis for c in find_legal("The Security Council adopted resolution 2216.")] == ["UNSCR 2216"]


def test_short_names_defined_in_quotes_are_skipped() -> None:
    """ "(the “Belarus Regulations”)" defines a short name; it is not a second basis."""
    text = "amending the Special Economic Measures (Belarus) Regulations (the “Belarus Regulations”)"
    assert [c.basis for c in find_legal(text)] == ["Special Economic Measures (Belarus) Regulations"]


def test_citations_far_apart_in_a_long_text() -> None:
    """Citations are found wherever they stand, with nothing in between to anchor them."""
    filler = "The measures took effect on Monday. " * 300
    text = f"Designated under E.O. 14024. {filler} The Security Council adopted Resolution 2231 (2015)."
    assert [c.basis for c in find_legal(text)] == ["E.O. 14024", "UNSCR 2231"]


def test_uk_and_canadian_regulations_keep_their_names() -> None:
    """UK "(EU Exit) Regulations 2019" and Canadian "Special Economic Measures" keep their full names."""
    text = "under the Russia (Sanctions) (EU Exit) Regulations 2019 and the Special Economic Measures (Russia) Regulations"
    assert [c.basis for c in find_legal(text)] == [
        "Russia (Sanctions) (EU Exit) Regulations 2019",
        "Special Economic Measures (Russia) Regulations",
    ]


def test_resolution_number_in_apposition_where_the_security_council_is_named() -> None:
    """ "resolution, 2713," cites UNSCR 2713 in a text about the Security Council, and nothing elsewhere."""
    assert [
        c.basis for c in find_legal("The Security Council voted. In a separate resolution, 2713, it acted.")
    ] == ["UNSCR 2713"]
    assert find_legal("After the resolution, 2713 delegates left the hall.") == []


def test_section_7031c_stands_for_the_act_it_belongs_to() -> None:
    """ "Section 7031(c) of the ... Appropriations Act" is one citation, "Section 7031(c)"."""
    text = "under Section 7031(c) of the Department of State, Foreign Operations, and Related Programs Appropriations Act"
    assert [c.basis for c in find_legal(text)] == ["Section 7031(c)"]


def test_owner_before_a_regimes_name_is_dropped() -> None:
    """ "the UK's Russia sanctions regime" cites "Russia sanctions regime"."""
    assert [c.basis for c in find_legal("designated under the UK's Russia sanctions regime")] == [
        "Russia sanctions regime"
    ]


def test_a_named_law_is_cited() -> None:
    """ "under the Anti-Foreign Sanctions Law" cites that law; "international law" cites nothing."""
    assert [c.basis for c in find_legal("taken under the Anti-Foreign Sanctions Law, the measures")] == [
        "Anti-Foreign Sanctions Law"
    ]
    assert find_legal("a breach of international law") == []
