"""The sanctions reader on sentences written for these tests, one pattern each."""

from __future__ import annotations

import time

import pytest

from ingest.extract import extract
from ingest.extract.document import Document
from ingest.extract.sanctions import read_sanctions
from ingest.models import Sanction


def sanctions(text: str) -> list[Sanction]:
    return [e for e in extract(text, "test") if isinstance(e, Sanction)]


def only(text: str) -> Sanction:
    found = sanctions(text)
    assert len(found) == 1, found
    return found[0]


def target_names(event: Sanction) -> list[str]:
    return [t.name for t in event.targets]


def test_active_designation_names_targets_imposer_authority_and_basis() -> None:
    """An OFAC designation gives the US as imposer, OFAC as authority, each named target and the E.O."""
    event = only(
        "Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) designated "
        "Corvus Avionics Co., Ltd., a Shenzhen-based parts supplier, and its director, Han Mingyu, "
        "pursuant to Executive Order 14024."
    )
    assert [i.name for i in event.imposers] == ["United States"]
    assert event.imposers[0].country == "USA"
    assert event.authority == "OFAC"
    assert target_names(event) == ["Corvus Avionics Co., Ltd.", "Han Mingyu"]
    assert event.measures[0] == "designation"
    assert event.legal_basis == ["E.O. 14024"]
    assert event.status == "imposed"


def test_passive_subject_list_and_imposer_from_previous_sentence() -> None:
    """Targets named before "were hit with sanctions" are read, with the imposer of the sentence before."""
    event = only(
        "The Treasury Department said it was levying sanctions on three firms. "
        "Tehran-based Mehr Avand Trading, Kavir Parts Company and Sahand Propulsion Industries were hit "
        "with the new sanctions."
    )
    assert target_names(event) == [
        "Mehr Avand Trading",
        "Kavir Parts Company",
        "Sahand Propulsion Industries",
    ]
    assert event.targets[0].country == "IRN"
    assert event.authority == "U.S. Department of the Treasury"


def test_following_entities_on_bullet_lines_with_acronym_aliases() -> None:
    """ "designated the following entities:" reads the name that opens each bullet line."""
    event = only(
        "The State Department designated the following entities:\n"
        "• Northern Signal Directorate (NSD), which operates the drone fleet\n"
        "• 311th Logistics Center, which moved the parts\n"
        "The following is a statement by the Secretary."
    )
    assert target_names(event) == ["Northern Signal Directorate", "311th Logistics Center"]
    assert event.targets[0].aliases == ["NSD"]


def test_list_after_include_strips_titles_from_persons() -> None:
    """ "Those sanctioned include" reads persons without their titles."""
    event = only(
        "The UK has announced new sanctions today. Officials now sanctioned include Deputy Prime Minister "
        "Arkady Velin, Defence Minister Oleg Marchenko and former President of Russia Pavel Orlov."
    )
    assert target_names(event) == ["Arkady Velin", "Oleg Marchenko", "Pavel Orlov"]
    assert event.imposers[0].name == "United Kingdom"


def test_those_named_are_skips_descriptions_and_organisations_they_lead() -> None:
    """A list of persons with their roles gives the persons, not the groups they lead."""
    event = only(
        "The Department of State designated four leaders of terrorist groups on Monday. "
        "Those named are Omar Haddad, AQAP emir, Yusuf Karimi, head of ISKP's finance branch; "
        "and Bilal Nazari, deputy emir of Lashkar-e-Taiba (LeT)."
    )
    assert target_names(event) == ["Omar Haddad", "Yusuf Karimi", "Bilal Nazari"]


def test_asset_freeze_of_banks_in_an_including_list() -> None:
    """ "Assets of several banks were frozen, including ..." reads each bank, single words too."""
    event = only(
        "Japan decided to impose new sanctions on Tuesday. "
        "Assets of several banks were also frozen, including Kama Bank, SMP, Tatfondbank and Zenit Bank."
    )
    assert target_names(event)[-4:] == ["Kama Bank", "SMP", "Tatfondbank", "Zenit Bank"]
    assert "asset_freeze" in event.measures
    assert event.imposers[0].country == "JPN"


def test_sanctions_on_a_state_make_the_state_the_target() -> None:
    """ "imposed sanctions on Russia" targets the state Russia."""
    event = only("Japan's government decided to impose additional sanctions on Russia on Friday.")
    assert [(t.name, t.kind, t.country) for t in event.targets] == [("Russia", "state", "RUS")]
    assert event.imposers[0].country == "JPN"


def test_un_arms_embargo_renewal_in_a_headline() -> None:
    """ "UN Renews <state> Arms Embargo" is an arms embargo on that state by the United Nations."""
    event = only("UN Renews Libya Arms Embargo\nThe vote was unanimous.")
    assert event.imposers[0].name == "United Nations"
    assert event.imposers[0].country is None
    assert event.targets[0].country == "LBY"
    assert event.measures == ["arms_embargo"]


def test_arms_embargo_on_an_armed_group_with_its_resolution() -> None:
    """An embargo on a named armed group targets the group; the resolution becomes "UNSCR N"."""
    event = only("The U.N. Security Council imposed an arms embargo on the Houthis under Resolution 2216.")
    assert target_names(event) == ["Houthis"]
    assert event.authority == "UN Security Council"
    assert event.legal_basis == ["UNSCR 2216"]


def test_entity_list_additions_are_export_controls() -> None:
    """Companies added to the Entity List are export-control targets of the Bureau of Industry and Security."""
    event = only(
        "The Commerce Department's Bureau of Industry and Security (BIS) added Lumen Microdevices Co., Ltd. "
        "and Harbin Tesla Optics Co. to the Entity List."
    )
    assert target_names(event) == ["Lumen Microdevices Co., Ltd.", "Harbin Tesla Optics Co."]
    assert event.authority == "Bureau of Industry and Security"
    assert event.measures[0] == "export_control"


def test_entity_list_additions_name_the_companies_not_the_state_they_helped() -> None:
    """Companies added "for supporting Russia's military, including X" are the targets; Russia is not."""
    event = only(
        "The Commerce Department's Bureau of Industry and Security added 14 Chinese companies to the Entity "
        "List on Monday for supporting Russia's military, including Qinghe Radar Components Co. and "
        "Tianyu Navigation Technology Co., Ltd."
    )
    assert target_names(event) == ["Qinghe Radar Components Co.", "Tianyu Navigation Technology Co., Ltd."]
    assert event.measures[0] == "export_control"


def test_export_controls_on_a_states_military_target_the_state() -> None:
    """Export controls imposed on "Russia's military" fall on Russia."""
    event = only("The United States imposed sweeping export controls on Russia's military on Thursday.")
    assert [t.country for t in event.targets] == ["RUS"]


def test_lifted_status_from_removal() -> None:
    """ "removed X from the SDN List" is a lifted designation."""
    event = only("OFAC removed Orion Shipping LLC from the SDN List on Monday.")
    assert event.status == "lifted"
    assert target_names(event) == ["Orion Shipping LLC"]


def test_threatened_status() -> None:
    """A threat to sanction a state is threatened, not imposed."""
    event = only("Washington has threatened to sanction Turkey over its missile purchase.")
    assert event.status == "threatened"
    assert event.targets[0].country == "TUR"


def test_planned_status() -> None:
    """Sanctions announced for the future are planned."""
    event = only("The European Union is preparing new sanctions against Belarus, diplomats said.")
    assert event.status == "planned"
    assert event.imposers[0].name == "European Union"


def test_several_imposers_act_together() -> None:
    """Coordinated imposers are all kept."""
    event = only("The United States, the United Kingdom and Canada jointly sanctioned Rami Saadeh on Friday.")
    assert sorted(i.country or "" for i in event.imposers) == ["CAN", "GBR", "USA"]


def test_eu_council_lists_targets_under_an_eu_regulation() -> None:
    """ "The Council" in an EU text is the Council of the EU; the regulation is normalised."""
    event = only(
        "The EU adopted its 15th package of sanctions today. The Council also listed Baltic Freight JSC "
        "and Neva Components LLC under Council Regulation (EU) No 269/2014."
    )
    assert event.imposers[0].name == "European Union"
    assert event.authority == "Council of the EU"
    assert target_names(event) == ["Baltic Freight JSC", "Neva Components LLC"]
    assert event.legal_basis == ["Regulation (EU) 269/2014"]


def test_vessel_with_imo_number() -> None:
    """A vessel named with its IMO number is a target."""
    event = only("OFAC identified the vessel SILVER GULL (IMO 9234567) as blocked property today.")
    assert target_names(event) == ["SILVER GULL"]


def test_legal_basis_from_elsewhere_in_the_document() -> None:
    """A basis cited once in a release applies to designations that do not repeat it."""
    event = only(
        "Today's designations are made under Executive Order 13224. "
        "OFAC designated Harbor Finance Ltd on Tuesday."
    )
    assert event.legal_basis == ["E.O. 13224"]


def test_short_name_defined_in_the_release_resolves_to_the_full_name() -> None:
    """ "Pioneer is being designated" names the company the release introduced as "(Pioneer)"."""
    event = only(
        "Today, OFAC sanctioned two suppliers of drone engines. Pioneer Motor Trading Co. (Pioneer) is a "
        "China-based supplier. Pioneer is being designated pursuant to E.O. 13382. As a result of today's "
        "action, all property and interests in property of the designated persons are blocked."
    )
    assert target_names(event) == ["Pioneer Motor Trading Co."]
    assert event.targets[0].aliases == ["Pioneer"]
    assert event.measures == ["designation", "asset_freeze"]


def test_branch_of_a_known_body_and_a_person_in_one_list() -> None:
    """ "the IRGC Navy and <person>" gives the branch and the person."""
    event = only(
        "Canada imposed sanctions on Iranian entities, including the Islamic Revolutionary Guard Corps Navy "
        "and Reza Tavakoli."
    )
    assert target_names(event) == ["Islamic Revolutionary Guard Corps Navy", "Reza Tavakoli"]


def test_lifted_embargo_on_a_states_government() -> None:
    """Lifting the embargo on "Somalia's government" is a lifted arms embargo on Somalia."""
    event = only("The Security Council voted to lift the arms embargo on Somalia's government on Monday.")
    assert (event.status, event.targets[0].country) == ("lifted", "SOM")


def test_package_against_a_state_and_the_listings_named_in_the_next_sentence() -> None:
    """An EU package "against Russia" targets Russia, and "The listings include X" adds the named listing."""
    event = only(
        "The Council of the European Union today adopted a new package of restrictive measures against "
        "Russia, adding 80 individuals and entities to the list of those subject to an asset freeze. "
        "The listings include the shipping company Arctic Reef Tankers LLC and the Belarus-based plant "
        "Gomel Precision Works."
    )
    assert target_names(event) == ["Russia", "Arctic Reef Tankers LLC", "Gomel Precision Works"]
    assert event.authority == "Council of the EU"
    assert "asset_freeze" in event.measures


def test_counted_designations_listed_in_the_following_sentence() -> None:
    """ "is designating five entities ... The entities include A and B" reads A and B."""
    event = only(
        "The Department of State is designating five entities pursuant to E.O. 13846 for purchasing "
        "petroleum from Iran. The entities include Dalian Seaway Petrochemical Co., Ltd., a refinery, and "
        "Crescent Oil Trading FZE."
    )
    assert target_names(event) == ["Dalian Seaway Petrochemical Co., Ltd.", "Crescent Oil Trading FZE"]
    assert event.authority == "U.S. Department of State"
    assert event.legal_basis == ["E.O. 13846"]


def test_each_imposer_keeps_its_own_legal_basis() -> None:
    """A regulation Canada cites is Canada's basis, never Japan's in the same article."""
    found = sanctions(
        "Japan on Tuesday imposed sanctions on Sakura Ridge Bank, freezing its assets. "
        "Canada said it was adding 12 entities to its sanctions list under the Special Economic Measures "
        "(Russia) Regulations, among them Maple Tundra Trading Ltd."
    )
    by_imposer = {e.imposers[0].country: e for e in found}
    assert target_names(by_imposer["JPN"]) == ["Sakura Ridge Bank"]
    assert by_imposer["JPN"].legal_basis == []
    assert target_names(by_imposer["CAN"]) == ["Maple Tundra Trading Ltd."]
    assert by_imposer["CAN"].legal_basis == ["Special Economic Measures (Russia) Regulations"]


def test_headline_in_title_case_names_the_person_after_a_role() -> None:
    """ "Treasury Sanctions Hezbollah Financier <name>" targets the person, not the group."""
    event = only("Treasury Sanctions Hezbollah Financier Walid Mansour\nThe action was announced today.")
    assert target_names(event) == ["Walid Mansour"]
    assert event.targets[0].kind == "person"


def test_uk_regulations_and_authority_named_after_the_verb() -> None:
    """ "The UK has sanctioned ... under the ... (EU Exit) Regulations 2019, the Foreign Office said"."""
    event = only(
        "The UK has sanctioned two officers, Colonel Anton Sedov and Major Kirill Lobanov, under the "
        "Russia (Sanctions) (EU Exit) Regulations 2019, the Foreign, Commonwealth and Development Office said."
    )
    assert event.imposers[0].country == "GBR"
    assert event.authority == "Foreign, Commonwealth and Development Office"
    assert target_names(event) == ["Anton Sedov", "Kirill Lobanov"]
    assert event.legal_basis == ["Russia (Sanctions) (EU Exit) Regulations 2019"]


def test_vessel_among_those_targeted() -> None:
    """ "Among those targeted was the tanker X (IMO n)" names the vessel."""
    event = only(
        "The United States imposed sanctions on four tankers on Friday. "
        "Among those targeted was the tanker Northern Gull (IMO 9281734), which carried Iranian crude."
    )
    assert target_names(event) == ["Northern Gull"]


def test_visa_restrictions_are_travel_bans() -> None:
    """Visa restrictions on named officials are a travel ban."""
    event = only(
        "The Department of State is imposing visa restrictions on 40 officials, including the interior "
        "ministry adviser Ramon Ibarra."
    )
    assert target_names(event) == ["Ramon Ibarra"]
    assert event.measures == ["travel_ban"]


def test_earlier_designation_is_not_a_new_event() -> None:
    """ "had been sanctioned under ..." recalls an earlier action beside today's removal."""
    (event,) = sanctions(
        "The Treasury on Wednesday removed former police chief Tomas Berrio Alcalde from the SDN List. "
        "Alcalde had been sanctioned under Executive Order 13692."
    )
    assert event.status == "lifted"
    assert target_names(event) == ["Tomas Berrio Alcalde"]


def test_warning_with_a_condition_is_threatened() -> None:
    """ "warned it could impose sanctions on X if ..." is threatened."""
    event = only("The European Union warned it could impose sanctions on Serbia if the talks failed.")
    assert (event.status, event.targets[0].country) == ("threatened", "SRB")


def test_infinitive_headline_and_next_week_are_planned() -> None:
    """ "EU to sanction ...", "will impose ... next week" are planned."""
    assert only("EU to impose sanctions on Belarus\nNo date was given.").status == "planned"
    assert only("Canada will impose new sanctions on Myanmar next week.").status == "planned"


def test_hard_wrapped_release_is_read_across_line_breaks() -> None:
    """A sentence broken over several lines is read whole."""
    event = only(
        "WASHINGTON -- Today, the Department of the Treasury's Office of Foreign Assets\n"
        "Control (OFAC) sanctioned two suppliers, including Harrow Microdevices Limited, a\n"
        "Hong Kong-based distributor, and Vadim Olegovich Sukhov, a Russian procurement\n"
        "agent, pursuant to Executive Order 14024.\n"
    )
    assert target_names(event) == ["Harrow Microdevices Limited", "Vadim Olegovich Sukhov"]
    assert event.legal_basis == ["E.O. 14024"]


def test_colon_list_after_counted_companies() -> None:
    """ "designated X along with two companies he controls: A and B" reads X, A and B."""
    event = only(
        "OFAC designated Samir Khalil, a financier for Hezbollah, along with two companies he controls: "
        "Pine Coast Trading SAL and Atlas Gold Exchange LLC."
    )
    assert target_names(event) == ["Samir Khalil", "Pine Coast Trading SAL", "Atlas Gold Exchange LLC"]


def test_known_as_gives_an_alias_not_a_second_target() -> None:
    """ "X, known as Y" is one target with an alias."""
    event = only("The Security Council imposed a travel ban on gang leader Marc Delva, known as Tiger.")
    assert target_names(event) == ["Marc Delva"]
    assert event.targets[0].aliases == ["Tiger"]


def test_a_speaker_and_a_place_are_not_targets() -> None:
    """In "sanctions on Haiti gangs ..., Lopez said" neither the place nor the speaker is a target."""
    assert sanctions("The United States imposed sanctions on Haiti gangs on Monday, Maria Lopez said.") == []


def test_sanctions_under_a_regulation_on_named_persons() -> None:
    """ "sanctions under the <Regulations> on two individuals, A and B" reads A and B."""
    event = only(
        "Canada is imposing sanctions under the Special Economic Measures (Haiti) Regulations on two "
        "individuals, Jean-Marc Valcourt and Rose Dessalines."
    )
    assert target_names(event) == ["Jean-Marc Valcourt", "Rose Dessalines"]


def test_sanctions_apply_to_a_named_body() -> None:
    """ "The sanctions also apply to X" adds X."""
    event = only(
        "Australia imposed sanctions on three officials on Friday. "
        "The sanctions also apply to the Kavir Security Brigade."
    )
    assert target_names(event) == ["Kavir Security Brigade"]


def test_threatening_a_state_with_sanctions() -> None:
    """ "threatened Iraq with sanctions": Iraq is the target, the threatening state the imposer."""
    event = only("The United States threatened Iraq with sanctions on Sunday.")
    assert (event.imposers[0].country, event.targets[0].country, event.status) == ("USA", "IRQ", "threatened")


def test_bullets_with_persons_and_a_vessel() -> None:
    """Bullet lines after "designating the following:" give persons (with "al-") and a vessel."""
    event = only(
        "OFAC is designating the following pursuant to E.O. 13224:\n"
        "- Hamid al-Rawi, a procurement agent;\n"
        "- the vessel Coral Wind (IMO 9345128), which carried the cargo.\n"
    )
    assert [(t.name, t.kind) for t in event.targets] == [
        ("Hamid al-Rawi", "person"),
        ("Coral Wind", "organization"),
    ]


def test_a_surname_is_the_person_named_before() -> None:
    """ "Haddad's company ... Haddad was also designated" means the person named in full."""
    event = only("Nadim Haddad runs a money exchange in Beirut. OFAC designated Haddad on Thursday.")
    assert target_names(event) == ["Nadim Haddad"]


@pytest.mark.parametrize(
    "text",
    [
        "The EU first imposed sanctions on Russia in 2014 after the annexation of Crimea.",
        "Japan and Canada step up Russia sanctions",
        "The United States and Japan called for tighter sanctions on Pyongyang after the launch.",
        "The governor signed a ban on assault weapons and restrictions on high-capacity magazines.",
        "FIFA's disciplinary committee sanctioned Club Atletico Norte with a transfer ban.",
    ],
)
def test_history_topics_and_other_bans_give_no_event(text: str) -> None:
    """History, a topic headline, calls for sanctions, gun laws and sport give nothing."""
    assert sanctions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The NCAA sanctioned the university with a two-year bowl ban and lost scholarships.",
        "The Treasury said it will sanction people responsible for the trade in the coming days.",
        "Despite Western sanctions on Russia, its economy grew by three percent.",
        "He was fined for violations of OFAC sanctions on Iran.",
        "The annex designates eight organizations in North Korea, Iran and Syria.",
        "Kremlin spokesman Dmitry Peskov said the new U.S. sanctions were illegal.",
        "Sanctions under the order may be imposed on any person who undermines democratic processes.",
        "Lockheed Martin said quarterly earnings rose as sanctions risk eased.",
        "North Korea has conducted multiple sanctions-busting launches this year.",
    ],
)
def test_no_event_without_a_named_target_or_outside_sanctions(text: str) -> None:
    """Sport, unnamed targets, sanctions as a circumstance and places of targets give no event."""
    assert sanctions(text) == []


def test_hostile_inputs_finish_quickly() -> None:
    """A megabyte of capitals, endless lists, names without punctuation or noise never takes long."""
    words = ["Foo", "Bar", "Trading", "Co", "and", "of", "Ltd", "Iran", "the", "sanctions", "on"]
    inputs = [
        "A" * 1_000_000,
        " ".join(["SANCTIONED FOO"] * 70_000),
        "sanctions on " + ", ".join(["Foo Bar Co"] * 80_000),
        "OFAC designated " + " ".join(words[(i * 7) % len(words)] for i in range(200_000)),
        "OFAC designated Foo Trading LLC and Bar Ltd under E.O. 14024. " * 16_000,
        "The entities are:\n" + "• Foo Trading LLC, located in Iran;\n" * 28_000,
        "".join(chr(33 + (i * 7919) % 700) for i in range(1_000_000)),
    ]
    for text in inputs:
        started = time.perf_counter()
        read_sanctions(Document(text))
        assert time.perf_counter() - started < 5  # about half a second on one core; generous for shared CI


def test_bullets_after_targets_the_following() -> None:
    """ "Today's action targets the following entities:" reads the name on each bullet line below it."""
    event = only(
        "The Treasury's Office of Foreign Assets Control (OFAC) imposed sanctions today under Executive Order "
        "14024.\n"
        "Today's action targets the following entities:\n"
        "- Orion Vektor LLC, a Kazan-based importer of navigation chips;\n"
        "- Sharjah-based Blue Meridian General Trading L.L.C.\n"
    )
    assert target_names(event) == ["Orion Vektor LLC", "Blue Meridian General Trading L.L.C."]


def test_the_listed_entities_include() -> None:
    """ "The listed entities include X" names X in a sanctions text, though "listed" stands after "the"."""
    event = only(
        "Canada imposed sanctions on four Iranian entities on Tuesday. "
        "The rules prohibit dealings in their property. "
        "The listed entities include the Pardis Rotor Works, which makes drone engines."
    )
    assert "Pardis Rotor Works" in target_names(event)


def test_the_additions_include_continues_an_entity_list_action() -> None:
    """ "The additions include X, Y and Z" lists what an Entity List action added, past a "Pvt." abbreviation."""
    event = only(
        "The Bureau of Industry and Security (BIS) today added 11 entities to the Entity List. "
        "The additions include Lumen Optic Co., Ltd.; Varun Precision Pvt. Ltd. of India; "
        "and the Russian firms JSC Tayga and Scientific and Production Enterprise Kvant."
    )
    assert target_names(event) == [
        "Lumen Optic Co., Ltd.",
        "Varun Precision Pvt. Ltd.",
        "JSC Tayga",
        "Scientific and Production Enterprise Kvant",
    ]


def test_states_in_a_from_list_are_not_imposers() -> None:
    """ "entities from China, Russia and the UAE" names places, not the ones who impose."""
    event = only(
        "The Commerce Department today added 20 entities from China, Russia and the United Arab Emirates to "
        "the Entity List. The additions include Polar Star Instruments Co., Ltd."
    )
    assert [i.name for i in event.imposers] == ["United States"]


def test_among_the_newly_listed_entities_are() -> None:
    """ "Among the newly listed entities are X" names X as a target of the package announced before."""
    event = only(
        "The Council of the EU today adopted new restrictive measures, adding 30 entities to the list. "
        "Among the newly listed entities are Arktur Shipping Ltd and two Turkish traders."
    )
    assert target_names(event) == ["Arktur Shipping Ltd"]


def test_list_resumes_after_a_relative_clause() -> None:
    """ "sanctioned X, which ..., and Hong Kong-based Y, accused of ..." names both X and Y."""
    event = only(
        "Britain sanctioned Samara-based Avtomatika Systems LLC, which it said made fuses for missiles, "
        "and Hong Kong-based Greenpeak Trading Company, accused of shipping lathes to arms plants."
    )
    assert target_names(event) == ["Avtomatika Systems LLC", "Greenpeak Trading Company"]


def test_vessel_named_in_apposition_and_again_later() -> None:
    """ "the Zarya, a tanker" is a vessel; "the Zarya" later in the text stands for it, not for a person."""
    found = sanctions(
        "The Foreign Office sanctioned 20 ships on Friday. Those named included the Zarya, a tanker that carried "
        "Russian crude. Canada also announced sanctions today on the Zarya and its owner."
    )
    assert {t.name for e in found for t in e.targets} == {"Zarya"}
    assert {i.country for e in found for i in e.imposers} == {"GBR", "CAN"}


def test_country_named_airline_is_a_company() -> None:
    """ "Iran's national airline, Iran Air" is the company Iran Air, not the state."""
    event = only("The Treasury imposed sanctions on Iran's national airline, Iran Air, on Tuesday.")
    assert [(t.name, t.kind, t.country) for t in event.targets] == [("Iran Air", "company", "IRN")]


def test_nickname_in_quotes_stays_inside_the_name() -> None:
    """'Marc "Tiger" Delatour' is one person, Marc Delatour, with the nickname as an alias."""
    event = only(
        'The UN Security Council imposed a travel ban and an asset freeze on gang boss Marc "Tiger" Delatour.'
    )
    assert [(t.name, t.aliases) for t in event.targets] == [("Marc Delatour", ["Tiger"])]


def test_security_council_then_the_council() -> None:
    """In a text on the Security Council, "the council" that acts is the UN, and "the Somali government" a state."""
    found = sanctions(
        "The U.N. Security Council on Monday lifted an arms embargo on the Somali government. "
        "In a second vote, the council imposed an arms embargo on al-Shabaab."
    )
    rows = {(e.status, i.name, t.name) for e in found for i in e.imposers for t in e.targets}
    assert rows == {("lifted", "United Nations", "Somalia"), ("imposed", "United Nations", "al-Shabaab")}


def test_court_word_in_a_description_does_not_hide_the_sanction() -> None:
    """A judge "who has sentenced protesters" is still a target; a court sentence before the cue is not news."""
    event = only(
        "Canada announced new sanctions on Tuesday. "
        "The sanctions target senior officials, including Judge Ramin Kazemi, who has sentenced protesters."
    )
    assert target_names(event) == ["Ramin Kazemi"]
    assert sanctions("The smuggler was sentenced to prison and faces sanctions from the league.") == []


def test_imposer_in_a_relative_clause_is_skipped() -> None:
    """ "Beijing, which claims Taiwan, has imposed sanctions on X": Beijing imposes, not Taiwan."""
    event = only("Beijing, which claims Taiwan as its own, has imposed sanctions on Kestrel Dynamics Inc.")
    assert [i.country for i in event.imposers] == ["CHN"]


def test_a_commodity_acronym_is_no_target() -> None:
    """ "targeting LNG" in a headline names a commodity, not a sanctioned body."""
    found = sanctions("EU adopts new sanctions against Russia, targeting LNG")
    assert all(t.name != "LNG" for e in found for t in e.targets)


def test_bullets_after_a_name_and_the_following() -> None:
    """ "OFAC is designating Nouri and the following entities:" reads Nouri and every bullet below."""
    event = only(
        "OFAC imposed sanctions today on a network led by Karim Nouri.\n"
        "OFAC is designating Nouri and the following entities:\n"
        "\u2022 Tehran-based Aval Pardaz Company;\n"
        "\u2022 Hong Kong-based Brightway Parts Limited.\n"
    )
    assert target_names(event) == ["Karim Nouri", "Aval Pardaz Company", "Brightway Parts Limited"]


def test_colon_list_a_few_sentences_after_the_announcement() -> None:
    """A list opened by "Among the firms added today are:" past a quotation still names the targets."""
    event = only(
        "The Bureau of Industry and Security today added 12 firms to the Entity List.\n\n"
        '"Diversion has a price," the Under Secretary said.\n\n'
        "Among the firms added today are:\n"
        "- Harbin Lodestar Optics Co., Ltd., China, for supplying thermal sights;\n"
        "- Volzhsky Relay LLC, Russia, a buyer for the Russian army.\n"
    )
    assert target_names(event) == ["Harbin Lodestar Optics Co., Ltd.", "Volzhsky Relay LLC"]
    assert event.status == "imposed"


def test_headline_noun_after_to_is_no_plan() -> None:
    """ "Commerce Adds 9 Entities to Entity List": "to Entity List" is no infinitive of a future action."""
    found = sanctions(
        "Commerce Adds 9 Entities to Entity List for Aiding Drone Makers\n\n"
        "The Commerce Department added Qinghe Servo Motor Co., Ltd. to the Entity List."
    )
    assert {e.status for e in found} == {"imposed"}


def test_counted_announcement_names_targets_in_its_descriptions() -> None:
    """ "designating three entities and one individual", then "Dubai-based X ...", "Y, an Iranian national"."""
    event = only(
        "Today, OFAC is designating three entities and one individual for procuring drone engines.\n\n"
        "Dubai-based Sarv Falcon Trading FZE bought the engines from abroad.\n\n"
        "Tabriz-based Kavir Motor Company and Qeshm Parts Company assembled them.\n\n"
        "Reza Moradi, an Iranian national, arranged the payments.\n"
    )
    assert target_names(event) == [
        "Sarv Falcon Trading FZE",
        "Kavir Motor Company",
        "Qeshm Parts Company",
        "Reza Moradi",
    ]


def test_they_include_after_a_sentence_about_whom_the_listing_targets() -> None:
    """ "Today's listings target persons who ... They include X and Y." names X and Y."""
    event = only(
        "The Council of the EU today imposed restrictive measures on two individuals.\n"
        "Today's listings target persons responsible for missile transfers.\n"
        "They include Amir Rostami and Kamran Jafari.\n"
    )
    assert target_names(event) == ["Amir Rostami", "Kamran Jafari"]


def test_labelled_lines_name_targets_for_the_government_of_a_state() -> None:
    """ "The Government of Japan has decided" imposes; "Individuals: ..., including X" lines name targets."""
    event = only(
        "The Government of Japan, with its partners, has decided today to take the following measures.\n"
        "(1) Designation of persons subject to asset freeze\n"
        "(a) Individuals: 2 individuals, including Sergei Orlov and Pyotr Belov.\n"
        "(b) Entities: 1 entity, including Dalnevostochny Cargo LLC.\n"
    )
    assert event.imposers[0].country == "JPN"
    assert target_names(event) == ["Sergei Orlov", "Pyotr Belov", "Dalnevostochny Cargo LLC"]


def test_state_listing_a_person() -> None:
    """ "Canada is listing X" in a sanctions text names X as a target of Canada."""
    event = only(
        "Canada today imposed sanctions under the Special Economic Measures (Russia) Regulations.\n"
        "In addition, Canada is listing Oleg Varnavin, head of a state arms exporter.\n"
    )
    assert target_names(event) == ["Oleg Varnavin"]


def test_such_as_opens_a_name_after_a_class() -> None:
    """ "officials involved in arms exports such as X": X is a target, the class is no block."""
    event = only(
        "South Korea imposed sanctions on 11 individuals on Friday. The targets include the cargo ship "
        "Lady Maria and officials involved in arms exports such as Jong Myong Su, the ministry said."
    )
    assert target_names(event) == ["Lady Maria", "Jong Myong Su"]


def test_the_sanctions_list_includes() -> None:
    """ "The sanctions list includes X and Y" names both."""
    event = only(
        "The Security Council renewed the measures for a year. "
        "The sanctions list includes militia leader Abu Karar al-Tamimi and Hassan Idris."
    )
    assert target_names(event) == ["Abu Karar al-Tamimi", "Hassan Idris"]


def test_states_a_route_passes_through_impose_nothing() -> None:
    """Countries goods "arrive through" are a route, not imposers of the sanctions named beside them."""
    text = (
        "Parts banned for export to Iran still reach it through neighbours such as Oman, Qatar and Iraq, "
        "and sanctions on shipping firms have had little effect, economists say."
    )
    assert sanctions(text) == []


def test_the_bloc_stands_for_the_european_union() -> None:
    """In a text about the EU, "the bloc" that imposes a freeze is the European Union, not a state named nearby."""
    event = only(
        "The European Union adopted a new package of measures on Monday. Among those it lists is the "
        "Singapore-based trader Pellucid Marine Pte Ltd. The bloc also imposed an asset freeze on Arkady Volodin."
    )
    assert [i.name for i in event.imposers] == ["European Union"]
    assert "Arkady Volodin" in target_names(event)


def test_a_state_adopting_the_eu_sanctions_imposes_them() -> None:
    """ "Norway adopted the European Union's sanctions" makes Norway the imposer, not the EU."""
    event = only(
        "Norway on Friday adopted the European Union's latest sanctions against Belarus, "
        "including the listing of the state potash producer chief Ivan Golovaty."
    )
    assert [i.country for i in event.imposers] == ["NOR"]


def test_flagged_tankers_listed_after_the_vessels_are_targets() -> None:
    """Ships named after "the vessels, which include the Malta-flagged tankers X and Y" are each a target."""
    event = only(
        "Canada said it had sanctioned 12 more vessels carrying Russian crude. The vessels, which include "
        "the Gabon-flagged tankers Northern Lark and Celesta and the Comoros-flagged Vela Rossa, "
        "may no longer call at Canadian ports."
    )
    assert target_names(event) == ["Northern Lark", "Celesta", "Vela Rossa"]
    assert all(t.kind == "organization" for t in event.targets)


def test_among_them_opens_the_list_of_a_counted_object() -> None:
    """ "sanctions on 9 tankers, among them the Togo-flagged X" names X as a target."""
    event = only("New Zealand imposed sanctions on 9 tankers, among them the Togo-flagged Silver Heron.")
    assert target_names(event) == ["Silver Heron"]


def test_a_second_class_sentence_continues_the_list() -> None:
    """ "The individuals are X. The companies are Y and St Petersburg-based Z." names every one of them."""
    event = only(
        "Canada said it was imposing sanctions on two officers and two companies. "
        "The individuals are Pyotr Danilin and Oleg Varenko. "
        "The companies are Stalmash LLC and St Petersburg-based Kvant Avionika."
    )
    assert target_names(event) == ["Pyotr Danilin", "Oleg Varenko", "Stalmash LLC", "Kvant Avionika"]


def test_a_headline_does_not_take_the_list_of_the_body() -> None:
    """A headline that "delists" someone does not lift the sanctions the body's list imposes."""
    found = sanctions(
        "Canada sanctions army officers, delists a businessman\n\n"
        "Canada said it was imposing sanctions on two army officers of Russia.\n\n"
        "The individuals are Pyotr Danilin and Oleg Varenko.\n\n"
        "Separately, Canada said it had removed businessman Anton Belsky from its sanctions list."
    )
    by_status = {e.status: target_names(e) for e in found}
    assert by_status == {"imposed": ["Pyotr Danilin", "Oleg Varenko"], "lifted": ["Anton Belsky"]}


def test_entity_list_addition_continues_in_the_next_sentence() -> None:
    """ "added N entities to the list, including X and Y" after an Entity List sentence is an export control."""
    found = sanctions(
        "The Commerce Department removed Harbin Lumen Optics Co. from the Entity List on Monday. "
        "The department also added 9 entities to the list for aiding missile work, including "
        "Qingdao Rimstar Technology Co., Ltd. and the Karachi-based Indus Precision Works."
    )
    by_status = {e.status: (target_names(e), e.measures) for e in found}
    assert by_status == {
        "lifted": (["Harbin Lumen Optics Co."], ["export_control"]),
        "imposed": (["Qingdao Rimstar Technology Co., Ltd.", "Indus Precision Works"], ["export_control"]),
    }


def test_removal_of_a_corp_from_the_entity_list_is_lifted() -> None:
    """A company form's stop ("Corp. from") does not end the sentence: the removal lifts the listing."""
    event = only("The Bureau of Industry and Security removed Tianhe Sensing Corp. from the Entity List.")
    assert target_names(event) == ["Tianhe Sensing Corp."]
    assert event.status == "lifted"
    assert event.measures == ["export_control"]


def test_commerce_alone_names_the_department() -> None:
    """ "Commerce has added X to the Entity List": the U.S. Department of Commerce imposes, and is no target."""
    event = only("Commerce has added the Chinese drone maker Skyrill Robotics to the Entity List.")
    assert [i.name for i in event.imposers] == ["United States"]
    assert event.authority == "U.S. Department of Commerce"
    assert target_names(event) == ["Skyrill Robotics"]


def test_entity_list_keeper_imposes_when_no_one_is_named() -> None:
    """An Entity List addition without a named imposer is the United States' (the list's keeper)."""
    event = only("Eleven companies were added to the Entity List on Friday, including Meridian Lasers Ltd.")
    assert [i.country for i in event.imposers] == ["USA"]
    assert target_names(event) == ["Meridian Lasers Ltd."]


def test_export_ban_without_the_word_sanction_falls_on_the_state() -> None:
    """ "banned exports of A, B and other C to X" is an export control on X."""
    event = only("Japan banned exports of cranes, forklifts and other heavy machinery to Belarus on Tuesday.")
    assert [i.name for i in event.imposers] == ["Japan"]
    assert [(t.name, t.kind) for t in event.targets] == [("Belarus", "state")]
    assert event.measures == ["export_control"]


def test_import_ban_names_the_state_of_origin() -> None:
    """ "prohibited the import of goods from X" and "banned imports of X-ian goods" restrict trade with X."""
    origin = only("The Government of Canada has prohibited the import of copper wire from Russia.")
    adjective = only("The United Kingdom banned imports of Belarusian potash and timber.")
    assert [(t.name, t.kind) for t in origin.targets] == [("Russia", "state")]
    assert [(t.name, t.kind) for t in adjective.targets] == [("Belarus", "state")]
    assert origin.measures == adjective.measures == ["trade_restriction"]


def test_a_trade_ban_by_a_state_without_sanctions_is_trade_news() -> None:
    """A ban on imports by a state with no sanctions programme, in a text without sanctions, gives no event."""
    assert sanctions("Indonesia banned imports of Thai rice after a bumper harvest at home.") == []


def test_export_ban_on_named_entities() -> None:
    """ "will prohibit exports to N entities ..., such as X Limited" names X as a planned export control."""
    event = only(
        "Japan will prohibit exports to 8 entities in Armenia and Kyrgyzstan that supplied Russia, "
        "such as Ararat Circuit Limited."
    )
    assert target_names(event) == ["Ararat Circuit Limited"]
    assert event.status == "planned"
    assert event.measures == ["export_control"]


def test_one_word_company_described_by_an_apposition() -> None:
    """ "X, the world's largest potash producer," makes one word a company target, not an unknown surname."""
    event = only("The UK sanctioned Kalivar, the world's largest potash producer, on Thursday.")
    assert [(t.name, t.kind) for t in event.targets] == [("Kalivar", "company")]


def test_one_word_names_in_a_list_of_entities_are_companies() -> None:
    """ "export controls on 20 entities, including X and Y" reads two one-word companies, not one name."""
    event = only("The U.S. imposed export controls on 20 Chinese entities, including Veltrix and Morrow.")
    assert [(t.name, t.kind) for t in event.targets] == [("Veltrix", "company"), ("Morrow", "company")]


def test_also_known_as_the_gives_an_alias() -> None:
    """ "X, also known as the Y," is one target with the alias Y."""
    event = only(
        "The Department of State designated Liwa Thar al-Ahrar, also known as the Free Avengers Brigade, "
        "as a Specially Designated Global Terrorist."
    )
    assert [(t.name, t.kind, t.aliases) for t in event.targets] == [
        ("Liwa Thar al-Ahrar", "organization", ["Free Avengers Brigade"])
    ]


def test_aka_in_parentheses_before_an_apposition() -> None:
    """ "X Co., Ltd. (a.k.a. Y), a supplier of ..." keeps Y as the alias of X."""
    event = only(
        "OFAC designated Dongguan Ruifeng Motors Co., Ltd. (a.k.a. Ruifeng Tech), a supplier of servo motors, "
        "pursuant to E.O. 13382."
    )
    assert [(t.name, t.aliases) for t in event.targets] == [
        ("Dongguan Ruifeng Motors Co., Ltd.", ["Ruifeng Tech"])
    ]


def test_a_flag_is_not_a_vessels_country_nor_an_alias() -> None:
    """The flag of a vessel ("Palau-flagged", "(Panama)") is neither its country nor another name of it."""
    event = only(
        "OFAC identified the Palau-flagged tanker Amber Tide and the vessel Blue Orca (Panama) as blocked property."
    )
    assert [(t.name, t.country, t.aliases) for t in event.targets] == [
        ("Amber Tide", None, []),
        ("Blue Orca", None, []),
    ]


def test_also_listed_are_continues_the_list() -> None:
    """ "Also listed are A, B and the C" after an announcement names each of them."""
    event = only(
        "Canada is imposing sanctions on 3 individuals and 1 entity under the Special Economic Measures (Iran) "
        "Regulations. The individuals include Kamal Rostami. "
        "Also listed are Farid Azizi, Nasser Jalili and the Evin Guard Organization."
    )
    assert target_names(event) == ["Kamal Rostami", "Farid Azizi", "Nasser Jalili", "Evin Guard Organization"]


def test_among_the_individuals_is() -> None:
    """ "Among the individuals is X" names X as a target of the announcement before it."""
    event = only(
        "The Government of Japan decided to freeze the assets of 2 entities and 1 individual, including the "
        "Tideglass Group. Among the individuals is Ri Song Chol, a programmer."
    )
    assert target_names(event) == ["Tideglass Group", "Ri Song Chol"]


def test_a_weekday_before_to_is_no_future_subject() -> None:
    """ "decided on Friday to freeze" is done today, unlike "Japan to freeze"."""
    event = only("The Government of Japan decided on Friday to freeze the assets of the Tideglass Group.")
    assert event.status == "imposed"


def test_a_later_measure_of_the_same_listing_joins_it() -> None:
    """ "X was sanctioned today ... X will also be subject to a travel ban" is one imposed event."""
    event = only(
        "The UK has today sanctioned Oleg Vasnetsov, a mining executive. "
        "Vasnetsov will also be subject to a travel ban."
    )
    assert event.status == "imposed"
    assert event.measures == ["designation", "travel_ban"]


def test_described_companies_and_vessels_of_a_counted_announcement() -> None:
    """ "sanctioning two companies and identifying two vessels" names the ones the next paragraph describes."""
    event = only(
        "Today, OFAC is sanctioning two companies and identifying two vessels as blocked property.\n\n"
        "Seagate Tankers Inc. owns the Comoros-flagged vessel Pearl Moon. Harbor Line Limited, based in "
        "Dubai, manages the tanker Coral Bay."
    )
    assert target_names(event) == ["Seagate Tankers Inc.", "Pearl Moon", "Harbor Line Limited", "Coral Bay"]


def test_addition_to_a_un_sanctions_list() -> None:
    """ "approved the addition of X to its Sanctions List" names X as a UN target."""
    event = only(
        "The Security Council Committee approved the addition of Omar Haddad al-Tikriti to its ISIL (Da'esh) "
        "and Al-Qaida Sanctions List."
    )
    assert [i.name for i in event.imposers] == ["United Nations"]
    assert target_names(event) == ["Omar Haddad al-Tikriti"]


def test_a_headlines_description_is_no_target() -> None:
    """ "Designation of Syrian Militant Group" names no target: the body names the group."""
    event = only(
        "Designation of Syrian Militant Group\n\n"
        "The Department of State is designating Jaysh al-Tahrir as a Specially Designated Global Terrorist."
    )
    assert target_names(event) == ["Jaysh al-Tahrir"]


def test_has_frozen_the_assets_of() -> None:
    """ "has frozen the assets of X, a trading firm" names X, a company, with an asset freeze."""
    event = only("Britain has frozen the assets of Karoo Metals, a Dubai-based gold trading firm.")
    assert [(t.name, t.kind) for t in event.targets] == [("Karoo Metals", "company")]
    assert event.measures == ["asset_freeze"]


def test_a_hyphenated_compound_names_no_target() -> None:
    """ "freezes assets of Wagner-linked trader" does not make the Wagner Group a target."""
    assert sanctions("UK freezes assets of Wagner-linked gold trader") == []


def test_numbered_list_after_a_sentence_introducing_the_following_entities() -> None:
    """A counted freeze, then "... with the following entities:" and numbered lines, names every line."""
    event = only(
        "The Government of Japan decided to freeze the assets of 3 entities on Tuesday.\n\n"
        "Under the Foreign Exchange and Foreign Trade Act, the measure covers payments to the following "
        "entities:\n\n1. Kama Precision Works\n2. JSC Almaz-Antey Air and Space Defence Corporation\n"
        "3. Orsk Gear Plant\n"
    )
    assert [i.name for i in event.imposers] == ["Japan"]
    assert len(event.targets) == 3
    assert target_names(event)[0] == "Kama Precision Works"
    assert target_names(event)[2] == "Orsk Gear Plant"


def test_list_of_persons_after_a_bulleted_list_of_entities() -> None:
    """ "The entities are:" with bullets, then "The individuals are X and Y.", names all of them; a one-word
    bullet among entities is an entity."""
    event = only(
        "Japan announced on Friday that it would freeze the assets of two entities and two individuals.\n\n"
        "The entities are:\n- Bureau 121\n- Kimsoltech\n\n"
        "The individuals are Ri Chol Man, a banker in Dandong, and Pak Song Il, a trader.\n"
    )
    assert set(target_names(event)) == {"Bureau 121", "Kimsoltech", "Ri Chol Man", "Pak Song Il"}
    assert {t.kind for t in event.targets if t.name == "Kimsoltech"} == {"company"}


def test_listed_class_at_the_start_of_a_sentence() -> None:
    """ "Listed individuals include X and Y" names both, after an EU listing."""
    event = only(
        "The Council of the EU imposed restrictive measures on 12 individuals. "
        "Listed individuals include Colonel Arkady Zotov and the businessman Pyotr Lanin."
    )
    assert target_names(event) == ["Arkady Zotov", "Pyotr Lanin"]


def test_state_named_as_the_topic_of_a_committee_is_no_imposer() -> None:
    """ "The Committee ... concerning Libya on Monday added X" is a UN listing, not Libya's."""
    event = only(
        "The Security Council Committee established pursuant to resolution 1970 (2011) concerning Libya on "
        "Monday added Salem Ben Rajab to its sanctions list."
    )
    assert [i.name for i in event.imposers] == ["United Nations"]
    assert target_names(event) == ["Salem Ben Rajab"]


def test_entities_taken_off_the_list_are_lifted() -> None:
    """ "The entities taken off the list are X and Y" after a removal names them, with status lifted."""
    event = only(
        "The Bureau of Industry and Security removed two organizations from the Entity List on Monday. "
        "The entities taken off the list are Hangzhou Lianxin Photonics and Nanjing Yuheng Devices."
    )
    assert target_names(event) == ["Hangzhou Lianxin Photonics", "Nanjing Yuheng Devices"]
    assert event.status == "lifted"
    assert event.measures == ["export_control"]


def test_took_off_the_entity_list_is_lifted() -> None:
    """ "took X and Y off the Entity List" names both, lifted."""
    event = only(
        "The Commerce Department on Friday took Qingdao Haiyue Optics and Sun Lake Tech off the Entity List."
    )
    assert target_names(event) == ["Qingdao Haiyue Optics", "Sun Lake Tech"]
    assert event.status == "lifted"


def test_prolonged_measures_on_sectors_of_an_economy() -> None:
    """A prolongation of measures "targeting specific sectors of the Russian economy" falls on Russia."""
    event = only(
        "The Council today decided to prolong the restrictive measures targeting specific sectors of the "
        "Russian economy until 31 January, the EU said."
    )
    assert [t.country for t in event.targets] == ["RUS"]
    assert event.status == "imposed"


def test_a_leader_of_a_sanctioning_state_threatens() -> None:
    """ "U.S. President X said he would impose sanctions on Y if ..." is the United States threatening Y."""
    event = only(
        "U.S. President Dan Carver said he would impose tough sanctions on Venezuela if the vote was rigged."
    )
    assert [i.country for i in event.imposers] == ["USA"]
    assert [t.country for t in event.targets] == ["VEN"]
    assert event.status == "threatened"


def test_a_leader_of_another_state_imposes_nothing() -> None:
    """ "Iranian President X said sanctions on Iran were unjust" gives no event."""
    assert sanctions("Iranian President Reza Karimi said the sanctions on Iran were unjust.") == []


def test_follower_adopting_a_bodys_sanctions_named_as_adjective() -> None:
    """ "Norway adopts EU sanctions against Belarus" is Norway's measure, not a second one of the EU."""
    event = only("Norway adopts EU sanctions against Belarus")
    assert [i.country for i in event.imposers] == ["NOR"]
    assert [t.country for t in event.targets] == ["BLR"]


def test_frozen_assets_of_the_listed_persons_add_measures() -> None:
    """ "The assets of the listed persons are frozen, and they are banned from entering" adds both measures."""
    event = only(
        "Switzerland has sanctioned Volat Machinery and Pinsk Tools Co. The assets of the listed persons and "
        "companies are frozen, and individuals are banned from entering the country."
    )
    assert "asset_freeze" in event.measures
    assert "travel_ban" in event.measures


def test_one_word_listed_among_companies_is_a_company() -> None:
    """ "sanctioned Promsvyazbank, Absolut and Rosbank": the word between two banks is a company too."""
    event = only("Britain sanctioned Promsvyazbank, Absolut and Rosbank on Friday.")
    assert [(t.name, t.kind) for t in event.targets] == [
        ("Promsvyazbank", "company"),
        ("Absolut", "company"),
        ("Rosbank", "company"),
    ]


def test_surname_listed_among_companies_stays_the_person() -> None:
    """A surname beside a company stands for the person named in full elsewhere, not for a company."""
    event = only("Britain sanctioned Gazprombank and Miller on Friday. Alexei Miller heads a gas company.")
    assert target_names(event) == ["Gazprombank", "Alexei Miller"]


def test_would_list_names_planned_targets() -> None:
    """ "a package that would list the refinery X" names X, planned."""
    event = only(
        "The European Commission proposed a package of sanctions that would list the refinery Kochi Fuels "
        "and the lender Amur Rural Bank."
    )
    assert target_names(event) == ["Kochi Fuels", "Amur Rural Bank"]
    assert event.status == "planned"


def test_trade_restrictions_on_states() -> None:
    """ "announced new trade restrictions on Russia and Belarus" falls on both states."""
    event = only("Canada on Friday announced new trade restrictions on Russia and Belarus.")
    assert [t.country for t in event.targets] == ["RUS", "BLR"]
    assert event.measures[0] == "trade_restriction"


def test_passive_export_ban_names_destination_states() -> None:
    """ "Exports of X to Y and Z are prohibited" in an announcement falls on Y and Z, as export control."""
    event = only(
        "Australia imposed sanctions on Iran on Monday. Under the new rules, exports of drones and their "
        "parts to Russia and Belarus are prohibited."
    )
    assert [t.country for t in event.targets] == ["IRN", "RUS", "BLR"]
    assert "export_control" in event.measures


def test_passive_import_ban_names_the_origin() -> None:
    """ "imports of Russian copper were also banned" falls on Russia, as a trade restriction."""
    event = only("The UK announced sanctions on Belarus. Imports of Russian copper were also banned.")
    assert [t.country for t in event.targets] == ["BLR", "RUS"]
    assert "trade_restriction" in event.measures


def test_passive_ban_outside_sanctions_news_is_no_event() -> None:
    """ "Exports of rice to Nepal were banned" in a story about harvests gives no event."""
    assert sanctions("India said exports of rice to Nepal were banned after a poor harvest.") == []


def test_resolution_number_in_apposition() -> None:
    """ "In a separate resolution, 2713, the Council renewed the arms embargo on X" cites UNSCR 2713."""
    event = only(
        "The Security Council met on Friday. In a separate resolution, 2713, the Council renewed the arms "
        "embargo on Al-Shabaab."
    )
    assert event.legal_basis == ["UNSCR 2713"]
    assert event.measures[0] == "arms_embargo"


def test_section_7031c_designation() -> None:
    """A designation under Section 7031(c) cites "Section 7031(c)", not the appropriations act."""
    event = only(
        "The Department of State designated former minister Arturo Vallejo under Section 7031(c) of the "
        "Department of State, Foreign Operations, and Related Programs Appropriations Act, making him "
        "ineligible for entry into the United States."
    )
    assert event.legal_basis == ["Section 7031(c)"]
    assert "travel_ban" in event.measures


def test_capital_that_opens_a_company_name() -> None:
    """ "designated Tbilisi Parts and ..." reads the company named after a capital as a target."""
    event = only("OFAC designated Tbilisi Avia and its owner, Levan Beridze, pursuant to E.O. 14024.")
    assert target_names(event) == ["Tbilisi Avia", "Levan Beridze"]
    assert event.targets[0].kind == "company"


def test_list_named_in_the_next_sentence_as_the_list() -> None:
    """ "... sanctions on 9 individuals. Reporters have seen the list, which includes X and Y" names them."""
    event = only(
        "Canada imposed sanctions on Tuesday on nine individuals over the abductions. "
        "Reporters have seen the list, which includes Oleg Marchenko and Irina Volkova."
    )
    assert target_names(event) == ["Oleg Marchenko", "Irina Volkova"]
    assert event.imposers[0].country == "CAN"


def test_one_word_name_described_by_the_noun_after_it() -> None:
    """ "the Sevmash shipyard" and "the Molodezh youth movement" are targets, not modifiers."""
    event = only(
        "Ukraine imposed sanctions on the Sevmash shipyard and the Molodezh youth movement on Friday."
    )
    assert target_names(event) == ["Sevmash", "Molodezh"]
    assert [t.kind for t in event.targets] == ["company", "organization"]


def test_ukraines_security_council_imposes() -> None:
    """A decision of Ukraine's National Security and Defense Council makes Ukraine the imposer."""
    event = only("The National Security and Defense Council imposed sanctions on Orlan Optics Ltd on Friday.")
    assert event.imposers[0].country == "UKR"
    assert target_names(event) == ["Orlan Optics Ltd"]


def test_added_to_its_blacklist() -> None:
    """ "added a Minsk-based firm, X, to its blacklist" lists X, and the noun "blacklist" names no one."""
    event = only(
        "The Treasury Department added a Minsk-based supplier, Belavia Parts Trading, to its blacklist."
    )
    assert target_names(event) == ["Belavia Parts Trading"]
    assert event.imposers[0].country == "USA"


def test_state_after_a_verb_is_its_object_not_the_imposer() -> None:
    """ "Washington removed Turkey from X and sanctioned Y": the United States imposes, not Turkey."""
    event = only(
        "Washington removed Turkey from the programme and sanctioned Turkey's arms agency, the Savunma "
        "Procurement Directorate."
    )
    assert [i.country for i in event.imposers] == ["USA"]


def test_western_sanctions_name_no_imposer() -> None:
    """ "X is subject to Western sanctions" in a story about a bank's results gives no event."""
    assert (
        sanctions(
            "U.S. officials questioned the bank's deal last year. The tycoon Pavel Grushin is subject to "
            "Western sanctions."
        )
        == []
    )


def test_had_their_assets_frozen() -> None:
    """ "X and Y also had their assets frozen" names X and Y as targets of an asset freeze."""
    event = only(
        "The UK sanctioned the tanker Arctic Wren on Monday. Two managers of the ship, Coral Sea Shipping "
        "and Tern Marine Ltd, also had their assets frozen."
    )
    assert "Coral Sea Shipping" in target_names(event)
    assert "Tern Marine Ltd" in target_names(event)
    assert "asset_freeze" in event.measures


def test_preposition_repeated_in_a_list() -> None:
    """ "asset freezes on X and on General Y" reads both targets past the repeated "on"."""
    event = only("Britain imposed asset freezes on Kish Air and on General Reza Talaei, the ministry said.")
    assert target_names(event) == ["Kish Air", "Reza Talaei"]


def test_the_same_targets_as_the_imposer_before() -> None:
    """ "Canada listed the same two targets" gives Canada the targets of the sentence before."""
    found = sanctions(
        "Britain sanctioned Kish Air and Reza Talaei on Monday. Canada listed the same two targets and "
        "added Pars Rotor Company."
    )
    canada = [e for e in found if e.imposers[0].country == "CAN"]
    assert len(canada) == 1
    assert target_names(canada[0]) == ["Kish Air", "Reza Talaei", "Pars Rotor Company"]


def test_named_as_the_companies_targeted() -> None:
    """ "The ministry named A, B and C as the companies targeted" lists one-word names as companies."""
    event = only(
        "China said it would impose sanctions on three U.S. firms. The ministry named Skyreach Dynamics, "
        "NovaTel and Vectorix as the companies targeted."
    )
    assert target_names(event) == ["Skyreach Dynamics", "NovaTel", "Vectorix"]
    assert event.imposers[0].country == "CHN"


def test_list_introduced_by_the_entities_were() -> None:
    """ "... said the entities were:" introduces the bullet lines after an Entity List addition."""
    event = only(
        "The Commerce Department added three companies to the Entity List on Monday.\n"
        "In its filing, the department said the entities were:\n"
        "- Harbin Lumen Optics Co., Ltd.\n"
        "- Qingdao Tideway Electronics\n"
    )
    assert target_names(event) == ["Harbin Lumen Optics Co., Ltd.", "Qingdao Tideway Electronics"]
    assert event.measures == ["export_control"]


def test_counted_targets_named_in_a_reported_list() -> None:
    """ "sanctioned more than a dozen companies" then "said X, Dubai-based Y and Z had supplied" names all."""
    event = only(
        "The United States imposed sanctions on more than a dozen companies on Tuesday. "
        "The Treasury said Ningxia Lode Machinery Co, Dubai-based Kestrel Gulf Trading LLC and Anhui "
        "Brightway Optics had shipped machine tools to Russia."
    )
    assert target_names(event) == [
        "Ningxia Lode Machinery Co",
        "Kestrel Gulf Trading LLC",
        "Anhui Brightway Optics",
    ]


def test_count_beside_a_named_target() -> None:
    """ "sanctioned X and two of its employees" reads the employees named in a later sentence."""
    event = only(
        "Australia sanctioned the hosting firm Netvault and two of its employees on Wednesday. "
        "The minister said Netvault's administrators, Igor Sazonov and Pavel Lemekhov, had helped hackers."
    )
    assert target_names(event) == ["Netvault", "Igor Sazonov", "Pavel Lemekhov"]


def test_sanctions_lifted_on_a_states_sectors() -> None:
    """ "lifted sanctions on Venezuela's oil and gold sectors" lifts a country-wide measure."""
    event = only("The United States lifted some sanctions on Venezuela's oil and gold sectors on Wednesday.")
    assert event.status == "lifted"
    assert [t.country for t in event.targets] == ["VEN"]


def test_a_states_central_bank() -> None:
    """ "sanctions on Syria's central bank" target the Central Bank of Syria, not Syria."""
    event = only("The European Union lifted sanctions on Syria's central bank on Friday.")
    assert target_names(event) == ["Central Bank of Syria"]
    assert event.status == "lifted"


def test_license_authorising_dealings_is_relief() -> None:
    """ "a license authorizing transactions with X" in a sanctions story lifts the sanctions on X."""
    found = sanctions(
        "Treasury eased sanctions on Friday. It issued a license authorizing transactions with the state "
        "miner Corporacion Minera Andina for six months."
    )
    lifted = [e for e in found if "Corporacion Minera Andina" in target_names(e)]
    assert lifted
    assert lifted[0].status == "lifted"


def test_reimposing_the_measures_is_a_threat() -> None:
    """ "warned it would reimpose the measures on X if ..." threatens X."""
    found = sanctions(
        "The U.S. eased sanctions on the gold miner Minerven on Wednesday. Blinken warned that Washington "
        "would reimpose the measures on the gold miner Minerven if prisoners were not freed."
    )
    assert {e.status for e in found} == {"lifted", "threatened"}


def test_hyphenated_state_is_no_imposer() -> None:
    """ "a Hong Kong-based trader" does not make Hong Kong the imposer of a blacklisting."""
    found = sanctions(
        "The Biden administration added a Hong Kong-based trader, Lumen Gate Ltd, to a trade blacklist."
    )
    assert [e.imposers[0].country for e in found] == ["USA"]


def test_ban_on_entry_names_the_barred_person() -> None:
    """ "X is banned from entering China" after a sanctions announcement is a travel ban on X."""
    event = only(
        "Beijing announced sanctions on a U.S. drone maker on Friday. Its chief executive, Harlan Voss, is "
        "banned from entering China."
    )
    assert target_names(event) == ["Harlan Voss"]
    assert "travel_ban" in event.measures


def test_barred_without_entry_is_no_travel_ban() -> None:
    """ "barred ... from bidding" is no ban on entry: it names no traveller."""
    assert (
        sanctions("The sanctions story says the firm Korvel Systems was barred from bidding on contracts.")
        == []
    )


def test_freezing_property_names_its_owners() -> None:
    """ "freeze the movable and immovable property of X and Y" freezes the assets of X and Y."""
    event = only(
        "China said the sanctions freeze the movable and immovable property of Brightline Aerospace and "
        "Corvane Defense Systems in China."
    )
    assert target_names(event) == ["Brightline Aerospace", "Corvane Defense Systems"]
    assert "asset_freeze" in event.measures


def test_entities_named_among_those_placed_on_the_list() -> None:
    """ "The ministry named X and Y among those placed on the list" lists X and Y for the imposer before."""
    event = only(
        "Russia on Monday imposed sanctions on 40 Britons. The ministry named Colonel Arthur Penhale and "
        "reporter Maisie Trelawny among those placed on the list."
    )
    assert event.imposers[0].country == "RUS"
    assert {t.name for t in event.targets} >= {"Maisie Trelawny"}


def test_speaker_between_list_subject_and_verb() -> None:
    """ "Among the targets, the Treasury said, are X and Y" lists X and Y."""
    event = only(
        "The United States sanctioned six companies on Tuesday. Among the targets, the Treasury said, "
        "are Qinghe Rotor Works Co., Ltd. and Baiyun Sensor Technology Co., Ltd."
    )
    assert target_names(event) == ["Qinghe Rotor Works Co., Ltd.", "Baiyun Sensor Technology Co., Ltd."]


def test_those_newly_listed_are_the_targets() -> None:
    """ "Among those newly listed are X and Y" lists X and Y."""
    event = only(
        "Switzerland on Tuesday sanctioned 30 individuals and entities. Among those newly listed are the "
        "Perm Gunpowder Plant and Oleg Vantsev."
    )
    assert set(target_names(event)) == {"Perm Gunpowder Plant", "Oleg Vantsev"}


def test_groups_are_a_class_that_a_list_names() -> None:
    """ "designated five groups ... The groups are X and Y" names X and Y."""
    event = only(
        "The State Department designated two criminal groups as terrorist organizations. The groups are "
        "the Norte Azul Cartel and the Barrio Seco Gang."
    )
    assert set(target_names(event)) == {"Norte Azul Cartel", "Barrio Seco Gang"}


def test_measures_named_in_the_next_sentence_join_the_listing() -> None:
    """ "The measures include asset freezes and travel bans" adds those measures to the listing before."""
    event = only(
        "Norway on Tuesday imposed sanctions on Ravid Talmon and Yoel Marcus. The measures include asset "
        "freezes and travel bans."
    )
    assert {"asset_freeze", "travel_ban"} <= set(event.measures)


def test_were_also_listed_names_its_subject() -> None:
    """ "X and Y were also listed" in a sanctions announcement names X and Y."""
    event = only(
        "The European Union imposed restrictive measures on three individuals. The Varzan Security Foundation and "
        "the Kheirabad Detention Centre were also listed."
    )
    assert {"Varzan Security Foundation"} <= set(target_names(event))


def test_listed_last_year_is_history() -> None:
    """ "who was listed last year" is an earlier action, not a new listing."""
    event = only(
        "The UN Security Council added Arno Petitfrere to its sanctions list. He joins Lucien Dorval, who was listed "
        "last year."
    )
    assert target_names(event) == ["Arno Petitfrere"]


def test_apposed_class_names_counted_targets() -> None:
    """ "froze the assets of four settlers. The four settlers, A, B, C and D, ..." names all four."""
    event = only(
        "Japan on Friday froze the assets of three Israeli settlers. The three settlers, Eitan Koresh, "
        "Boaz Nahari and Shai Menache, will need permission for payments."
    )
    assert target_names(event) == ["Eitan Koresh", "Boaz Nahari", "Shai Menache"]


def test_one_word_ships_in_a_list_of_tankers() -> None:
    """ "Among the tankers listed are the Orsova and the Kestrel" names two vessels, not surnames."""
    event = only(
        "New Zealand has sanctioned 12 vessels. Among the tankers listed are the Orsova and the Kestrel."
    )
    assert set(target_names(event)) == {"Orsova", "Kestrel"}


def test_entity_list_entries_grouped_under_country_headings() -> None:
    """A list of entries grouped under destination headings ("China", "Türkiye") keeps every entry."""
    event = only(
        "The Bureau of Industry and Security is adding the following entities to the Entity List:\n\n"
        "China\n"
        "- Wuxi Lantern Microsystems Co., Ltd., 8 Xinhua Road, Wuxi;\n\n"
        "Türkiye\n"
        "- Anadolu Pervane Ltd. Sti., Kartal, Istanbul;\n"
        "- Ege Kanat Sanayi A.S., Izmir.\n"
    )
    assert target_names(event) == [
        "Wuxi Lantern Microsystems Co., Ltd.",
        "Anadolu Pervane Ltd. Sti.",
        "Ege Kanat Sanayi A.S.",
    ]
    assert event.measures == ["export_control"]


def test_sanctions_committee_as_subject_of_listed() -> None:
    """ "The Committee listed X" after a committee's sanctions announcement names X as a UN target."""
    found = sanctions(
        "The Security Council Committee on Haiti added one individual to its sanctions list on Monday, "
        "subjecting him to an asset freeze. The Committee listed Jean-Pierre Lafleur, leader of a gang in the capital."
    )
    assert [target_names(e) for e in found] == [["Jean-Pierre Lafleur"]]
    assert found[0].imposers[0].name == "United Nations"


def test_state_naming_a_sanctions_list_is_no_target() -> None:
    """ "the Mali sanctions list" names the regime's list; Mali itself is not sanctioned."""
    found = sanctions("The UN Security Council added Amadou Toure to the Mali sanctions list.")
    assert [target_names(e) for e in found] == [["Amadou Toure"]]


def test_sanctions_in_place_since_a_date_are_background() -> None:
    """ "has imposed sanctions on X since 2017" describes a standing regime, not a new measure."""
    assert sanctions("The Security Council has imposed sanctions on Pyongyang since its test in 2017.") == []


def all_targets(text: str) -> list[str]:
    return sorted(name for e in sanctions(text) for name in target_names(e))


def test_counted_release_names_a_firm_by_its_base_in_an_apposition() -> None:
    """After "designated two entities", "X, a Malaysia-based trader, shipped ..." names X as a target."""
    names = all_targets(
        "Today, OFAC designated two entities pursuant to E.O. 14024.\n\n"
        "Pelangi Marine Supply Sdn. Bhd., a Malaysia-based trader, shipped gyroscopes to Russian plants.\n\n"
        "Pelangi Marine Supply Sdn. Bhd. is owned by Rintis Holdings Bhd."
    )
    assert "Pelangi Marine Supply Sdn. Bhd." in names
    assert "Rintis Holdings Bhd." not in names


def test_counted_release_names_a_person_given_with_an_alias() -> None:
    """ "X (a.k.a. "Nick") runs ..." in a release that counts its targets names X as one of them."""
    names = all_targets(
        "Today, the Treasury sanctioned two individuals pursuant to E.O. 14059.\n\n"
        'Octavio Renteria Vazquez (a.k.a. "El Fresno") runs the group\'s laboratories in Sonora.'
    )
    assert names == ["Octavio Renteria Vazquez"]


def test_counted_release_names_a_company_designated_today_in_a_relative_clause() -> None:
    """ "..., which was designated today" marks a company of the counted announcement."""
    names = all_targets(
        "Today, OFAC sanctioned three entities pursuant to E.O. 13224.\n\n"
        "The network moved money through Atlas Cambio Exchange LLC, which was designated today for "
        "providing services to the group."
    )
    assert names == ["Atlas Cambio Exchange LLC"]


def test_counted_release_names_a_person_by_post_after_the_name() -> None:
    """ "X, the deputy director of Y," describes a person of the counted announcement."""
    names = all_targets(
        "Today, OFAC designated one individual pursuant to E.O. 14024.\n\n"
        "Gennady Loktev, the deputy director of a Tula plant, negotiated the purchase of machine tools."
    )
    assert names == ["Gennady Loktev"]


def test_relative_clause_inside_a_passive_subject_keeps_its_first_name() -> None:
    """ "X, a Chinese firm that ..., and Y were designated" gives both X and Y."""
    names = all_targets(
        "Dalian Haiyun Trading Co., Ltd., a China-based firm that hires out software developers, and "
        "Ri Song Chol, who manages them, were designated by OFAC pursuant to E.O. 13382."
    )
    assert names == ["Dalian Haiyun Trading Co., Ltd.", "Ri Song Chol"]


def test_basis_inserted_between_verb_and_object() -> None:
    """ "is designating, pursuant to E.O. 13687, the X" reads X as the object."""
    event = only("OFAC is also designating, pursuant to E.O. 13687, the Korea Pugang Machinery Corporation.")
    assert target_names(event) == ["Korea Pugang Machinery Corporation"]
    assert event.legal_basis == ["E.O. 13687"]


def test_entries_listed_after_destination_labels() -> None:
    """Lines "China: X; Y." and "Turkey: Z." under an Entity List addition each add their entries."""
    found = sanctions(
        "BIS today added three entities to the Entity List.\n\n"
        "The entities are located in China and Turkey:\n\n"
        "China: Hefei Lianxin Electronics Co., Ltd.; Wuxi Dongfang Sensors Co.\n\n"
        "Turkey: Ege Teknik Ticaret A.S.\n\n"
        "License applications will be reviewed under a policy of denial."
    )
    assert sorted(n for e in found for n in target_names(e)) == [
        "Ege Teknik Ticaret A.S.",
        "Hefei Lianxin Electronics Co., Ltd.",
        "Wuxi Dongfang Sensors Co.",
    ]
    assert all("export_control" in e.measures for e in found)


def test_class_with_national_adjective_and_which_include() -> None:
    """ "The U.S. firms, which include X and Y, would be barred" lists the targets of the sentence before."""
    found = sanctions(
        "China on Monday announced sanctions on three U.S. defence firms.\n\n"
        "The U.S. firms, which include Halvorsen Dynamics and Redwing Aerosystems, would be barred from "
        "trading with China, the ministry said."
    )
    assert {n for e in found for n in target_names(e)} >= {"Halvorsen Dynamics", "Redwing Aerosystems"}
    assert all(e.imposers[0].country == "CHN" for e in found)


def test_named_list_with_state_adjective_includes() -> None:
    """ "The U.S. list included X" after an Entity List addition names X."""
    names = all_targets(
        "The Commerce Department on Monday added 12 Chinese companies to the Entity List.\n\n"
        "The U.S. list included the lidar maker Brightpath Photonics Co."
    )
    assert names == ["Brightpath Photonics Co."]


def test_transaction_ban_on_named_lenders() -> None:
    """ "imposed a transaction ban on lenders, including X and Y" names X and Y."""
    names = all_targets(
        "The EU on Friday imposed a transaction ban on three lenders, including Severny Credit Bank and Ob Bank."
    )
    assert names == ["Ob Bank", "Severny Credit Bank"]


def test_pronoun_subject_listed_takes_the_imposer_before() -> None:
    """ "It also listed the militia X" after a UN committee's listing is a UN listing of X."""
    found = sanctions(
        "The Security Council committee on Libya on Tuesday designated Salem Bouzid, a smuggler. "
        "It also listed the militia Kufra Brigade."
    )
    names = {n for e in found for n in target_names(e)}
    assert {"Salem Bouzid", "Kufra Brigade"} <= names
    assert all(e.imposers[0].name == "United Nations" for e in found)


def test_numbered_item_prohibiting_exports_to_named_entities() -> None:
    """ "(2) Prohibition of exports to entities, including X" in a government's list of measures names X."""
    found = sanctions(
        "The Government of Japan today approved the following sanctions against Russia.\n\n"
        "(1) Freezing of assets of banks, including Volga Credit Bank.\n\n"
        "(2) Prohibition of exports to specified entities in Russia, including Perm Motor Plant."
    )
    names = {n for e in found for n in target_names(e)}
    assert {"Volga Credit Bank", "Perm Motor Plant"} <= names
    assert all(e.imposers[0].country == "JPN" for e in found)


def test_which_include_list_goes_to_the_imposer_other_than_the_targets_state() -> None:
    """When a passage reports a US listing and a Chinese one, "the U.S. firms, which include X" are China's."""
    found = sanctions(
        "China on Friday placed five U.S. firms on its unreliable entity list, a day after the U.S. Commerce "
        "Department added nine Chinese firms to its Entity List.\n\n"
        "China's commerce ministry said the U.S. firms, which include Tamarack Avionics and Pinecrest Robotics, "
        "would be barred from trade with China."
    )
    by_imposer = {n: e.imposers[0].country for e in found for n in target_names(e)}
    assert by_imposer.get("Tamarack Avionics") == "CHN"
    assert by_imposer.get("Pinecrest Robotics") == "CHN"


def _described(paragraph: str) -> set[str]:
    """Target names of a counted announcement followed by one paragraph that describes the targets."""
    found = sanctions(f"OFAC today designated three individuals and two entities.\n\n{paragraph}")
    return {n for e in found for n in target_names(e)}


def test_counted_release_names_an_owner_by_owned_by() -> None:
    """In a release that counts its targets, "is owned by X" describes X as one of them."""
    names = _described(
        "Sunmark Shipping FZE is owned by Tarvan Energy Holdings Ltd., which paid for the cargoes."
    )
    assert "Tarvan Energy Holdings Ltd." in names


def test_counted_release_names_kin_that_share_a_surname() -> None:
    """ "The brothers Omid and Babak Rostami run ..." describes two counted persons."""
    names = _described("The brothers Omid and Babak Rostami run a procurement front in Tehran.")
    assert {"Omid Rostami", "Babak Rostami"} <= names


def test_counted_release_names_a_firm_after_what_it_is() -> None:
    """ "a currency exchange house, X," names a counted company by its trade first."""
    names = _described(
        "The funds were changed by a currency exchange house, Casa Cambiaria Delta S.A., in Tijuana."
    )
    assert "Casa Cambiaria Delta S.A." in names


def test_counted_release_names_a_groups_members_in_a_row() -> None:
    """ "Cartel members X, Y and Z coordinate ..." names each member."""
    names = _described(
        "Cartel members Jorge Luis Rivas Mena, Ana Lucia Baez Ortiz and Raul Dominguez Vela buy rifles."
    )
    assert {"Jorge Luis Rivas Mena", "Ana Lucia Baez Ortiz", "Raul Dominguez Vela"} <= names


def test_counted_release_names_an_associate() -> None:
    """ "His associate, X, runs Y, a trading company" names the associate and the firm."""
    names = _described(
        "His associate, Karim Nasrallah Haidar, runs Lagoon Gem Trading SARL, a gemstone company in Accra."
    )
    assert {"Karim Nasrallah Haidar", "Lagoon Gem Trading SARL"} <= names


def test_counted_release_names_a_person_it_describes_by_is_a() -> None:
    """ "X is a senior financial official of the group" opens a paragraph about a counted person."""
    names = _described(
        "Samir Khalil Mansour is a senior financial official who oversees the group's investments."
    )
    assert "Samir Khalil Mansour" in names


def test_without_a_count_described_names_are_no_targets() -> None:
    """A paragraph that describes an owner is no listing when no release counts its targets."""
    found = sanctions(
        "Sunmark Shipping FZE is owned by Tarvan Energy Holdings Ltd., which paid for the cargoes."
    )
    assert found == []


def test_listing_dated_to_a_past_year_is_background() -> None:
    """ "In 2021, OFAC designated X" beside today's action gives no target of its own."""
    found = sanctions(
        "Today, OFAC designated Brightwater Marine Services LLC under Executive Order 13846. "
        "In 2021, OFAC designated Kestrel Aero Parts for supplying the same program."
    )
    names = [n for e in found for n in target_names(e)]
    assert "Brightwater Marine Services LLC" in names
    assert "Kestrel Aero Parts" not in names


def test_year_in_a_relative_clause_does_not_date_the_listing() -> None:
    """A year that dates what the target did ("which it said bought oil since 2022") keeps the listing."""
    event = only(
        "The Treasury Department said on Monday it had blacklisted Lotus Bay Petrochemical Co, "
        "which it said had bought Iranian crude since 2022."
    )
    assert target_names(event) == ["Lotus Bay Petrochemical Co"]


def test_refusing_to_impose_sanctions_is_no_sanction() -> None:
    """ "has refused to impose sanctions on Russia" reports no sanction."""
    assert sanctions("Hungary has refused to impose sanctions on Russia's energy sector.") == []


def test_following_individual_then_colon_in_the_same_sentence() -> None:
    """ "added to its sanctions list the following individual: X" reads X."""
    event = only(
        "The Security Council Committee on Friday added to its sanctions list the following individual: "
        "Idris Mahamat Oumar, a commander accused of recruiting children."
    )
    assert target_names(event) == ["Idris Mahamat Oumar"]


def test_vessels_whose_property_was_blocked_are_a_list() -> None:
    """ "the vessels whose property was blocked are A, B and C" reads every vessel, the first included."""
    event = only(
        "OFAC today designated Meridian Tanker Management LLC. The vessels whose property was blocked are "
        "SILVER GULL, OCEAN PRIMROSE and DAWN CASTLE."
    )
    assert {"SILVER GULL", "OCEAN PRIMROSE", "DAWN CASTLE"} <= set(target_names(event))


def test_committee_entries_set_out_below_as_name_fields() -> None:
    """A committee release's "Name: X" entries below its announcement are each a target, with the
    "A.k.a.:" line as an alias and the heading giving the kind."""
    event = only(
        "On 3 May 2026, the Security Council Committee established pursuant to resolution 2745 (2024) "
        "approved the addition of the entries specified below to its sanctions list.\n\n"
        "A. Individuals\n\n"
        "XYi.12 Name: Pak Song Hui\n"
        "Designation: Director of a front company\n\n"
        "B. Entities\n\n"
        "XYe.07 Name: Kumsong Tide Export Corporation\n"
        "A.k.a.: Kumsong Tide Trading\n"
        "Address: Chongjin\n"
    )
    assert target_names(event) == ["Pak Song Hui", "Kumsong Tide Export Corporation"]
    assert [t.kind for t in event.targets] == ["person", "company"]
    assert "Kumsong Tide Trading" in event.targets[1].aliases


def test_committee_entries_below_as_bare_name_lines() -> None:
    """Entries set out below as a line holding the name alone are targets, a body under "Entities"."""
    event = only(
        "The Security Council Committee approved the addition of the entries listed below to its "
        "sanctions list.\n\n"
        "A. Individuals\n\n"
        "Farah Abdullahi Nur. Designated for moving funds for the group.\n\n"
        "B. Entities\n\n"
        "Silver Crescent Remit. A transfer business that paid for arms.\n\n"
        "The Committee also reminded Member States of their obligations."
    )
    assert target_names(event) == ["Farah Abdullahi Nur", "Silver Crescent Remit"]
    assert [t.kind for t in event.targets] == ["person", "company"]


def test_among_them_after_a_sentence_that_describes_the_listed_entities() -> None:
    """ "Among them are X, which ...; Y of Z" names its firms even two sentences after the addition,
    when the sentence between describes the entities added."""
    event = only(
        "The Bureau of Industry and Security today added nine entities to the Entity List for shipping "
        "parts to Russia. The rule takes effect at once. The entities added today are located in China "
        "and India. Among them are Harbin Lanxin Optics Co., Ltd., which sold lenses to drone makers; "
        "Kestrel Components Private Limited of Pune; and Blue Heron General Trading LLC of Sharjah."
    )
    assert target_names(event) == [
        "Harbin Lanxin Optics Co., Ltd.",
        "Kestrel Components Private Limited",
        "Blue Heron General Trading LLC",
    ]


def test_described_director_after_its_and_a_firm_after_an_alias() -> None:
    """In the paragraphs describing counted targets, "Its managing director, X," and the firm listed after
    "Y (a.k.a. Z) and" are targets."""
    event = only(
        "OFAC is designating three entities and one individual today.\n\n"
        "Tabriz Valve Company, an Iran-based firm, builds pumps for missiles. Its managing director, "
        "Kaveh Moradi Fard, arranged the purchases.\n\n"
        "Dalian Ruifeng Pump Co., Ltd. (a.k.a. Ruifeng Pump) and Qingdao Haiyun Trading Co., Ltd., both "
        "located in China, shipped seals to Tabriz Valve Company."
    )
    assert set(target_names(event)) == {
        "Tabriz Valve Company",
        "Kaveh Moradi Fard",
        "Dalian Ruifeng Pump Co., Ltd.",
        "Qingdao Haiyun Trading Co., Ltd.",
    }


def test_centre_for_is_part_of_the_name_not_a_reason() -> None:
    """ "the Centre for X" names a body: "for" here opens no reason for the listing."""
    event = only("The UK has also designated the Centre for Strategic Narratives, a front run by the GRU.")
    assert target_names(event) == ["Centre for Strategic Narratives"]


def test_a_firm_with_its_form_before_and_its_trade_after() -> None:
    """ "the OJSC Foo optical company" is the firm OJSC Foo, not a modifier of "company"."""
    event = only("The EU on Monday sanctioned Belshina and the OJSC Zenit optical company.")
    assert "OJSC Zenit" in target_names(event)


def test_repeated_preposition_resumes_the_list() -> None:
    """ "froze the assets of X, ..., and of Y" and "sanctions on X, which ..., and on Y" name both."""
    frozen = only(
        "Britain on Monday froze the assets of Omar Said Hilal, a militia commander, and of Yusuf Adan "
        "Warsame, head of its finances."
    )
    assert target_names(frozen) == ["Omar Said Hilal", "Yusuf Adan Warsame"]
    listed = only(
        "Britain imposed sanctions on Sahel Gold Refining Company, which it said paid the militia, and on "
        "Dune Star General Trading, a company that bought trucks for it."
    )
    assert target_names(listed) == ["Sahel Gold Refining Company", "Dune Star General Trading"]


def test_a_ban_whose_subject_is_the_government_named_before() -> None:
    """ "The government will also ban exports to N organisations, including X" is the state's ban on X."""
    found = sanctions(
        "Japan on Friday widened its sanctions on Russia.\n\n"
        "The government will also ban exports to 12 Russian organisations, including the Tula Precision "
        "Instruments Plant, which makes radars."
    )
    banned = [e for e in found if "Tula Precision Instruments Plant" in target_names(e)]
    assert banned
    assert banned[0].imposers[0].country == "JPN"
    assert banned[0].status == "planned"


def test_whom_the_targets_finance_is_no_target() -> None:
    """ "Treasury Targets Network Financing X": X is whom the network serves, not a target."""
    found = sanctions(
        "Treasury Targets Shipping Network Financing Hezbollah\n\n"
        "OFAC today designated Cedar Wave Shipping LLC for moving oil for Hezbollah."
    )
    assert all("Hezbollah" not in target_names(e) for e in found)
    assert any("Cedar Wave Shipping LLC" in target_names(e) for e in found)


def test_a_company_followed_by_the_noun_of_its_trade() -> None:
    """ "removed the Foo Airlines carrier from its list" lifts the sanctions on Foo Airlines."""
    event = only("OFAC removed the Blue Nile Airlines carrier from its Specially Designated Nationals list.")
    assert target_names(event) == ["Blue Nile Airlines"]
    assert event.status == "lifted"


def test_a_listed_oil_producer_known_by_one_word() -> None:
    """A one-word company from the gazetteer ("Surgutneftegas") is a target of an asset freeze."""
    event = only("The EU package imposes an asset freeze on Surgutneftegas, a large oil producer.")
    assert target_names(event) == ["Surgutneftegas"]
    assert "asset_freeze" in event.measures


def test_eased_restrictions_on_a_company_lift_its_sanctions() -> None:
    """In a sanctions release, "eased restrictions on X" lifts the sanctions on X."""
    found = sanctions(
        "The Treasury on Friday designated Minsk Signal Works for supplying the Russian army. "
        "Washington also eased restrictions on the fertiliser maker Grodno Azot, issuing a general license."
    )
    lifted = [e for e in found if e.status == "lifted"]
    assert [target_names(e) for e in lifted] == [["Grodno Azot"]]
    assert lifted[0].imposers[0].country == "USA"


def test_counted_release_names_further_members_in_apposition() -> None:
    """ "Two further members, X and Y, handle ..." describes two more counted persons."""
    names = _described(
        "Two further members, Ignacio Pardo Villalobos and Ruben Ochoa Terrazas, handle the cell's payroll."
    )
    assert {"Ignacio Pardo Villalobos", "Ruben Ochoa Terrazas"} <= names


def test_count_beyond_a_list_reads_the_rest_from_descriptions() -> None:
    """A release counting more targets than its list names finds the rest in the paragraphs that describe them."""
    found = sanctions(
        "Treasury Sanctions Members of a Tijuana Smuggling Cell\n\n"
        "Today, OFAC sanctioned two Mexican nationals and two companies that launder cartel money. "
        "The action was taken pursuant to Executive Order 14059.\n\n"
        'Julio Cesar Rentería Vega (a.k.a. "El Flaco") runs the cell\'s cash couriers. '
        "His brothers Andres Rentería Vega and Tomas Rentería Vega move the cash north.\n\n"
        "The following companies were also sanctioned:\n"
        "- Servicios Rentería S.A. de C.V., a currency exchange business in Tijuana;\n"
        "- Fletes del Valle S.A. de C.V., a trucking company.\n"
    )
    names = [n for e in found for n in target_names(e)]
    assert {"Servicios Rentería S.A. de C.V.", "Julio Cesar Rentería Vega"} <= set(names)
    assert len(set(names)) == 4  # no more than the count


def test_a_state_named_after_a_comma_and_with_its_own_verb_imposes_its_own_measures() -> None:
    """ ", and the United Kingdom sanctioned X": a second imposer with its own target and measure, neither
    a further target of the first nor sharing the first one's measures."""
    found = sanctions(
        "The European Union imposed an asset freeze on Rosoboronexport, and the United Kingdom sanctioned "
        "Almaz-Antey."
    )
    read = {(e.imposers[0].name, tuple(target_names(e)), tuple(sorted(e.measures))) for e in found}
    assert read == {
        ("European Union", ("Rosoboronexport",), ("asset_freeze",)),
        ("United Kingdom", ("Almaz-Antey",), ("designation",)),
    }
    found = sanctions(
        "Britain sanctioned the Wagner Group, and Canada has frozen the assets of Kalashnikov Concern."
    )
    read = {(e.imposers[0].name, tuple(target_names(e)), tuple(sorted(e.measures))) for e in found}
    assert read == {
        ("United Kingdom", ("Wagner Group",), ("designation",)),
        ("Canada", ("Kalashnikov Concern",), ("asset_freeze",)),
    }


def test_targets_listed_after_a_comma_and_stay_targets() -> None:
    """ "on A, B, and the C Fund": without a verb of their own the names all stay targets of the one imposer."""
    found = sanctions(
        "The US imposed sanctions on Gazprom Neft, Surgutneftegas, and the Russian Direct Investment Fund."
    )
    assert [e.imposers[0].name for e in found] == ["United States"]
    assert {"Gazprom Neft", "Surgutneftegas"} <= set(target_names(found[0]))


def test_a_state_that_froze_assets_imposes_the_freeze() -> None:
    """ "Japan froze the assets of X": the state that froze them is the imposer, the freeze the measure."""
    event = only("Japan froze the assets of Sberbank and VTB on Friday.")
    assert [i.country for i in event.imposers] == ["JPN"]
    assert target_names(event) == ["Sberbank", "VTB"]
    assert event.measures == ["asset_freeze"]


def test_each_clause_of_a_while_sentence_keeps_its_own_imposer_measure_and_targets() -> None:
    """ "Japan froze ..., while Australia banned exports ... to Russia": two events, no measure or target
    crossing from one clause to the other."""
    found = {
        e.imposers[0].country: e
        for e in sanctions(
            "Japan froze the assets of Sberbank, while Australia banned exports of machine tools to Russia."
        )
    }
    assert set(found) == {"JPN", "AUS"}
    assert (target_names(found["JPN"]), found["JPN"].measures) == (["Sberbank"], ["asset_freeze"])
    assert (target_names(found["AUS"]), found["AUS"].measures) == (["Russia"], ["export_control"])


def test_sanctions_on_the_same_officials_take_the_targets_named_before() -> None:
    """ "Canada announced sanctions on the same two officials": the officials the sentence before named,
    with that sentence as evidence."""
    text = (
        "Britain froze the assets of Mileri Lagazauri and Zviad Kharazishvili. "
        "Canada announced sanctions on the same two officials."
    )
    canada = next(e for e in sanctions(text) if e.imposers[0].country == "CAN")
    assert target_names(canada) == ["Mileri Lagazauri", "Zviad Kharazishvili"]
    assert [s.text for s in canada.evidence] == [
        "Britain froze the assets of Mileri Lagazauri and Zviad Kharazishvili.",
        "Canada announced sanctions on the same two officials.",
    ]


def test_an_export_ban_falls_on_every_state_listed_after_to() -> None:
    """ "banned exports of machine tools to Russia and Belarus": both states are targets."""
    event = only("Australia banned exports of machine tools to Russia and Belarus.")
    assert [t.country for t in event.targets] == ["RUS", "BLR"]
    assert event.measures == ["export_control"]


def test_a_state_aligning_itself_with_eu_sanctions_imposes_them() -> None:
    """ "Norway aligned itself with the EU's sanctions on X": Norway imposes them, as with "adopted"."""
    event = only("Norway aligned itself with the EU's sanctions on Belarusian potash producer Belaruskali.")
    assert [i.name for i in event.imposers] == ["Norway"]
    assert target_names(event) == ["Belaruskali"]
