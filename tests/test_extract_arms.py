"""Arms transfers are read the way an arms-control analyst reads them."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.models import ArmsTransfer

Row = tuple[str | None, str | None, str, str]  # supplier country, recipient country or name, category, status


def _rows(text: str) -> set[Row]:
    out: set[Row] = set()
    for event in extract(text, "test"):
        if isinstance(event, ArmsTransfer):
            for item in event.items:
                recipient = (
                    event.recipient.name if event.recipient.kind == "armed_group" else event.recipient.country
                )
                out.add((event.supplier.country, recipient, item.category, event.status))
    return out


def _items(text: str) -> list[tuple[str | None, int | None, int | None]]:
    return [
        (
            item.designation,
            item.quantity.min if item.quantity else None,
            item.quantity.max if item.quantity else None,
        )
        for event in extract(text, "test")
        if isinstance(event, ArmsTransfer)
        for item in event.items
    ]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Belarus provided Armenia with 30 howitzers last year.", ("BLR", "ARM", "artillery", "delivered")),
        ("Norway sent eight radars to Latvia in March.", ("NOR", "LVA", "sensor", "delivered")),
        ("Japan delivered two frigates to the Philippines.", ("JPN", "PHL", "ship", "delivered")),
        ("Morocco received 24 helicopters from Spain.", ("ESP", "MAR", "helicopter", "delivered")),
        ("Qatar bought 36 Rafale jets from France.", ("FRA", "QAT", "aircraft", "agreed")),
        ("Vietnam has acquired Israeli-made radars.", ("ISR", "VNM", "sensor", "delivered")),
        ("Drones were supplied to Sudan by Iran.", ("IRN", "SDN", "uav", "delivered")),
        ("Brazil will give Uruguay twelve armoured vehicles.", ("BRA", "URY", "armoured_vehicle", "planned")),
        ("Italy pledged air defence systems to Ukraine.", ("ITA", "UKR", "air_defence", "planned")),
        (
            "Greece signed a contract for 20 F-35 jets with the United States.",
            ("USA", "GRC", "aircraft", "agreed"),
        ),
        (
            "Peru is in talks to buy K2 tanks from South Korea.",
            ("KOR", "PER", "armoured_vehicle", "considered"),
        ),
        ("Thailand wants to buy Gripen fighters from Sweden.", ("SWE", "THA", "aircraft", "considered")),
        ("Kenya is interested in acquiring Turkish drones.", ("TUR", "KEN", "uav", "considered")),
        (
            "Slovakia's purchase of Swedish-made howitzers was approved.",
            ("SWE", "SVK", "artillery", "planned"),
        ),
        ("The sale of 8 patrol boats to Ghana by Canada was approved.", ("CAN", "GHA", "ship", "planned")),
        ("Eritrea may be providing Sudan with ammunition.", ("ERI", "SDN", "ammunition", "planned")),
    ],
)
def test_relations(text: str, row: Row) -> None:
    """The common ways news says who supplies what to whom give supplier, recipient, category and status."""
    assert row in _rows(text)


def test_foreign_military_sale_approval() -> None:
    """A US approval of a possible Foreign Military Sale is a planned transfer from the United States."""
    text = (
        "The State Department has made a determination approving a possible Foreign Military Sale to the "
        "Government of Norway of twelve (12) CH-47F Chinook helicopters and related equipment. "
        "The estimated total cost is $1 billion."
    )
    assert ("USA", "NOR", "helicopter", "planned") in _rows(text)
    assert ("CH-47F", 12, 12) in _items(text)


def test_aid_package_and_its_list() -> None:
    """An aid package announced for a state lists its items, each a planned transfer."""
    text = (
        "The United States announced a new $300 million security assistance package for Ukraine.\n"
        "The package includes:\n- 18 Stryker armored vehicles;\n- up to 60,000 rounds of 155mm artillery "
        "ammunition;\n- counter-drone systems."
    )
    rows = _rows(text)
    assert ("USA", "UKR", "armoured_vehicle", "planned") in rows
    assert ("USA", "UKR", "ammunition", "planned") in rows
    assert ("USA", "UKR", "air_defence", "planned") in rows
    assert (None, None, 60000) in _items(text)


def test_coordinated_suppliers() -> None:
    """ "X and Z will give ... to Y" is a transfer from each of them."""
    rows = _rows("Belgium and Norway will give F-16 jets to Ukraine.")
    assert ("BEL", "UKR", "aircraft", "planned") in rows
    assert ("NOR", "UKR", "aircraft", "planned") in rows


def test_seizure_in_transit() -> None:
    """Arms seized on the way go from their origin to the group they were bound for, planned: they never arrived."""
    text = "The navy seized a shipment of Iranian-made missile components bound for the Houthis."
    assert ("IRN", "Houthis", "components", "planned") in _rows(text)


def test_parties_carry_to_the_next_sentence() -> None:
    """A sentence that leaves the parties open takes them from the transfer just read."""
    text = (
        "Azerbaijan received the first batch of drones from Israel in May. "
        "The shipment included Hermes 900 and Harop models."
    )
    assert ("Hermes 900", None, None) in _items(text)
    assert ("ISR", "AZE", "uav", "delivered") in _rows(text)


def test_the_drones_refers_back() -> None:
    """ "The drones" in a later sentence is the system named before."""
    text = "Niger ordered Bayraktar TB2 systems from Turkey in 2022. Niger received the drones last week."
    assert ("Bayraktar TB2", None, None) in _items(text)
    assert ("TUR", "NER", "uav", "delivered") in _rows(text)


def test_two_statuses_for_one_pair() -> None:
    """Delivered drones and more drones under consideration are two events."""
    rows = _rows("Iran has sent 300 drones to Russia. Russia is also seeking more drones from Iran.")
    assert ("IRN", "RUS", "uav", "delivered") in rows
    assert ("IRN", "RUS", "uav", "considered") in rows


@pytest.mark.parametrize(
    "text",
    [
        "Iran denied that it had sent any drones to Russia.",
        "The United States has not seen any movement of ballistic missiles from Iran to Russia.",
        "Germany refused to supply cruise missiles to Ukraine.",
        "Egypt scrapped a deal to buy Su-35 jets from Russia.",
        "North Korea fired two ballistic missiles into the sea on Thursday.",
        "US and Japanese forces held joint exercises with F-35 jets and Patriot batteries.",
        "Iran unveiled a new drone at a parade in Tehran.",
        "Lockheed Martin delivered 140 F-35 jets last year, the company said.",
        "Hyundai Rotem sold tank engines to Hanwha Aerospace.",
        "The state banned the sale of assault rifles.",
        "The Security Council extended the embargo on sales of arms to South Sudan.",
    ],
)
def test_not_an_event(text: str) -> None:
    """Denials, absences, cancelled deals, tests, exercises, domestic sales and bans give no transfer."""
    assert _rows(text) == set()


def test_evidence_points_into_the_text() -> None:
    """Evidence offsets index the text as received."""
    text = "Headline\n\nPoland received 24 TB2 drones from Turkey."
    events = [e for e in extract(text, "a") if isinstance(e, ArmsTransfer)]
    assert events
    for evidence in events[0].evidence:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Chile signed a contract with Hyundai Rotem for 40 K2 tanks.",
            ("KOR", "CHL", "armoured_vehicle", "agreed"),
        ),
        (
            "The first Gripen jets bought from Sweden arrived in Bangkok in May.",
            ("SWE", "THA", "aircraft", "delivered"),
        ),
        (
            "Croatia commissioned six Rafale jets bought from France.",
            ("FRA", "HRV", "aircraft", "delivered"),
        ),
        ("Ecuador expressed interest in 12 Super Tucano aircraft.", ("BRA", "ECU", "aircraft", "considered")),
        (
            "Bolivia's air force received Chinese-made K-8 trainer jets on Monday.",
            ("CHN", "BOL", "aircraft", "delivered"),
        ),
        ("Myanmar is using Russian-made Mi-35 helicopters.", ("RUS", "MMR", "helicopter", "delivered")),
        (
            "Sweden bought 40 Leopard 1 tanks for Ukraine together with Finland.",
            ("FIN", "UKR", "armoured_vehicle", "agreed"),
        ),
        (
            "Coast guards boarded a boat smuggling rifles from Eritrea to Sudan.",
            ("ERI", "SDN", "small_arms", "delivered"),
        ),
        (
            "Canada will provide Latvia with $40 million in military aid, including counter-drone systems.",
            ("CAN", "LVA", "air_defence", "planned"),
        ),
        (
            "Spain announced a new aid package for Moldova that includes Stinger missiles.",
            ("ESP", "MDA", "missile", "planned"),
        ),
        (
            "Taiwan signed a letter of offer and acceptance for 66 F-16 jets.",
            ("USA", "TWN", "aircraft", "agreed"),
        ),
    ],
)
def test_more_ways_of_saying_it(text: str, row: Row) -> None:
    """Contracts with companies, arrivals of bought items, interest, written origins of weapons in use,
    purchases for a third state, smuggling and aid as an object are read as transfers."""
    assert row in _rows(text)


def test_company_supplier_stands_for_its_state() -> None:
    """A company that sells is reported as its home state, with the company kept as an alias."""
    events = extract("Chile signed a contract with Hyundai Rotem for 40 K2 tanks.", "t")
    supplier = next(e.supplier for e in events if isinstance(e, ArmsTransfer))
    assert (supplier.country, supplier.kind) == ("KOR", "state")
    assert "Hyundai Rotem" in supplier.aliases


def test_a_second_supplier_sends_to_the_same_recipient() -> None:
    """ "Y said it would send its own" after "X sent ... to Z" is a transfer from Y to Z."""
    text = "Belgium sent two Gepard systems to Estonia. Austria said it would transfer its Gepards next year."
    assert ("AUT", "EST", "air_defence", "planned") in _rows(text)


def test_more_of_the_system_named_before() -> None:
    """ "plans to buy 36 more" is the system last named, with the new amount."""
    text = "Qatar received 24 Rafale jets from France. Qatar plans to buy 36 more."
    assert ("FRA", "QAT", "aircraft", "planned") in _rows(text)
    assert ("Rafale", 36, 36) in _items(text)


def test_a_request_answered_by_an_approval_is_the_approved_sale() -> None:
    """In a sale approval, the buyer's request is the planned sale, not a separate wish."""
    text = (
        "The State Department approved a possible Foreign Military Sale to Peru of 12 F-16 aircraft. "
        "Peru has requested to buy twelve F-16 Block 70 aircraft."
    )
    assert {r[3] for r in _rows(text)} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile is using F-16 jets against the rebels.",
        "Raytheon won a contract to build Stinger missiles for the U.S. Army.",
        "Navy divers recovered the debris of a drone in the Red Sea.",
    ],
)
def test_use_without_a_written_origin_is_no_transfer(text: str) -> None:
    """Weapons in use are a transfer only when the text says where they were made; domestic orders are none."""
    assert _rows(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury on Tuesday designated four companies and a broker involved in procuring engines for "
        "Venezuela's drone program, pursuant to Executive Order 13382.",
        "The Commerce Department added five Malaysian firms to the Entity List for acquiring radar parts for "
        "Myanmar's air force.",
        "Canada sanctioned a network that sourced and procured missile components for North Korea.",
        "A federal grand jury indicted three men for procuring U.S.-made components for Iran's missile program.",
        "The United Kingdom said it would impose sanctions on Orion Freight LLC if it kept shipping engines to "
        "Belarus.",
    ],
)
def test_a_sanctions_action_is_no_supply_by_its_imposer(text: str) -> None:
    """Designating, listing or charging a procurement network gives no transfer from the one who acts."""
    assert _rows(text) == set()


def test_a_transfer_named_inside_a_designation_keeps_its_stated_parties() -> None:
    """A designated network's deliveries still count when the clause names both supplier and recipient."""
    text = "The Treasury designated two Chinese companies that supplied Iran with drone engines."
    rows = _rows(text)
    assert ("CHN", "IRN", "engine", "delivered") in rows
    assert {(r[0], r[1]) for r in rows} == {("CHN", "IRN")}


def test_weapons_owned_and_supplied_with_something() -> None:
    """ "providing its F-16 fleet with missiles": the jets are Chile's own; the missiles are the item."""
    assert (
        _rows("The sale will improve Chile's defence by providing its F-16 and F-35 fleets with new radars.")
        == set()
    )
    assert _rows("The United States will provide Chile's F-16 fleet with AIM-9 missiles.") == {
        ("USA", "CHL", "missile", "planned")
    }


def test_bare_count_repeats_the_system_last_named() -> None:
    """ "Denmark will send 19 F-16s, while Norway pledged six": six F-16s from Norway, to the same recipient."""
    text = (
        "Belgium has delivered 10 F-16 jets to Ukraine. Denmark will send 19 F-16s, while Norway pledged six."
    )
    assert ("NOR", "UKR", "aircraft", "planned") in _rows(text)
    assert ("F-16", 6, 6) in _items(text)


def test_donors_round_up_goes_to_the_one_recipient() -> None:
    """In a round-up of aid to one state, "Sweden said it would send Archer systems" is aid to that state."""
    text = (
        "Poland will give all its Krab howitzers to Ukraine. "
        "Sweden, meanwhile, said it would send Archer artillery systems."
    )
    assert ("SWE", "UKR", "artillery", "planned") in _rows(text)


def test_a_donation_goes_where_the_donor_sent_before() -> None:
    """ "The Danish donation ... included X" is for the state Denmark was said to give to."""
    text = (
        "Denmark will give 19 Caesar howitzers to Ukraine, the minister said. "
        "The Danish donation comes on top of an earlier package that included Stinger missiles."
    )
    assert any(row[:2] == ("DNK", "UKR") and row[2] in ("air_defence", "missile") for row in _rows(text))


def test_no_supplier_from_an_adjunct_clause() -> None:
    """ "sale of drones to Taiwan, drawing a rebuke from Beijing": Beijing protests, the US sells."""
    assert _rows("US approves sale of attack drones to Taiwan, drawing a rebuke from Beijing") == {
        ("USA", "TWN", "uav", "planned")
    }


def test_who_opposes_a_sale_is_no_party() -> None:
    """ "Moscow opposed the sale of jets to Georgia" names no supplier."""
    assert _rows("Moscow strongly opposed the sale of fighter jets to Georgia.") == set()


def test_to_before_a_verb_or_in_according_to_is_no_recipient() -> None:
    """ "to hit Russian airfields" and "according to U.N. officials" name no recipient."""
    found = _rows("Kyiv used ATACMS missiles provided by Washington to hit Russian airfields.")
    assert not any(row[1] == "RUS" for row in found)
    assert _rows("Most rifles are smuggled from the United States, according to U.N. officials.") == set()


def test_nationality_before_a_plain_noun_is_not_the_subject() -> None:
    """ "train Ukrainian pilots and supply the jets": the pilots are not the supplier."""
    found = _rows(
        "The coalition will train Ukrainian pilots and supply the jets to counter Russian air power."
    )
    assert not any(row[0] == "UKR" for row in found)


def test_navy_ships_is_a_noun() -> None:
    """ "seven navy ships" is no verb of shipping."""
    assert _rows("Taiwan tracked 21 Chinese aircraft and seven navy ships near the island.") == set()


def test_stated_origin_beats_the_carried_supplier() -> None:
    """ "its purchase of the Russian S-400" is from Russia, though the sentence before was a US sale."""
    text = (
        "The US approved the sale of 40 F-16 jets to Turkey. "
        "Ankara was expelled from the F-35 program over its purchase of the Russian S-400 system."
    )
    assert ("RUS", "TUR", "air_defence", "agreed") in _rows(text)
    assert ("USA", "TUR", "air_defence", "agreed") not in _rows(text)


def test_a_deal_for_a_system_made_elsewhere_is_not_carried() -> None:
    """After a Russian sale, "the F-16 deal" is not Russia's."""
    text = (
        "India bought the Russian S-400 system in 2018. "
        "Officials said they hoped the F-16 deal would pave the way for more talks."
    )
    assert not any(row[0] == "RUS" and row[2] == "aircraft" for row in _rows(text))


def test_second_item_after_and_about() -> None:
    """ "talks about buying X and about Y" reads both items."""
    found = _rows("Egypt is in talks with Russia about buying more S-400 units and about the Su-57 fighter.")
    assert found == {("RUS", "EGY", "air_defence", "considered"), ("RUS", "EGY", "aircraft", "considered")}


def test_ammunition_for_a_launcher_does_not_end_the_list() -> None:
    """ "ammunition for HIMARS launchers, 155mm rounds and Stinger missiles": the launchers only qualify."""
    found = _rows(
        "The United States will send Ukraine $300 million in weapons, including ammunition for HIMARS "
        "launchers and Stinger anti-aircraft missiles."
    )
    assert ("USA", "UKR", "ammunition", "planned") in found
    assert ("USA", "UKR", "artillery", "planned") not in found
    assert any(row[2] in ("air_defence", "missile") for row in found)


def test_source_and_year_between_two_items() -> None:
    """ "four Mi-171 helicopters from Russia in 2021 and several L-39 jets": both items."""
    found = _rows(
        "Niger received four Mi-171 helicopters from Russia in 2021 and several Su-25 jets in 2022."
    )
    assert found == {("RUS", "NER", "helicopter", "delivered"), ("RUS", "NER", "aircraft", "delivered")}


def test_took_delivery_with_a_time_between() -> None:
    """ "took delivery on Thursday of ..." is a delivery; "The equipment, which included" lists it."""
    found = _rows(
        "Chad's army took delivery on Thursday of new aircraft from Russia. "
        "The equipment, which included Su-25 jets and Mi-24P helicopters, was shown to the press."
    )
    assert ("RUS", "TCD", "helicopter", "delivered") in found


def test_sale_notice_lines_split_by_semicolons() -> None:
    """A notice's counted lines ("twenty (20) jets; ...; and twelve (12) radars") are all items of the sale."""
    text = (
        "The State Department approved a possible Foreign Military Sale to the Government of Peru of F-16 "
        "aircraft. The Government of Peru has requested to buy twelve (12) F-16 Block 70 aircraft; fourteen "
        "(14) Modular Mission Computers; and twelve (12) AN/APG-83 radars. Also included are AIM-9X missiles."
    )
    found = _rows(text)
    assert ("USA", "PER", "sensor", "planned") in found
    assert ("USA", "PER", "missile", "planned") in found


def test_used_before_a_noun_is_an_adjective() -> None:
    """ "12 used Rafales" are second-hand jets, not jets someone used."""
    assert _rows("Croatia is buying 12 used Rafale jets from France.") == {
        ("FRA", "HRV", "aircraft", "agreed")
    }


def test_vague_counts_do_not_end_a_list() -> None:
    """ "millions of shells and dozens of KN-23 missiles" are two items."""
    found = _rows("Pyongyang has sent Russia millions of artillery shells and dozens of KN-23 missiles.")
    assert found == {("PRK", "RUS", "ammunition", "delivered"), ("PRK", "RUS", "missile", "delivered")}


def test_origin_before_an_unknown_system_name() -> None:
    """ "It also bought Israeli Barak systems": from Israel, though the sentence before was a Korean sale."""
    text = "Vietnam signed a deal for 20 K9 howitzers from South Korea. It also bought Israeli Barak air defence systems."
    assert ("ISR", "VNM", "air_defence", "agreed") in _rows(text)
    assert ("KOR", "VNM", "air_defence", "agreed") not in _rows(text)


def test_difficulty_is_no_transfer() -> None:
    """ "made it harder for Hanoi to obtain spare parts" reports no transfer."""
    text = "Vietnam signed a deal for 20 K9 howitzers from South Korea. Sanctions made it harder for Hanoi to obtain spare parts."
    assert _rows(text) == {("KOR", "VNM", "artillery", "agreed")}


def test_the_country_is_the_state_last_named() -> None:
    """ "The country" after "Algeria ... Russian weapons" is Algeria, not the adjective's Russia."""
    text = (
        "Algeria is a big buyer of Russian weapons. "
        "The country is also negotiating the purchase of Su-35 fighters, according to Russian media."
    )
    assert _rows(text) == {("RUS", "DZA", "aircraft", "considered")}


def test_seized_shipment_to_a_state_goes_to_the_armed_group_named_there() -> None:
    """In a seizure report, rifles "on a route from Iran to Yemen" go to the Houthis the text names."""
    rows = _rows(
        "The Houthi rebels control the capital.\nThe navy seized 900 rifles from Iran bound for Yemen."
    )
    assert rows == {("IRN", "Houthis", "small_arms", "planned")}


def test_interdicts_in_a_headline() -> None:
    """ "Navy interdicts dhow carrying 300 rifles from Iran to Houthis" is a seizure in transit."""
    assert _rows("Navy interdicts dhow carrying 300 rifles from Iran to Houthis\n\nText follows.") == {
        ("IRN", "Houthis", "small_arms", "planned")
    }


def test_sale_notice_list_under_a_request_and_a_heading() -> None:
    """The lines under "has requested to buy:" and an MDE heading are the approved sale's items, planned."""
    text = (
        "The State Department has made a determination approving a possible Foreign Military Sale to the "
        "Taipei Economic and Cultural Representative Office in the United States (TECRO) of Harpoon "
        "missiles for an estimated cost of $500 million.\n\n"
        "The recipient has requested to buy:\n\n"
        "Major Defense Equipment (MDE):\n"
        "Forty (40) Harpoon Block II missiles\n"
        "Four (4) AN/TPS-77 radars\n"
    )
    assert ("USA", "TWN", "missile", "planned") in _rows(text)
    assert ("USA", "TWN", "sensor", "planned") in _rows(text)
    assert ("Harpoon", 40, 40) in _items(text)


def test_a_border_with_a_state_makes_it_no_partner_to_a_deal() -> None:
    """ "the border with China" beside a contract for guns from a domestic maker names no supplier."""
    text = (
        "Vietnam signed a contract on Monday for 40 howitzers from a local manufacturer, as the army "
        "reinforces its positions along the border with China."
    )
    assert _rows(text) == set()


def test_a_financer_of_a_purchase_supplies_its_beneficiary() -> None:
    """ "X will finance the purchase of shells for Y" is X supplying Y, and a place "outside" a state is no party."""
    assert _rows(
        "Norway will finance the purchase of 20,000 artillery shells for Moldova under a plan "
        "to buy ammunition from countries outside the European Union."
    ) == {("NOR", "MDA", "ammunition", "planned")}


def test_a_description_opening_a_sentence_is_the_previous_subject() -> None:
    """ "The Gulf state has also bought ..." is the state the sentence before was about, not its supplier."""
    rows = _rows(
        "Qatar took delivery of 24 Rafale fighter jets from France in 2019. "
        "The Gulf state has also bought NASAMS air defence systems from Norway."
    )
    assert ("NOR", "QAT", "air_defence", "agreed") in rows or (
        "NOR",
        "QAT",
        "air_defence",
        "delivered",
    ) in rows
    assert not any(row[1] == "FRA" for row in rows)


def test_general_news_with_transfer_words_leaves_a_later_transfer_intact() -> None:
    """Sentences that only use transfer words in passing ("supplies were sent") neither add events nor
    disturb the transfer reported after them."""
    text = (
        "Relief supplies were sent by road after the storm. "
        "The deal on fishing quotas was signed late on Friday. "
        "Poland bought 48 K2 battle tanks from South Korea."
    )
    assert _rows(text) == {("KOR", "POL", "armoured_vehicle", "agreed")}


def test_at_least_before_a_count_keeps_the_items_the_object() -> None:
    """ "supplied Chad with at least a dozen helicopters" reads the helicopters as what was supplied."""
    assert _rows("Ankara has supplied Chad with at least a dozen helicopters since 2019.") == {
        ("TUR", "TCD", "helicopter", "delivered")
    }


def test_a_relative_pronoun_subject_is_not_the_previous_sentence_subject() -> None:
    """ "the army built up a fleet of Chinese-made drones, which it has used" gives no drones to the state
    that the sentence before was about."""
    text = (
        "Beijing has supplied Niger with six patrol boats since 2020. "
        "Alongside them, the army has built up a fleet of Israeli-made drones, which it has used in the east."
    )
    rows = _rows(text)
    assert ("CHN", "NER", "ship", "delivered") in rows
    assert not any(row[1] == "CHN" for row in rows)


def test_the_supply_of_items_under_a_deal_with_a_partner() -> None:
    """ "The government signed an agreement with Moscow for the supply of armoured vehicles" is the partner
    supplying the government's state, not an origin adjective named earlier."""
    text = (
        "Laos has received ten Chinese-made drones. "
        "Laos's government also signed an agreement with Moscow for the supply of armoured vehicles."
    )
    assert ("RUS", "LAO", "armoured_vehicle", "agreed") in _rows(text)


def test_a_generic_defence_ministry_belongs_to_the_state_spoken_of() -> None:
    """ "The Ministry of Defence" in a text that never names Britain is the ministry of the state at hand:
    a contract with its own state's maker is a domestic order, no transfer."""
    text = (
        "New Delhi – The Ministry of Defence on Monday signed a contract with Hindustan Aeronautics Limited "
        "for 97 Tejas fighter jets."
    )
    assert _rows(text) == set()


def test_a_participle_after_an_article_is_an_adjective() -> None:
    """ "Spain and Italy will supply missiles for the donated battery, Greek officials said" is Spain and
    Italy supplying the battery's recipient, neither a donation in itself nor a transfer to Greece."""
    text = (
        "Poland will donate a Patriot battery to Ukraine. "
        "Spain and Italy will supply interceptor missiles for the donated battery, Greek officials said."
    )
    rows = _rows(text)
    assert ("ESP", "UKR", "missile", "planned") in rows or ("ESP", "UKR", "air_defence", "planned") in rows
    assert ("ITA", "UKR", "missile", "planned") in rows or ("ITA", "UKR", "air_defence", "planned") in rows
    assert not any(row[1] == "GRC" or row[3] == "delivered" for row in rows if row[0] != "POL")


def test_intercepting_aircraft_is_air_defence_not_a_seizure() -> None:
    """ "credited with intercepting hostile aircraft and drones" adds no drones to the transfer before it."""
    text = (
        "Three S-400 squadrons have been delivered to India by Russia. "
        "The air force credited the system with intercepting hostile aircraft and drones in May."
    )
    assert _rows(text) == {("RUS", "IND", "air_defence", "delivered")}


def test_an_adjective_of_a_thing_after_from_is_no_supplier() -> None:
    """ "a package financed by proceeds from frozen Russian assets" makes Russia no donor."""
    text = (
        "Norway announces a new aid package for Ukraine, financed by proceeds from frozen Russian assets. "
        "The package contains 155mm artillery ammunition."
    )
    rows = _rows(text)
    assert ("NOR", "UKR", "ammunition", "planned") in rows
    assert not any(row[0] == "RUS" for row in rows)


def test_a_partner_together_with_the_subject_supplies_too() -> None:
    """ "Finland, together with Estonia, will pay for CV90 vehicles for the Ukrainian army" names two
    suppliers; a partner of the next verb is not the first verb's."""
    rows = _rows(
        "Finland will fund an initiative that buys artillery shells for Ukraine, and, together with Estonia, "
        "will pay for additional CV90 infantry fighting vehicles for the Ukrainian army."
    )
    assert ("EST", "UKR", "armoured_vehicle", "planned") in rows
    assert ("FIN", "UKR", "armoured_vehicle", "planned") in rows
    assert ("EST", "UKR", "ammunition", "planned") not in rows


def test_it_opening_a_sentence_is_the_subject_of_an_unread_sentence_before() -> None:
    """ "Chile has spent heavily on new aircraft. It had also planned to buy Su-35s from Russia" is Chile,
    not a state named as the maker of other aircraft."""
    text = (
        "Chile signed a contract for 12 KAAN fighters from Turkey. "
        "Chile has spent heavily on new aircraft in recent years. "
        "Alongside U.S.-made transport aircraft, it had also planned to buy eleven Su-35 fighters from Russia."
    )
    rows = _rows(text)
    assert ("RUS", "CHL", "aircraft", "planned") in rows
    assert not any(row[1] in ("TUR", "USA") for row in rows)


def test_two_orders_each_from_its_maker() -> None:
    """ "contracts for 48 KAAN fighters from Turkish Aerospace and for 60 TB3 drones from Baykar" gives both."""
    rows = _rows(
        "Malaysia has signed contracts for 48 KAAN fighters from Turkish Aerospace and for sixty Bayraktar TB3 "
        "drones from Baykar."
    )
    assert ("TUR", "MYS", "aircraft", "agreed") in rows
    assert ("TUR", "MYS", "uav", "agreed") in rows


def test_a_headline_subject_to_verb_is_a_plan() -> None:
    """ "Norway to give NASAMS battery to Ukraine" is planned, not delivered."""
    assert _rows("Norway to give NASAMS battery to Ukraine\n\nMore follows.") == {
        ("NOR", "UKR", "air_defence", "planned")
    }


def test_an_objector_after_a_move_that_is_no_supplier() -> None:
    """ "cleared a sale of missiles to Taiwan, a move that drew a rebuke from Beijing" keeps China out."""
    rows = _rows(
        "The U.S. State Department cleared a possible sale of anti-ship missiles to Taiwan, "
        "a move that drew an immediate rebuke from Beijing."
    )
    assert rows == {("USA", "TWN", "missile", "planned")}


def test_a_ministry_in_a_capital_is_that_state() -> None:
    """ "The defence ministry in Seoul said it was in talks about sales of K2 tanks to Peru" is Korea
    selling, not the state of the sentence before."""
    text = (
        "Bucharest signed a contract with Hanwha for 54 K9 howitzers. "
        "The defence ministry in Seoul said it was in talks about possible further sales of K2 tanks to Peru."
    )
    rows = _rows(text)
    assert ("KOR", "PER", "armoured_vehicle", "considered") in rows
    assert not any(row[0] == "ROU" for row in rows)


def test_the_head_of_a_relative_clause_supplies() -> None:
    """ "second only to Britain, which has supplied Kyiv with Storm Shadow missiles" makes Britain the
    supplier, not the state the sentence opens with."""
    rows = _rows(
        "The minister said Norway ranked second only to Britain, which has supplied Kyiv with Storm Shadow "
        "missiles and Challenger 2 tanks."
    )
    assert ("GBR", "UKR", "missile", "delivered") in rows
    assert not any(row[0] == "NOR" for row in rows)


def test_three_more_in_the_same_sentence() -> None:
    """ "Poland sent 14 Leopard 2A4 tanks, while Norway gave eight more" counts Leopards for Norway."""
    items = _items("Poland sent 14 Leopard 2A4 tanks to Ukraine, while Norway gave eight more.")
    assert ("Leopard 2A4", 8, 8) in items


def test_urging_others_to_send_is_no_transfer() -> None:
    """ "lawmakers called on the government to send Taurus missiles" gives nothing."""
    rows = _rows(
        "Germany delivered two IRIS-T systems to Ukraine. "
        "Lawmakers called on the government to send Taurus missiles as well."
    )
    assert rows == {("DEU", "UKR", "air_defence", "delivered")}


def test_received_items_pledged_by_a_donor() -> None:
    """ "Kyiv has received the 12 F-16 jets pledged by Norway" has Norway, not the maker, as supplier."""
    assert _rows("Kyiv has received the 12 F-16 jets pledged by Norway.") == {
        ("NOR", "UKR", "aircraft", "delivered")
    }


def test_a_count_out_of_a_total() -> None:
    """ "Sweden delivered four of the eight it pledged" counts four of the system named before."""
    items = _items(
        "Norway sent ten NASAMS launchers to Ukraine. Sweden delivered four of the eight it pledged."
    )
    assert ("NASAMS", 4, 4) in items


def test_suppliers_listed_after_from() -> None:
    """ "bought shells from Bulgaria, Romania and Greece" gives one transfer from each, but not from a state
    that opens a report ("from Bulgaria, Romania said")."""
    rows = _rows("Kyiv bought artillery shells from Bulgaria, Romania and Greece last year.")
    assert {row[0] for row in rows} == {"BGR", "ROU", "GRC"}
    rows = _rows("Kyiv bought artillery shells from Bulgaria, Romania said.")
    assert {row[0] for row in rows} == {"BGR"}


def test_weapons_supplied_by_a_state_including_a_list() -> None:
    """ "use weapons supplied by Iran, including Noor missiles and Ababil drones" names both systems."""
    rows = _rows("Hezbollah uses weapons supplied by Iran, including Noor missiles and Ababil-2 drones.")
    assert ("IRN", "Hezbollah", "missile", "delivered") in rows
    assert ("IRN", "Hezbollah", "uav", "delivered") in rows


def test_attacked_with_weapons_supplied_by_a_state() -> None:
    """ "the militia shelled the town with rockets supplied by Iran" makes the militia the recipient."""
    rows = _rows("Hezbollah shelled the border town with Burkan rockets supplied by Iran.")
    assert {(row[0], row[1]) for row in rows} == {("IRN", "Hezbollah")}


def test_recipients_listed_after_to() -> None:
    """ "sold TB2 drones to Kenya, Niger and Togo" gives one transfer to each state listed, but not to a
    state that opens a clause of its own ("to Kenya and Niger will ...")."""
    rows = _rows("Turkey has sold Bayraktar TB2 drones to Kenya, Niger and Togo.")
    assert {row[1] for row in rows} == {"KEN", "NER", "TGO"}
    rows = _rows("Israel delivered radars to Chile, and Peru will buy them too.")
    assert {row[1] for row in rows} == {"CHL"}


def test_customers_read_out_after_a_count_of_countries() -> None:
    """ "exported the drone to more than 20 countries, including Qatar and Niger" names those two buyers."""
    rows = _rows("Baykar has exported its TB2 drone to more than 20 countries, including Qatar and Niger.")
    assert {row[1] for row in rows} == {"QAT", "NER"}


def test_each_item_to_its_own_destination() -> None:
    """ "sales of K2 tanks to Peru and of K9 howitzers to Egypt" sends each system to its own buyer, also
    when a second system and its buyers follow a first list ("and its Akinci drone to ...")."""
    rows = _rows("South Korea has agreed sales of K2 tanks to Peru and of K9 howitzers to Egypt.")
    assert rows == {("KOR", "PER", "armoured_vehicle", "agreed"), ("KOR", "EGY", "artillery", "agreed")}
    items = {
        (e.recipient.country, i.designation)
        for e in extract(
            "Turkey exported TB2 drones to Qatar and Niger, and its larger Akinci drone to Kuwait.", "t"
        )
        if isinstance(e, ArmsTransfer)
        for i in e.items
    }
    assert items == {("QAT", "Bayraktar TB2"), ("NER", "Bayraktar TB2"), ("KWT", "Bayraktar Akinci")}


def test_a_plural_head_ends_a_system_before_and() -> None:
    """ "received Mi-8 helicopters, L-39 trainers and radars from Russia" gives the jets and the radars
    as two items, not one radar named L-39."""
    rows = _rows("Niger has received Mi-8 helicopters, L-39 trainers and radar systems from Russia.")
    assert rows == {
        ("RUS", "NER", "helicopter", "delivered"),
        ("RUS", "NER", "aircraft", "delivered"),
        ("RUS", "NER", "sensor", "delivered"),
    }


def test_a_count_of_them_takes_the_system_and_its_maker() -> None:
    """ "Saab builds the Gripen ... Brazil has ordered 36 of them" is Sweden's sale of 36 Gripens to Brazil."""
    text = "Saab builds the Gripen fighter for export. Brazil has ordered 36 of them."
    assert _rows(text) == {("SWE", "BRA", "aircraft", "agreed")}
    assert _items(text) == [("Gripen", 36, 36)]


def test_a_count_of_the_launchers_takes_the_system_named_before() -> None:
    """ "Latvia has received six of the launchers" counts the rocket system named in the sentence before."""
    text = "Lockheed Martin makes the HIMARS launcher. Latvia has received six of the launchers."
    assert _rows(text) == {("USA", "LVA", "artillery", "delivered")}
    assert _items(text) == [("HIMARS", 6, 6)]


def test_an_unknown_line_does_not_end_a_sale_notice_list() -> None:
    """In a sale notice's list of counted lines, a line naming no known system does not cut off the lines
    after it: the missiles on the last line join the approved sale."""
    text = (
        "The State Department has approved a possible Foreign Military Sale to the Government of Chile.\n"
        "The Government of Chile has requested to buy:\n"
        "Major Defense Equipment (MDE):\n"
        "Four (4) MH-60R helicopters\n"
        "Six (6) Zorbex Mk 7 consoles\n"
        "Twelve (12) AGM-114R Hellfire missiles\n"
    )
    assert ("USA", "CHL", "missile", "planned") in _rows(text)


def test_a_purpose_after_an_item_does_not_end_an_aid_list() -> None:
    """ "rockets for air defence, Hawk missiles, ..." keeps every item of the package after the purpose."""
    text = (
        "Canada unveiled a new aid package for Moldova. The package includes rockets for air defence, "
        "Hawk missiles, mortar rounds and 12 armoured vehicles."
    )
    rows = _rows(text)
    assert ("CAN", "MDA", "ammunition", "planned") in rows
    assert ("CAN", "MDA", "armoured_vehicle", "planned") in rows
    assert ("HAWK", None, None) in _items(text)


def test_interceptors_for_a_system_take_its_name() -> None:
    """ "interceptors for IRIS-T" are the interceptors of that system, and the list goes on after them."""
    text = "Austria will send Slovakia a package including interceptors for IRIS-T, mortar rounds and radars."
    items = _items(text)
    assert ("IRIS-T SLM", None, None) in items
    assert ("AUT", "SVK", "sensor", "planned") in _rows(text)


def test_a_donation_package_carries_its_list_to_the_recipient_of_the_round_up() -> None:
    """A donor's "donation package, which includes ..." with no recipient named goes to the state the
    round-up of donors is about."""
    text = (
        "Sweden sent 20 trucks and 4 radars to Georgia in May. "
        "Finland has announced its ninth donation package, which includes shells, drones and Patria vehicles."
    )
    rows = _rows(text)
    assert ("FIN", "GEO", "uav", "planned") in rows
    assert ("FIN", "GEO", "ammunition", "planned") in rows


def test_a_list_after_a_reporting_aside_belongs_to_the_weapons_sent() -> None:
    """ "weapons drawn from its stocks, the ministry said on Monday, including X, Y" sends X and Y."""
    text = (
        "Poland will send Ukraine a new package of weapons drawn from its own stocks, the ministry said on "
        "Monday, including Piorun missiles, mortar rounds and 10 Rosomak vehicles."
    )
    rows = _rows(text)
    assert ("POL", "UKR", "ammunition", "planned") in rows
    assert ("POL", "UKR", "armoured_vehicle", "planned") in rows


def test_a_sale_cleared_in_an_approval_comes_from_the_approver_not_the_maker() -> None:
    """After "the State Department approved", "Chile was cleared to buy IRIS-T" is a US sale, not a German one."""
    text = (
        "The State Department on Monday approved two possible arms sales. "
        "Chile was cleared to buy IRIS-T launchers in a deal worth $900 million."
    )
    assert _rows(text) == {("USA", "CHL", "air_defence", "planned")}


def test_a_package_of_an_approval_comes_from_the_approver() -> None:
    """ "The package would give Ecuador three NASAMS, along with 60 AIM-120 missiles" after a US approval
    is a US sale of both, the missiles after "along with" included."""
    text = (
        "The State Department approved a possible arms sale on Friday. "
        "The package would give Ecuador three NASAMS, along with 60 AIM-120 missiles."
    )
    assert _rows(text) == {("USA", "ECU", "air_defence", "planned"), ("USA", "ECU", "missile", "planned")}
    assert ("AIM-120 AMRAAM", 60, 60) in _items(text)


def test_a_sale_with_no_approval_near_keeps_the_maker_as_supplier() -> None:
    """A purchase with no supplier named, far from any approval wording, still comes from the system's maker."""
    text = "The State Department approved a sale of radars to Chile. Peru plans to buy K2 tanks."
    assert ("KOR", "PER", "armoured_vehicle", "planned") in _rows(text)


def test_a_buyers_own_industry_gives_no_transfer_and_hides_no_later_source() -> None:
    """ "Japan will buy missiles from Mitsubishi Heavy Industries" is a domestic order; a company named
    "from" later in the sentence is not taken as its source."""
    text = (
        "Japan's defence ministry said it would buy 400 Type-12 missiles from Mitsubishi Heavy Industries, "
        "and the Thai army received its first radars from LIG Nex1."
    )
    assert not {row for row in _rows(text) if row[2] == "missile"}


def test_an_unknown_source_after_from_is_not_replaced_by_a_later_one() -> None:
    """ "bought drones from Zenith Aero, and ... from Baykar": the first purchase has no known source."""
    text = "Chad bought 20 drones from Zenith Aero last year, and Niger got six more from Baykar in May."
    assert ("TUR", "TCD", "uav", "agreed") not in _rows(text)


def test_the_guns_after_howitzers_are_the_howitzers() -> None:
    """ "ordered 30 K9 howitzers and 10 K10 vehicles, and the first guns arrived" delivers the howitzers,
    not small arms."""
    text = "Estonia ordered 30 K9 howitzers and 10 K10 resupply vehicles from Hanwha, and the first guns arrived."
    rows = _rows(text)
    assert ("KOR", "EST", "artillery", "delivered") in rows
    assert not {row for row in rows if row[2] == "small_arms"}


def test_a_seizing_navy_is_no_origin_and_the_cargo_is_not_delivered() -> None:
    """ "the U.S. Navy seized drone engines bound for the Houthis" names no U.S. supply; the cargo sent
    from Iran is planned, since it never arrived."""
    text = (
        "The U.S. Navy seized drone engines and missile parts from Iran bound for the Houthis "
        "in Yemen on Friday."
    )
    rows = _rows(text)
    assert not {row for row in rows if row[0] == "USA"}
    assert {row[3] for row in rows if row[0] == "IRN"} == {"planned"}


def test_a_state_studying_an_offer_from_a_state_considers_buying() -> None:
    """ "Chile is studying an offer from France for 12 Rafale jets" is a French sale under consideration."""
    text = "Chile is studying an offer from France for 12 Rafale jets, officials said."
    assert ("FRA", "CHL", "aircraft", "considered") in _rows(text)


def test_a_maker_studying_a_buyers_offer_supplies_it() -> None:
    """A company that weighs an offer from a state is the seller, the state the buyer."""
    text = "Hanwha sold K9 howitzers to Norway. The company is weighing an offer from Peru for 30 of the K9s."
    rows = _rows(text)
    assert ("KOR", "PER", "artillery", "considered") in rows
    assert not {row for row in rows if row[0] == "PER"}


def test_an_offer_for_more_counts_the_system_named_before() -> None:
    """ "Chile, which flies F-16s, is weighing an offer for more" considers more of the system last named."""
    text = "Lockheed Martin has delivered F-16 jets to Romania. Chile, which flies 10 of them, is weighing an offer for more."
    assert ("USA", "CHL", "aircraft", "considered") in _rows(text)


def test_a_sale_notice_counts_codes_and_blocks_right() -> None:
    """Lines of a notice count their own system: a slash between blocks or a radar's number is no count."""
    text = (
        "The State Department has approved a possible Foreign Military Sale to the Government of Chile of "
        "F-16 Block 50/52 aircraft. The Government of Chile has requested to buy:\n\n"
        "Major Defense Equipment (MDE):\n"
        "Ten (10) F-16 Block 50/52 aircraft;\n"
        "Twelve (12) F100-PW-229 engines;\n"
        "Eleven (11) AN/APG-68 radars."
    )
    items = _items(text)
    assert ("F100-PW-229", 12, 12) in items
    assert ("AN/APG-68", 11, 11) in items
    assert not [item for item in items if item[1] in (52, 68)]


def _counted(text: str) -> set[tuple[str | None, str, int | None]]:
    return {
        (event.recipient.country, event.status, item.quantity.min if item.quantity else None)
        for event in extract(text, "test")
        if isinstance(event, ArmsTransfer)
        for item in event.items
    }


def test_a_delivered_share_of_an_order_counts_both() -> None:
    """ "delivered 40 of the 64 frigates Chile ordered": 40 delivered to the buyer, 64 agreed."""
    rows = _counted("Naval Group has delivered 40 of the 64 Gowind corvettes Chile ordered in 2019.")
    assert ("CHL", "delivered", 40) in rows
    assert ("CHL", "agreed", 64) in rows


def test_a_share_handed_over_to_whoever_ordered_it() -> None:
    """ "handed over 5 of the 16 drones ordered by Kenya": the buyer named after the items received them."""
    rows = _counted("Baykar has handed over 5 of the 16 TB2 drones ordered by Kenya.")
    assert ("KEN", "delivered", 5) in rows
    assert ("KEN", "agreed", 16) in rows


def test_each_item_keeps_the_source_named_after_it() -> None:
    """ "received NASAMS from Norway and Crotale systems from France": each system from its own supplier."""
    rows = _rows("Cyprus has received NASAMS launchers from Norway and Crotale systems from France.")
    assert ("NOR", "CYP", "air_defence", "delivered") in rows
    assert ("FRA", "CYP", "air_defence", "delivered") in rows
    assert {row[0] for row in rows} == {"NOR", "FRA"}


def test_a_fleet_in_use_from_named_suppliers_was_delivered() -> None:
    """ "operates Mirage jets from France and Su-30 fighters from Russia": both fleets were delivered."""
    rows = _rows("Algeria's air force operates Mirage 2000 jets from France and Su-30 fighters from Russia.")
    assert ("FRA", "DZA", "aircraft", "delivered") in rows
    assert ("RUS", "DZA", "aircraft", "delivered") in rows


def test_used_items_bought_from_a_seller_were_delivered_by_it() -> None:
    """ "operates drones bought from Turkey" is a delivery from Turkey, not a bare purchase."""
    assert _rows("Chad also operates Anka drones bought from Turkey.") == {("TUR", "TCD", "uav", "delivered")}


def test_a_state_adjective_on_weapons_in_use_names_their_supplier() -> None:
    """ "operates Chinese HQ-9 systems" is a delivery from China; a user's own make gives none."""
    assert _rows("Bangladesh also operates Chinese FM-90 air defence systems.") == {
        ("CHN", "BGD", "air_defence", "delivered")
    }
    assert _rows("Ukraine uses Ukrainian drones.") == set()


def test_a_place_after_from_is_no_source() -> None:
    """ "flies F-16s from Polish airfields" names a base, not a supplier."""
    assert not _rows("The wing flies F-16s from Polish airfields.")


def test_an_ongoing_refusal_gives_no_transfer() -> None:
    """ "is still refusing to hand over" the missiles: a refusal is no delivery."""
    rows = _items(
        "Spain has sent armoured cars to Ukraine but is still declining to hand over Meteor missiles."
    )
    assert not [item for item in rows if item[0] == "Meteor"]
    assert not _rows("The Swedish government keeps refusing to supply Gripen jets to Ukraine.")


def test_a_contract_partner_named_with_its_ministry_is_the_buyer() -> None:
    """ "signed a contract with Chile's defence ministry to supply" tanks: the signer supplies, Chile buys."""
    rows = _rows(
        "Rheinmetall said it had signed a contract with Chile's Ministry of National Defence to supply 30 Leopard 2 tanks."
    )
    assert rows == {("DEU", "CHL", "armoured_vehicle", "agreed")}


def test_a_buyer_reported_to_have_agreed_is_the_subject() -> None:
    """ "Peru is reported to have agreed to buy" jets: the report does not hide who buys."""
    assert _rows("Peru is reported to have agreed to buy 24 Gripen jets from Sweden.") == {
        ("SWE", "PER", "aircraft", "agreed")
    }


def test_signing_for_items_is_an_order() -> None:
    """ "signed for 12 Rafales from France" is a contract for them."""
    assert _rows("Croatia signed for 12 Rafales from France last year.") == {
        ("FRA", "HRV", "aircraft", "agreed")
    }


def test_allies_who_paid_for_received_items_supplied_none() -> None:
    """ "took delivery of drones that its partners had bought for it": the maker supplied, no one else."""
    rows = _rows(
        "Qatar received its first TB2s in May, and Latvia took delivery of four TB2 drones that Poland's partners had bought for it."
    )
    assert rows == {("TUR", "LVA", "uav", "delivered"), ("TUR", "QAT", "uav", "delivered")}


def test_a_system_described_in_an_apposition_is_the_subject() -> None:
    """ "the K9, a tracked howitzer, has been exported to" names the K9 as what was exported."""
    assert _rows("The K9, a self-propelled howitzer, has been exported to Finland and Estonia.") == {
        ("KOR", "FIN", "artillery", "delivered"),
        ("KOR", "EST", "artillery", "delivered"),
    }


def test_a_listed_destination_before_an_attribution_is_kept() -> None:
    """ "to Kenya and Ghana, according to" the firm: Ghana is the last destination, not a speaker."""
    assert _rows("The Anka drone has been exported to Kenya and Ghana, according to the maker.") == {
        ("TUR", "KEN", "uav", "delivered"),
        ("TUR", "GHA", "uav", "delivered"),
    }


def test_a_system_listed_after_another_states_weapons_keeps_its_maker() -> None:
    """ "with Turkish drones, K9 order": the K9 is Korean, not Turkish."""
    assert _rows("Qatar bolsters army with Turkish drones, K9 order") == {
        ("TUR", "QAT", "uav", "agreed"),
        ("KOR", "QAT", "artillery", "agreed"),
    }


def test_the_country_after_its_officials_is_their_state() -> None:
    """ "Finnish officials said the country is weighing a purchase": Finland buys, not the state named before."""
    rows = _rows(
        "Helsinki sent its old Hamina boats to Estonia in 2020. Finnish officials said the country is now weighing a purchase of two Patriot batteries from the United States."
    )
    assert ("USA", "EST", "air_defence", "considered") not in rows
    assert ("USA", "FIN", "air_defence", "considered") in rows


def test_items_bought_to_be_sent_to_another_state_are_given_by_the_buyer() -> None:
    """ "signed a contract for Ukrainian-built boats to be sent to the Ukrainian navy": the buyer gives them."""
    rows = _rows(
        "Sweden has signed a contract for 40 Ukrainian-built patrol drones to be sent to the Ukrainian army, the ministry said."
    )
    assert rows == {("SWE", "UKR", "uav", "agreed")}


def test_two_signing_states_split_into_maker_and_buyer() -> None:
    """ "Brazil and Sweden signed an agreement for the purchase of Gripens": Sweden sells, Brazil buys."""
    rows = _rows(
        "Peru and Sweden on Friday signed an agreement for the purchase of 18 Gripen fighters for the Peruvian Air Force."
    )
    assert rows == {("SWE", "PER", "aircraft", "agreed")}


def test_a_fleet_in_use_that_a_state_delivered_came_from_it() -> None:
    """ "flies 30 Rafale jets that France delivered": France delivered them to the operator."""
    assert _rows("The Greek Air Force already flies 24 Rafale jets that France delivered in 2023.") == {
        ("FRA", "GRC", "aircraft", "delivered")
    }


def test_studying_a_proposal_to_buy_is_considered() -> None:
    """ "is studying a proposal to buy 12 Gripens from Sweden": the purchase is weighed, not made."""
    assert _rows("Chile is studying a proposal to buy 12 Gripen fighters from Sweden.") == {
        ("SWE", "CHL", "aircraft", "considered")
    }


def test_the_perfect_after_a_pledge_tells_a_delivery() -> None:
    """ "has pledged 2 billion euros ... and has already sent 18 Leopard tanks": the tanks were delivered."""
    assert _rows(
        "Germany has pledged 2 billion euros in aid to Ukraine, and has already sent 18 Leopard tanks."
    ) == {("DEU", "UKR", "armoured_vehicle", "delivered")}


def test_weapons_fired_or_flown_come_from_their_maker() -> None:
    """ "fired Iranian-supplied missiles", "flew Chinese-made jets": a delivery from the maker; own weapons give none."""
    assert _rows("The Houthis fired Iranian-supplied cruise missiles at a tanker.") == {
        ("IRN", "Houthis", "missile", "delivered")
    }
    assert _rows("Russian troops launched North Korean-made KN-23 missiles at Odesa.") == {
        ("PRK", "RUS", "missile", "delivered")
    }
    assert _rows("Egypt's air force flew Chinese-made J-10C jets at the parade.") == {
        ("CHN", "EGY", "aircraft", "delivered")
    }
    assert _rows("North Korea fired two ballistic missiles into the sea.") == set()
    assert _rows("Germany handed over one more IRIS-T fire unit to Ukraine.") == {
        ("DEU", "UKR", "air_defence", "delivered")
    }


def test_a_state_named_after_a_comma_and_with_its_own_verb_opens_a_clause() -> None:
    """ "to Bulgaria, and Germany is weighing ...": Germany is the subject of a clause of its own, neither a
    further buyer of the first sale nor a party to it; its own transfer keeps its own parties."""
    assert _rows(
        "The United States approved the sale of 12 F-16 jets to Bulgaria, and Germany is weighing an offer of "
        "Eurofighter jets."
    ) == {("USA", "BGR", "aircraft", "planned")}
    assert _rows(
        "The United States approved the sale of 12 F-16 jets to Bulgaria, and the United Kingdom has already "
        "sent 4 Typhoon jets to Qatar."
    ) == {("USA", "BGR", "aircraft", "planned"), ("GBR", "QAT", "aircraft", "delivered")}
    assert _rows(
        "Washington cleared the sale of 40 Patriot missiles to Kuwait, and Italy has received 30 NH90 "
        "helicopters from France."
    ) == {("USA", "KWT", "air_defence", "planned"), ("FRA", "ITA", "helicopter", "delivered")}
    assert _rows("France delivered Caesar howitzers to Ukraine, and Armenia received six more.") == {
        ("FRA", "UKR", "artillery", "delivered"),
        ("FRA", "ARM", "artillery", "delivered"),
    }


def test_a_list_of_buyers_after_a_comma_and_stays_a_list() -> None:
    """ "to Ukraine, Romania, and Armenia": without a verb of their own the states are all buyers."""
    assert _rows("France delivered Caesar howitzers to Ukraine, Romania, and Armenia.") == {
        ("FRA", "UKR", "artillery", "delivered"),
        ("FRA", "ROU", "artillery", "delivered"),
        ("FRA", "ARM", "artillery", "delivered"),
    }


def test_a_funding_round_is_no_ammunition() -> None:
    """ "raised 4 million in a funding round" in an article about a sale adds no ammunition transfer; rounds
    of ammunition still count."""
    text = (
        "Germany finalized a deal to sell 24 F-16 fighter jets to Ukraine, according to a statement. "
        "A startup based in Salzburg raised 4 million in a funding round led by regional investors."
    )
    assert _rows(text) == {("DEU", "UKR", "aircraft", "agreed")}
    assert _rows("Germany delivered 40,000 rounds of ammunition to Ukraine.") == {
        ("DEU", "UKR", "ammunition", "delivered")
    }
