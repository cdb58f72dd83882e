"""Actors are found from names, adjectives, capitals, organs and companies."""

from __future__ import annotations

import pytest

from ingest.extract.actors import country, find_actors


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Tehran said so.", "IRN"),
        ("The Kremlin said so.", "RUS"),
        ("Pyongyang said so.", "PRK"),
        ("S. Korean firms said so.", "KOR"),
        ("The Pentagon said so.", "USA"),
        ("The Pakistan Air Force said so.", "PAK"),
        ("Hanwha said so.", "KOR"),
        ("The Russia Federation said so.", "RUS"),
    ],
)
def test_mentions_resolve_to_states(text: str, iso3: str) -> None:
    """Capitals, metonyms, adjectives, organs and companies carry their state."""
    mentions = find_actors(text)
    assert mentions
    assert mentions[0].ref.country == iso3


def test_armed_group_is_kept_as_such() -> None:
    """Armed groups are actors of their own kind."""
    mention = find_actors("The Houthi rebels fired.")[0]
    assert mention.ref.kind == "armed_group"
    assert mention.ref.name == "Houthis"


def test_country_lookup() -> None:
    """A state is known by its ISO 3166-1 alpha-3 code."""
    ref = country("FRA")
    assert ref is not None
    assert ref.name == "France"
