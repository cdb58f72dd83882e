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


def test_a_place_after_a_company_form_is_not_part_of_the_name() -> None:
    """ "Hai Feng Shipping Co., Ltd. of Hong Kong" ends at its legal form; "Bank of Russia" keeps "of"."""
    found = names("sanctioned Hai Feng Shipping Co., Ltd. of Hong Kong and the Bank of Russia")
    assert [n.text for n in found] == ["Hai Feng Shipping Co., Ltd.", "Bank of Russia"]


def test_names_with_particles_are_persons() -> None:
    """ "Hamid al-Rawi" is a person's name."""
    (found,) = names("designated Hamid al-Rawi on Monday")
    assert (found.text, found.kind) == ("Hamid al-Rawi", "person")


def test_single_words() -> None:
    """One word is a company ("Zenitbank"), an acronym ("VTB") or only a surname (partial)."""
    found = names("including Zenitbank, VTB and Haddad")
    assert [(n.text, n.kind, n.partial) for n in found] == [
        ("Zenitbank", "company", False),
        ("VTB", "organization", False),
        ("Haddad", "person", True),
    ]


def test_a_descriptive_noun_before_the_name_gives_its_kind() -> None:
    """ "the shipping company Sovtrans-Marine" is a company, though one word."""
    (found,) = names("the state-owned shipping company Sovtrans-Marine")
    assert (found.text, found.kind) == ("Sovtrans-Marine", "company")


def test_a_city_can_open_a_company_name() -> None:
    """ "Minsk Optical Works" keeps the city that opens it and takes its country."""
    (found,) = names("the arms producer Minsk Optical Works")
    assert (found.text, found.country) == ("Minsk Optical Works", "BLR")


def test_a_sentence_stop_after_a_company_form_ends_the_name() -> None:
    """ "... Exchange LLC. These ..." does not run into the next sentence."""
    found = names("and Harbor Gold Exchange LLC. These actions follow")
    assert [n.text for n in found] == ["Harbor Gold Exchange LLC"]


def test_headline_names_a_person_only_after_a_role() -> None:
    """In a title-case headline, "Financier Walid Mansour" is a person; "Agents And Vessel" is not."""
    for text, expected in [
        ("Treasury Sanctions Hezbollah Financier Walid Mansour", ["Walid Mansour"]),
        ("Treasury Designates Procurement Agents And Vessel", []),
        ("Treasury Targets Russian Sanctions Evasion Network", []),
    ]:
        tokens = tokenize(text)
        found = find_names(text, tokens, find_actors(text, tokens), strict=True)
        assert [n.text for n in found] == expected


def test_split_after_a_complete_company() -> None:
    """ "JSC Tayga and Research and Production Enterprise Kvant" are two names, the second keeping its "and"."""
    found = names("and the firms JSC Tayga and Research and Production Enterprise Kvant.")
    assert [n.text for n in found] == ["JSC Tayga", "Research and Production Enterprise Kvant"]


def test_a_bare_form_is_no_name() -> None:
    """ "Group" left of an unreadable name ("Nu+ Group") and "Ltd" after "(Dubai)" name no one."""
    assert "Group" not in [n.text for n in names("its parent Nu+ Group and")]
    assert [n.text for n in names("the firm Arktur Services (Dubai) Ltd and")] == ["Arktur Services"]


def test_nationality_does_not_cross_punctuation() -> None:
    """ "to Russian drone makers; Varun Tools Pvt. Ltd." gives the Indian firm no Russian nationality."""
    found = names("supplied modules to Russian drone makers; Varun Tools Pvt. Ltd. of India")
    assert [(n.text, n.country) for n in found] == [("Varun Tools Pvt. Ltd.", None)]


def test_vessel_in_apposition() -> None:
    """ "the Zarya, a tanker that ..." is a vessel, not a surname."""
    (found,) = names("included the Zarya, a tanker that carried crude")
    assert (found.text, found.vessel, found.partial) == ("Zarya", True, False)


def test_airline_named_after_its_country() -> None:
    """ "Iran Air" is a company of Iran."""
    (found,) = names("sanctions on the national airline, Iran Air, on Tuesday")
    assert (found.text, found.kind, found.country) == ("Iran Air", "company", "IRN")


def test_state_full_name_opens_a_company_name() -> None:
    """ "Islamic Republic of Iran Shipping Lines" is one company, not a state and "Shipping Lines"."""
    found = names("the Council listed the Islamic Republic of Iran Shipping Lines and others")
    assert ("Islamic Republic of Iran Shipping Lines", "IRN") in [(n.text, n.country) for n in found]
    assert "Shipping Lines" not in [n.text for n in found]


def test_paired_trade_words_stay_in_one_name() -> None:
    """ "Import and Export Co., Ltd." does not split a company's name at "and"."""
    found = names("sanctioned Ningde Harbor Import and Export Co., Ltd. on Tuesday")
    assert [n.text for n in found] == ["Ningde Harbor Import and Export Co., Ltd."]


def test_vessel_name_with_digits() -> None:
    """ "the vessel Zarya-7" is a ship's name though it carries a digit."""
    found = names("the UK also sanctioned the vessel Zarya-7 on Monday")
    assert [(n.text, n.vessel) for n in found] == [("Zarya-7", True)]


def test_legal_form_alone_names_no_company() -> None:
    """ "Joint Stock Company" before a possessive is a form without a name."""
    found = names("designated Joint Stock Company Uralmetall's subsidiary Perm Optics Plant")
    assert "Joint Stock Company" not in [n.text for n in found]


def test_an_owners_possessive_is_not_part_of_the_name() -> None:
    """ "Pavel Orlov's Kama Group" names Kama Group, not Pavel Orlov's."""
    assert [n.text for n in names("removed Pavel Orlov's Kama Group from the list")] == ["Kama Group"]


def test_a_spelled_out_legal_form_gives_the_bare_name_as_alias() -> None:
    """ "Joint Stock Company X Plant" is a company also known as "X Plant"."""
    (found,) = names("froze the assets of Joint Stock Company Votkinsk Machine Plant last week")
    assert (found.text, found.kind, found.aliases) == (
        "Joint Stock Company Votkinsk Machine Plant",
        "company",
        ("Votkinsk Machine Plant",),
    )


def test_a_plus_sign_inside_a_name() -> None:
    """ "Ev+ Group" is read whole."""
    assert [n.text for n in names("delisted its parent Ev+ Group on Sunday")] == ["Ev+ Group"]


def test_two_one_word_names_joined_by_and_are_two_names() -> None:
    """ "Alrivo and Norvek" are two names, not one."""
    assert [n.text for n in names("sanctioned Alrivo and Norvek on Thursday")] == ["Alrivo", "Norvek"]


def test_a_flag_gives_a_vessel_no_country() -> None:
    """ "the Gabon-flagged tanker X": the flag is not the vessel's country."""
    (found,) = names("identified the Gabon-flagged tanker Northern Reach as blocked")
    assert (found.text, found.vessel, found.country) == ("Northern Reach", True, None)


def test_number_that_ends_a_unit_name() -> None:
    """ "Unit 26165" is one organisation's name, the number included."""
    (found,) = names("designated the military intelligence Unit 26165 on Monday")
    assert (found.text, found.kind) == ("Unit 26165", "organization")


def test_courts_are_bodies() -> None:
    """ "the Gomel Regional Court" is an organisation."""
    (found,) = names("listed the Gomel Regional Court for its verdicts")
    assert (found.text, found.kind) == ("Gomel Regional Court", "organization")


def test_words_of_trade_pair_inside_an_enterprise_name() -> None:
    """ "Kazan Optical and Mechanical Plant" is one name, not two."""
    (found,) = names("banned exports to the Kazan Optical and Mechanical Plant")
    assert found.text == "Kazan Optical and Mechanical Plant"


def test_surname_before_a_titled_person_is_split_off() -> None:
    """ "Kobakhidze and Defence Minister Irakli Chikovani" is two persons, not the second alone."""
    found = names("banned entry to Kobakhidze and Defence Minister Irakli Chikovani")
    assert [n.text for n in found] == ["Kobakhidze", "Irakli Chikovani"]


def test_shipbuilder_cue_makes_a_company() -> None:
    """ "the shipbuilder Zvezdochka" is a company, not a surname."""
    (found,) = names("sanctioned the shipbuilder Zvezdochka on Friday")
    assert (found.text, found.kind, found.partial) == ("Zvezdochka", "company", False)


def test_apposition_of_a_supplier_makes_a_company() -> None:
    """ "Ferrit-Kvazar, a supplier of ferrite parts" is a company."""
    found = names("designated Ferrit-Kvazar, a supplier of ferrite parts, and others")
    assert (found[0].text, found[0].kind) == ("Ferrit-Kvazar", "company")


def test_capital_opening_a_two_word_name_is_no_person() -> None:
    """ "Baku Avionika" is a company's name, not a person's."""
    (found,) = names("designated Baku Avionika on Friday")
    assert (found.text, found.kind, found.country) == ("Baku Avionika", "company", "AZE")


def test_and_after_one_word_closes_a_list_of_names() -> None:
    """ "A Corp, NovaTel and Data Link Solutions": the last "and" separates two names."""
    found = [n.text for n in names("named Alpha Dynamics Corp, NovaTel and Data Link Solutions as targets")]
    assert found == ["Alpha Dynamics Corp", "NovaTel", "Data Link Solutions"]


def test_noun_after_one_word_name_says_what_it_is() -> None:
    """ "the Sevmash shipyard" is a company named Sevmash, not a surname."""
    found = names("They listed the Sevmash shipyard on Friday.")
    assert [(n.text, n.kind, n.partial) for n in found] == [("Sevmash", "company", False)]


def test_turkish_and_mexican_legal_forms_end_a_company_name() -> None:
    """ "Ltd. Sti." and "S.A. de C.V." close a company's name, with "del" inside it."""
    found = [
        (n.text, n.kind)
        for n in names("listed Bozkurt Makina Ltd. Sti., Ankara, and Fletes del Norte S.A. de C.V.")
    ]
    assert ("Bozkurt Makina Ltd. Sti.", "company") in found
    assert ("Fletes del Norte S.A. de C.V.", "company") in found


def test_firm_word_after_a_one_word_name_splits_at_and() -> None:
    """ "Voskhod Technologies and Tavrobank" are two companies, and "Technologies" ends the first name."""
    found = [n.text for n in names("froze the assets of Voskhod Technologies and Tavrobank")]
    assert found == ["Voskhod Technologies", "Tavrobank"]


def test_description_ending_in_technologies_is_no_name() -> None:
    """ "Advanced Technologies" describes goods; it names no company."""
    assert names("banned exports of Advanced Technologies to the country") == []


def test_a_ships_name_may_end_in_the_numeral_one() -> None:
    """ "CORAL WIND I" keeps its closing numeral, which is not the pronoun "I"."""
    found = names("The tankers CORAL WIND I and MISTRAL BAY were listed.")
    assert [n.text for n in found] == ["CORAL WIND I", "MISTRAL BAY"]


def test_kin_share_the_surname_written_once() -> None:
    """ "the brothers Omid and Babak Rostami" names Omid Rostami and Babak Rostami."""
    found = names("It sanctioned the brothers Omid and Babak Rostami for their role.")
    assert [(n.text, n.kind) for n in found] == [("Omid Rostami", "person"), ("Babak Rostami", "person")]


def test_a_town_after_a_legal_form_is_not_part_of_the_name() -> None:
    """ "Foo Components Private Limited of Pune" names the firm alone; its town is no name of its own."""
    found = names("It listed Kestrel Components Private Limited of Pune on Monday.")
    assert [(n.text, n.kind) for n in found] == [("Kestrel Components Private Limited", "company")]
