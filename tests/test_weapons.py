"""Weapons are found with the contract's category and a canonical designation."""

from __future__ import annotations

import pytest

from ingest.extract.actors import tokenize
from ingest.extract.weapons import find_weapons


def _read(sentence: str) -> list[tuple[str, str | None]]:
    return [(w.category, w.designation) for w in find_weapons(sentence, tokenize(sentence))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kyiv shot down Shahed 136 drones.", ("uav", "Shahed-136")),
        ("The fleet flies F-16s.", ("aircraft", "F-16")),
        ("Two K2 battle tanks were shown.", ("armoured_vehicle", "K2")),
        ("A HIMARS launcher fired.", ("artillery", "HIMARS")),
        ("The S-400 Triumf batteries are ready.", ("air_defence", "S-400")),
        ("New Mi-171Sh helicopters landed.", ("helicopter", "Mi-171Sh")),
        ("Old Leopard 2A4 tanks remain.", ("armoured_vehicle", "Leopard 2A4")),
        ("The AN/TPQ-50 radars work.", ("sensor", "AN/TPQ-50")),
        ("Javelin anti-tank missiles help.", ("missile", "Javelin")),
    ],
)
def test_named_systems(sentence: str, expected: tuple[str, str | None]) -> None:
    """Named systems, their variants and their plurals are read with their class."""
    assert expected in _read(sentence)


def test_unknown_designation_takes_the_class_beside_it() -> None:
    """A designation the table does not know is read from the class noun next to it."""
    assert _read("It flew XQ-77B reconnaissance drones.") == [("uav", "XQ-77B")]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("They need artillery shells.", "ammunition"),
        ("They need fighter jets.", "aircraft"),
        ("They need air defence systems.", "air_defence"),
        ("They need counter-battery radars.", "sensor"),
        ("They need spare parts.", "components"),
        ("They need loitering munitions.", "uav"),
        ("They need armored personnel carriers.", "armoured_vehicle"),
        ("They need two frigates.", "ship"),
    ],
)
def test_class_nouns(sentence: str, category: str) -> None:
    """Class nouns map to the contract's categories."""
    assert _read(sentence) == [(category, None)]


def test_parts_of_a_system_are_components() -> None:
    """ "Components of S-400 systems" are components of the S-400, not the system."""
    assert _read("Planes carried components of S-400 systems.") == [
        ("aircraft", None),
        ("components", "S-400"),
    ]


def test_a_modifier_is_not_an_item() -> None:
    """ "Drone manufacturer", "missile programme", "anti-ship" do not name items."""
    assert _read("The drone manufacturer ran a missile programme against anti-ship raids.") == []


def test_coordinated_modifier_shares_the_head() -> None:
    """ "Artillery and tank rounds" are two kinds of ammunition."""
    assert _read("It sent artillery and tank rounds.") == [("ammunition", None), ("ammunition", None)]


def test_round_of_talks_is_not_ammunition() -> None:
    """A round of talks or sanctions is not a round of ammunition."""
    assert _read("A new round of sanctions hit shell companies.") == []


def test_designation_decides_the_class_of_guns() -> None:
    """ "Caesar guns" are artillery, "K10 ammunition resupply vehicles" armoured vehicles, "small arms
    ammunition" ammunition."""
    assert _read("delivered 18 Caesar guns") == [("artillery", "CAESAR")]
    assert _read("36 K10 ammunition resupply vehicles") == [("armoured_vehicle", "K10")]
    assert _read("and small arms ammunition") == [("ammunition", None)]


def test_warship_named_after_a_weapon_is_no_weapon() -> None:
    """ "USS Chinook" is a ship's name, not a CH-47 helicopter."""
    assert _read("The destroyer USS Chinook stopped the dhow.") == [("ship", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Twelve (12) F135-PW-100 engines;", ("engine", "F135-PW-100")),
        ("Six (6) AN/APY-9 radars;", ("sensor", "AN/APY-9")),
        ("Four (4) AN/SPY-7(V) Solid State Radars;", ("sensor", "AN/SPY-7(V)")),
        ("Forty (40) BGM-109 Tomahawk missiles;", ("missile", "Tomahawk")),
    ],
)
def test_sale_notice_codes_keep_their_front_and_variant(
    sentence: str, expected: tuple[str, str | None]
) -> None:
    """A code written onto a system's front or a "(V)" after it belongs to the one system."""
    assert _read(sentence) == [expected]


def test_a_weapon_class_before_engines_names_what_the_engines_are_for() -> None:
    """ "drone engines", "tank engines": engines for drones or tanks, one item, no drones or tanks; a list
    of drones and engines stays two items."""
    assert _read("Two Chinese firms supplied drone engines to Iran.") == [("engine", None)]
    assert _read("The plant makes tank engines for export.") == [("engine", None)]
    assert _read("China supplied drones and engines to Russia.") == [("uav", None), ("engine", None)]
