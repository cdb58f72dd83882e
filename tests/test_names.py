"""Names the gazetteer does not know are read with their kind, country and acronym."""

from __future__ import annotations

from ingest.extract.actors import find_actors, tokenize
from ingest.extract.names import Name, find_names


def names(text: str) -> list[Name]:
    tokens = tokenize(text)
    return find_names(text, tokens, find_actors(text, tokens))


def test_company_forms() -> None:
    """Legal forms end a company name, the comma of "Co., Ltd." included."""
    found = names("sanctioned Zhongyuan Optics Co., Ltd., Volga Parts LLC and Irtysh Logistics JSC")
    assert [(n.text, n.kind) for n in found] == [
        ("Zhongyuan Optics Co., Ltd.", "company"),
        ("Volga Parts LLC", "company"),
        ("Irtysh Logistics JSC", "company"),
    ]


def test_parenthesised_acronym_is_an_alias() -> None:
    """ "Falcon Trading FZE (FTF)" gives the alias FTF, not a second name."""
    (found,) = names("designated Falcon Trading FZE (FTF) for its role")
    assert found.text == "Falcon Trading FZE"
    assert found.aliases == ("FTF",)


def test_nationality_before_a_name_gives_its_country() -> None:
    """ "Iran-based" and "Iranian" describe the name and give its country."""
    found = names("Iran-based Pars Avand Trading and the Iranian firm Kavir Parts Company")
    assert [(n.text, n.country) for n in found] == [
        ("Pars Avand Trading", "IRN"),
        ("Kavir Parts Company", "IRN"),
    ]


def test_titles_are_not_part_of_a_persons_name() -> None:
    """ "Defence Minister Oleg Marchenko" is the person Oleg Marchenko."""
    (found,) = names("including Defence Minister Oleg Marchenko")
    assert (found.text, found.kind) == ("Oleg Marchenko", "person")


def test_organisations_keep_of_the_and_a_country_after_of() -> None:
    """Organisation names run over "of the" and end in a country when "of" joins it."""
    found = names("the Command of the Strategic Airlift Forces and the Workers' Party of Korea")
    assert [n.text for n in found] == ["Command of the Strategic Airlift Forces", "Workers' Party of Korea"]


def test_vessel_cue() -> None:
    """A name after "the vessel" or before an IMO number is a vessel."""
    (found,) = names("the vessel BLUE HERON (IMO 9345678)")
    assert found.text == "BLUE HERON"
    assert found.vessel


def test_headline_case_keeps_only_names_that_say_what_they_are() -> None:
    """In a title-case headline, plain capitalised phrases are not names."""
    text = "Sanctions Against Transportation, Mining And Energy Sectors And Ural Steel Plant Co., Ltd."
    tokens = tokenize(text)
    found = find_names(text, tokens, find_actors(text, tokens), strict=True)
    assert [n.text for n in found] == ["Ural Steel Plant Co., Ltd."]


def test_descriptions_in_plural_are_not_names() -> None:
    """ "Foreign Terrorist Organizations" describes a category, it names no one."""
    assert names("designated 22 Foreign Terrorist Organizations (FTOs)") == []
