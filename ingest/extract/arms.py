"""Arms transfers: who supplies which weapons to whom, and how far it has got.

Reading is clause by clause. A clause holds actor mentions (`actors.py`),
weapon mentions (`weapons.py`), transfer words and status cues (the data files
`data/arms_lexicon.tsv` and `data/arms_cues.tsv`). Each transfer word is read
with its grammar: "X provided Y with N drones", "Y bought ... from X", "the sale
of ... to Y", passives ("were delivered to Y by X"), arrivals, seizures of
shipments in transit, aid packages and their lists, deals. The status comes from
the word and the cues before it (tense, modality, negation). What a clause
leaves open (the supplier of "the shipment included ...") is taken from the
transfer read just before, within a short distance; a donation or a package
whose recipient is left open goes to the donor's last recipient, and in a
round-up of what several states give one recipient ("Sweden said it would send
Archer systems") to that recipient; nothing else is guessed.

No event comes from a denial or a cancelled deal, from a clause without a
weapon, or between two parties of one state.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal, cast

from ingest.extract.actors import ActorRef, Mention, Token, country, gazetteer
from ingest.extract.document import ArmsDraft, Clause, Document
from ingest.extract.quantity import quantity_after, quantity_before, share_of
from ingest.extract.sanctions import DOCUMENT_CUES
from ingest.extract.tables import rows
from ingest.extract.text import MONTH_ABBREVIATIONS, Sentence, Vocabulary, Words, ascii_translate, byte_table
from ingest.extract.values import Shared, Value
from ingest.extract.weapons import (
    FIRST_WORD,
    WeaponMention,
    WeaponScreen,
    find_weapons,
    first_words,
    may_name_weapons,
    weapon_screen,
)
from ingest.models import Actor, ArmsStatus, Item, ItemCategory, Quantity

Role = Literal["give", "get", "arrive", "seize", "give_noun", "get_noun", "deal", "package", "include", "use"]
CueKind = Literal[
    "negation", "reversal", "conditional", "considered", "planned", "modal", "agreed", "report", "enforcement"
]

_NOUN_ROLES = frozenset({"give_noun", "get_noun", "deal", "package", "seize_noun"})
_BUY_WORDS = frozenset(["buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "purchasing", "acquire", "acquires", "acquired", "acquiring", "order", "orders", "ordered", "ordering", "procure", "procures", "procured", "procuring"])  # fmt: skip
_FINANCING = frozenset(["finance", "finances", "financed", "financing", "fund", "funds", "funded", "funding", "bankroll", "bankrolls", "bankrolled", "bankrolling", "pay", "pays", "paid", "paying"])  # fmt: skip
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "to",
        "from",
        "with",
        "by",
        "for",
        "at",
        "on",
        "against",
        "into",
        "between",
        "among",
        "about",
        "over",
        "under",
        "than",
        "after",
        "before",
        "across",
        "near",
        "toward",
        "towards",
        "regarding",
        "like",
        "including",
        "despite",
        "via",
        "per",
        "amid",
        "within",
        "without",
        "beyond",
        "outside",
        "behind",
        "during",
        "using",
        "aboard",
        "through",
        "since",
        "until",
    ]
)
_GAP_BLOCKERS = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "over",
        "against",
        "using",
        "under",
        "after",
        "since",
        "by",
        "from",
        "via",
        "aboard",
        "within",
        "outside",
        "beyond",
        "through",
        "across",
        "into",
        "which",
        "who",
        "whose",
        "where",
        "when",
        "because",
        "while",
    ]
)
_LIST_WORDS = frozenset(
    [
        "and",
        "or",
        "as",
        "well",
        "including",
        "such",
        "together",
        "along",
        "plus",
        "also",
        "the",
        "a",
        "an",
        "its",
        "their",
    ]
)
_RESTARTS = (
    ("including",), ("such", "as"), ("as", "well", "as"), ("among", "them"), ("together", "with"), ("and", "of"),
    ("along", "with"),
    ("and", "about"),
)  # fmt: skip
_TIME_WORDS = MONTH_ABBREVIATIONS | frozenset(
    [
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ]
)
_OWNER_HEADS = frozenset(
    [
        "junta",
        "air",
        "defence",
        "defense",
        "armed",
        "troops",
        "coast",
        "government",
        "military",
        "army",
        "forces",
        "navy",
        "ministry",
        "authorities",
        "administration",
        "regime",
        "side",
        "leadership",
    ]
)
_SEATED = frozenset(["ministry", "government", "officials", "authorities", "leadership", "regime", "administration", "junta"])  # fmt: skip
_SOURCE_HEADS = frozenset(["stocks", "stockpiles", "arsenals", "inventories", "industry", "industries", "manufacturers", "producers", "shipyards", "factories", "plants", "sources", "side"])  # fmt: skip
_MODIFIER_HEADS = frozenset(["member", "members", "ally", "allies", "partner", "partners"])
_COMPOUND_HEADS = frozenset(
    ["based", "backed", "aligned", "led", "born", "linked", "owned", "run", "headquartered", "registered"]
)
_MADE = frozenset(
    [
        "made",
        "built",
        "manufactured",
        "produced",
        "supplied",
        "provided",
        "designed",
        "developed",
        "origin",
        "sourced",
    ]
)
_PERSONS = frozenset("he she we i you").union({"us"})
_PRONOUNS = frozenset({"it", "they"})
_COUNTRY_NOUNS = frozenset(["country", "nation", "kingdom", "republic", "state", "emirate", "island"])
_COMPANY_NOUNS = frozenset(["company", "firm", "manufacturer", "maker", "contractor", "group"])
_GOVERNMENT_OWNERS = frozenset(["his", "her", "its", "their", "the"])
_NOUN_LEFT = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "these",
        "that",
        "those",
        "his",
        "her",
        "our",
        "any",
        "further",
        "new",
        "first",
        "possible",
        "planned",
        "proposed",
        "future",
        "arms",
        "weapons",
        "weapon",
        "drone",
        "drones",
        "missile",
        "tank",
        "military",
        "defence",
        "defense",
    ]
)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "thirteen",
        "fourteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "dozen",
        "hundred",
        "dozens",
        "hundreds",
        "thousands",
        "several",
    ]
)
_AUXILIARIES = frozenset(
    [
        "to",
        "will",
        "would",
        "shall",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "not",
    ]
)
_LISTING_VERBS = frozenset(
    ["add", "adds", "added", "adding", "place", "places", "placed", "placing", "put", "puts"]
)
_RECIPIENT_VERBS = frozenset(["help", "support", "assist", "bolster", "arm", "equip", "strengthen"])
_JOINTLY = frozenset(["together", "jointly", "along"])
_NOT_DEAL_WITH = frozenset(["border", "borders", "frontier", "ties", "relations", "tensions", "clashes", "war", "conflict", "dispute", "standoff", "rivalry", "fighting"])  # fmt: skip
_MANY_CLAUSES = 200
_MAX_TRIGGERS = 12  # transfer words read in one sentence; prose never has more, word lists do
_MAX_READ = 80  # sentences with transfer words read in one document: bounds the time any input takes
_SUBJECT_REACH = 30  # words: a subject further from its verb than this is not read
_OBJECTING = frozenset(
    ["opposed", "opposes", "oppose", "condemned", "condemns", "condemn", "criticized", "criticised",
     "criticizes", "criticises", "denounced", "denounces", "protested", "protests", "slammed", "slams",
     "blasted", "decried", "decries", "objected", "objects", "rejected", "rejects", "warned", "warns"]
)  # fmt: skip
_AGENT_HEADS = _OWNER_HEADS | frozenset(
    ["officials", "company", "companies", "firm", "firms", "entity", "entities", "manufacturer", "maker",
     "state", "businesses", "agents", "suppliers", "buyers", "intermediaries", "networks", "traders", "procurement"]
)  # fmt: skip
_NOT_RECIPIENT_TO = frozenset(
    ["according", "due", "owing", "thanks", "compared", "close", "next", "prior", "addition", "contrary",
     "pursuant", "response", "relation", "regard", "respect", "similar", "opposed", "subject"]
)  # fmt: skip
_TO_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "both", "all", "fellow", "war-torn", "embattled",
     "neighbouring", "neighboring", "allied", "eastern", "western", "northern", "southern", "government"]
)  # fmt: skip
_GENERIC_PLURALS = frozenset(
    ["launchers", "systems", "units", "batteries", "platforms"]
)  # "eight of the launchers"
_VAGUE_COUNTS = frozenset(["dozens", "hundreds", "thousands", "millions", "tens", "several", "scores"])
_COUNTED_LINE = re.compile(r"\s*(?:and\s+)?(?:up\s+to\s+)?(?:[a-z]+(?:-[a-z]+)?\s+\(\d[\d,]*\)|\d[\d,]*)\s")
_OWNER_WORDS = frozenset(["its", "their", "his", "her", "our"])
_FLEET_WORDS = frozenset(["fleet", "fleets", "squadron", "squadrons", "force", "forces", "units", "crews"])
# organs named without their state: theirs only where the document names that state too
_GENERIC_ORGANS = frozenset(["ministry of defence", "ministry of defense", "mod", "defence ministry", "defense ministry"])  # fmt: skip
_DONOR_REACH = 6  # sentences over which a donor's last recipient carries to its donation or package
_FRAME_REACH = 2  # sentences over which a transfer's parties carry to a clause that leaves them open
_WEAPON_REACH = 5  # sentences back in which "the drones" looks for the system meant
_ACTOR_REACH = 12  # sentences back in which "the country", "the company" look for the actor meant


@dataclass(frozen=True, slots=True)
class _Word:
    keys: tuple[str, ...]
    role: Role
    status: ArmsStatus
    form: str


# The reader builds _Trigger, _Cue and _Party values in its inner loops. They are values: compared and
# hashed by their fields (as a dataclass with `unsafe_hash=True` would be: the same `__eq__` and the same
# hash), and never assigned to once built. They are plain classes with their own `__init__` because a
# dataclass's generated `__init__` is interpreted even where this module is compiled.
class _Trigger(Value):
    __slots__ = ("end", "form", "role", "start", "status")

    def __init__(self, start: int, end: int, role: Role, status: ArmsStatus, form: str) -> None:
        self.start = start
        self.end = end
        self.role: Role = role
        self.status: ArmsStatus = status
        self.form = form

    def _fields(self) -> tuple[int, int, str, str, str]:
        return (self.start, self.end, self.role, self.status, self.form)


class _Cue(Value):
    __slots__ = ("end", "kind", "start")

    def __init__(self, start: int, end: int, kind: CueKind) -> None:
        self.start = start
        self.end = end
        self.kind: CueKind = kind

    def _fields(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.kind)


class _Party(Value):
    """An actor as it stands in the clause: a mention, or a pronoun resolved to one."""

    __slots__ = ("end", "form", "possessive", "ref", "start", "surface")

    def __init__(
        self, start: int, end: int, ref: ActorRef, surface: str | None, form: str, *, possessive: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.ref = ref
        self.surface = surface
        self.form = form
        self.possessive = possessive

    def _fields(self) -> tuple[int, int, ActorRef, str | None, str, bool]:
        return (self.start, self.end, self.ref, self.surface, self.form, self.possessive)


@dataclass(slots=True)
class _Lexicon:
    words: dict[str, list[_Word]]
    cues: dict[str, list[tuple[tuple[str, ...], CueKind]]]
    firsts: frozenset[str] = frozenset()
    anchors: frozenset[str] = (
        frozenset()
    )  # one word of every transfer phrase: a sentence without any is not read
    listing: frozenset[str] = frozenset()  # anchors of list words ("includes"), read only after a transfer


class _Frame:
    """The last transfer read: its parties carry to clauses that leave them open.

    A plain class (as `_Reading`) for the same reason as `_Trigger`; neither is ever compared.
    """

    __slots__ = (
        "evidence",
        "items",
        "listing",
        "partners",
        "recipient",
        "request",
        "sentence",
        "status",
        "supplier",
    )

    def __init__(
        self,
        supplier: _Party,
        recipient: _Party,
        status: ArmsStatus,
        sentence: int,
        evidence: Sentence,
        *,
        items: list[Item] | None = None,
        listing: bool = False,
        partners: list[_Party] | None = None,
        request: bool = False,
    ) -> None:
        self.supplier = supplier
        self.recipient = recipient
        self.status: ArmsStatus = status
        self.sentence = sentence
        self.evidence = evidence
        self.items: list[Item] = [] if items is None else items
        self.listing = listing
        self.partners: list[_Party] = [] if partners is None else partners
        self.request = request  # its list lines are the items of a request ("has requested to buy:")

    def supplies(self, party: _Party) -> bool:
        """Whether `party` is this transfer's supplier or one of its co-suppliers ("X and Z will give")."""
        return any(_same(party.ref, s) for s in (self.supplier, *self.partners))


class _Reading:
    __slots__ = ("direct", "items", "recipient", "role", "status", "strict", "suppliers")

    def __init__(
        self,
        suppliers: list[_Party],
        recipient: _Party | None,
        status: ArmsStatus,
        items: list[tuple[WeaponMention, _Party | None]],
        direct: int,
        *,
        role: Role = "include",
        strict: bool = False,
    ) -> None:
        self.suppliers = suppliers
        self.recipient = recipient
        self.status: ArmsStatus = status
        self.items = items
        self.direct = direct
        self.role: Role = role
        self.strict = strict  # governed by a sanctions or enforcement action: both parties must be stated


class _State:
    """What the reading of a document remembers from one clause to the next.

    A plain class rather than a dataclass: one is made for every document, and a dataclass's generated
    `__init__` (with a factory call per field) is interpreted even where this module is compiled.
    """

    __slots__ = (
        "approver",
        "armed",
        "clauses",
        "drafts",
        "found",
        "frame",
        "homes",
        "last_subject",
        "lows",
        "marked",
        "mixed",
        "planned_pairs",
        "priors",
        "read",
        "recipients",
        "requested",
        "requests",
        "screen",
        "subject_clause",
        "topic",
        "topic_clause",
        "weapons",
    )

    def __init__(self, clauses: list[Clause]) -> None:
        self.clauses = clauses
        self.frame: _Frame | None = None
        self.last_subject: ActorRef | None = None
        self.subject_clause = -1  # the clause last_subject was read from
        self.weapons: dict[int, list[WeaponMention]] = {}
        self.priors: dict[tuple[int, str], ActorRef | None] = {}  # `prior`, kept
        self.read = 0
        self.drafts: list[ArmsDraft] = []
        self.requests: set[int] = set()  # ids of drafts read from a request ("has requested")
        self.requested: set[int] = set()  # clauses such requests were read in
        self.planned_pairs: set[tuple[str, str]] = set()  # sales approved before items are listed
        # supplier: the recipient of its last transfer, and the clause it was read in
        self.recipients: dict[str, tuple[_Party, int]] = {}
        self.topic: _Party | None = None  # the recipient of the transfers read so far, while they all had one
        self.topic_clause = -1
        self.mixed = False
        self.armed: dict[int, bool] = {}  # clause index: whether it may name a weapon
        self.found: dict[int, list[WeaponMention]] = {}  # clause index: `find_weapons`
        self.screen: WeaponScreen | None = None  # `weapon_screen` of the text, when known
        self.lows: dict[int, list[str]] = {}  # clause index: `_low` of its words
        self.marked: dict[int, list[int]] = {}  # clause index: `_marks` of its words
        self.homes: dict[str, bool] = {}  # state code: whether the document names it
        self.approver: tuple[_Party, int] | None = None  # the state that last approved a sale, and the clause

    def low(self, clause: Clause) -> list[str]:
        """`_low` of a clause's words, computed once (the list is shared: callers do not change it)."""
        found = self.lows.get(clause.index)
        if found is None:
            found = self.lows[clause.index] = _low(clause.tokens, clause.text)
        return found

    def marks(self, clause: Clause) -> list[int]:
        """`_word_marks` of each of a clause's words (`low`), computed once (shared: callers do not change
        it): the word tests of its reading read these bits instead of each looking every word up."""
        found = self.marked.get(clause.index)
        if found is None:
            table = _word_marks()
            found = self.marked[clause.index] = [table.get(word, 0) for word in self.low(clause)]
        return found

    def recent_approver(self, index: int) -> _Party | None:
        """The state that approved a sale shortly before clause `index` ("the State Department approved")."""
        if self.approver is None or index - self.approver[1] > _DONOR_REACH:
            return None
        return self.approver[0]

    def note_recipient(self, recipient: _Party, index: int) -> None:
        """Remember who received the transfer read at clause `index`, and whether all so far went to one state."""
        if self.topic is not None and not _same(self.topic.ref, recipient):
            self.mixed = True
        self.topic, self.topic_clause = recipient, index

    def topic_recipient(self, index: int) -> _Party | None:
        """The one recipient of every transfer read so far, the last shortly before clause `index`."""
        if self.mixed or self.topic is None or index - self.topic_clause > _DONOR_REACH:
            return None
        return self.topic

    def last_recipient(self, supplier: _Party, index: int) -> _Party | None:
        """The recipient of the supplier's last transfer, when it was read shortly before clause `index`."""
        known = self.recipients.get(_party_key(supplier))
        if known is None or index - known[1] > _DONOR_REACH:
            return None
        return known[0]

    def subject_before(self, index: int) -> ActorRef | None:
        """The actor the sentence before clause `index` is about, for "it" opening this one.

        A sentence that was not read closely (no transfer word) still names its subject: its first actor
        named outside a phrase ("Indonesia has spent heavily ... It had planned to buy").
        """
        previous = index - 1
        if previous < 0 or previous == self.subject_clause:
            return self.last_subject
        clause = self.clauses[previous]
        for mention in clause.actors:
            before = clause.lowered[: mention.start].split()
            if mention.form == "adjective" or (before and before[-1] in _PREPOSITIONS):
                continue
            if clause.text[mention.end : mention.end + 1] in ("-", "\u2011"):
                continue
            return mention.ref
        return self.last_subject

    def names_state(self, organ: ActorRef) -> bool:
        """Whether the document names the state of a generic organ ("Ministry of Defence") other than by it."""
        home = organ.country
        if home is None:
            return False
        if home not in self.homes:
            self.homes[home] = any(
                m.ref.country == home and m.surface.lower() not in _GENERIC_ORGANS
                for clause in self.clauses[:_MANY_CLAUSES]
                for m in clause.actors
            )
        return self.homes[home]

    def may_name_weapons(self, index: int) -> bool:
        """Whether clause `index` may name a transferable weapon (a cheap test, kept)."""
        known = self.weapons.get(index)
        if known is not None:
            return bool(known)
        return self._armed(index)

    def _armed(self, index: int) -> bool:
        """`weapons.may_name_weapons` of clause `index`, kept (true without the search where the clause's
        weapons, when found, hold an item: the test is never false there)."""
        found = self.armed.get(index)
        if found is None:
            screen = self.screen
            weapons = self.found.get(index)
            if screen is not None and index not in screen.candidates:
                found = False
            elif weapons is not None and any(w.is_item for w in weapons):
                found = True
            else:
                found = may_name_weapons(self.clauses[index].lowered)
            self.armed[index] = found
        return found

    def found_weapons(self, clause: Clause) -> list[WeaponMention]:
        """Every weapon mention `find_weapons` gives for a clause, as found (nothing resolved), kept.

        The list is shared: callers do not change it.
        """
        found = self.found.get(clause.index)
        if found is None:
            found = self.found[clause.index] = find_weapons(
                clause.text, clause.tokens, self.low(clause), self.marks(clause)
            )
        return found

    def _unarmed(self, index: int) -> bool:
        """Whether clause `index` is shown to name no transferable weapon without `find_weapons`.

        With the text's screen, a clause it does not list; the regular expression of `_armed` is not
        asked of the others, since nearly every clause the screen lists names an item, and
        `find_weapons`, which then runs anyway, tells it. Without a screen (a long text), `_armed`.
        Either way a clause ruled out has no item: `may_name_weapons` is never false where
        `find_weapons` finds one, so the answers built on this are those built on `_armed`.
        """
        screen = self.screen
        if screen is not None:
            return index not in screen.candidates
        return not self._armed(index)

    def names_items(self, index: int) -> bool:
        """Whether clause `index` itself names a transferable weapon (read at most once)."""
        return not self._unarmed(index) and any(w.is_item for w in self.found_weapons(self.clauses[index]))

    def names_recallable(self, index: int) -> bool:
        """Whether clause `index` names a weapon that a later clause may take up: a named system ("36
        more" recalls it), or one spoken of as known ("the drones"), which may stand for one named before."""
        return not self._unarmed(index) and any(
            w.is_item and (w.designation is not None or w.definite)
            for w in self.found_weapons(self.clauses[index])
        )

    def weapons_of(self, clause: Clause) -> list[WeaponMention]:
        """The transferable weapons a clause names, read once and kept."""
        found = self.weapons.get(clause.index)
        if found is None and self._unarmed(clause.index):
            found = self.weapons[clause.index] = []  # the cheap test rules out every item
        if found is None:
            found = [w for w in self.found_weapons(clause) if w.is_item]
            self.weapons[clause.index] = found
        return found

    def recent_weapons(self, index: int) -> list[WeaponMention]:
        """Weapons named in the clauses just before clause `index`, oldest first."""
        out: list[WeaponMention] = []
        for k in range(max(index - _WEAPON_REACH, 0), index):
            out.extend(self.weapons_of(self.clauses[k]))
        return out

    def prior(self, index: int, sought: _Sought) -> ActorRef | None:
        """The last actor of kind `sought` (`_sought`) named in the clauses before clause `index`, kept."""
        key = (index, sought)
        if key in self.priors:
            return self.priors[key]
        found: ActorRef | None = None
        for k in range(index - 1, max(index - _ACTOR_REACH, 0) - 1, -1):
            text = self.clauses[k].text
            for mention in reversed(self.clauses[k].actors):
                if text[mention.end : mention.end + 1] in ("-", "\u2011"):
                    continue  # "Turkish-made drones", "a Paris-based group": an origin or a seat, not an actor
                found = _sought(mention.ref, mention.form, sought)
                if found is not None:
                    break
            if found is not None:
                break
        self.priors[key] = found
        return found


_Sought = Literal["named", "state", "company"]


def _sought(ref: ActorRef, form: str, sought: _Sought) -> ActorRef | None:
    """What an actor mention counts as when looking for the last one of a kind: "named", a state by its name
    or a metonym; "state", a state in any form, or the state of a government organ (None when unknown);
    "company", a company."""
    if sought == "company":
        return ref if ref.kind == "company" else None
    if ref.kind == "state":
        return ref if sought == "state" or form in ("name", "metonym") else None
    if sought == "state" and ref.kind == "organization" and ref.country:
        return country(ref.country)
    return None


def _keys(form: str) -> tuple[str, ...]:
    return tuple(form.lower().replace("-", " ").replace("'", " '").split())


@cache
def _lexicon() -> _Lexicon:
    lex = _Lexicon({}, {})
    anchors: set[str] = set()
    listing: set[str] = set()
    for forms, role, status, form in (row[:4] for row in rows("arms_lexicon.tsv")):
        for phrase in forms.split("|"):
            keys = _keys(phrase)
            word = _Word(keys, cast(Role, role), cast(ArmsStatus, status), form.strip())
            lex.words.setdefault(keys[0], []).append(word)
            anchor = keys[-1] if keys[-1] not in _PREPOSITIONS | {"up", "over"} else keys[0]
            anchors.add(anchor)
            if role == "include":
                listing.add(anchor)
    for forms, kind in (row[:2] for row in rows("arms_cues.tsv")):
        for phrase in forms.split("|"):
            keys = _keys(phrase)
            lex.cues.setdefault(keys[0], []).append((keys, cast(CueKind, kind.strip())))
    for bucket in lex.words.values():
        bucket.sort(key=lambda w: -len(w.keys))
    lex.firsts = frozenset(lex.words)
    lex.anchors = frozenset(anchors)
    lex.listing = frozenset(listing - (anchors - listing))
    for cue_bucket in lex.cues.values():
        cue_bucket.sort(key=lambda c: -len(c[0]))
    return lex


def _low(tokens: list[Token], text: str) -> list[str]:
    """The keys of `tokens`, words of `text`, in lower case; a negation in "n't" as "n't"."""
    out = [t.key.lower() for t in tokens]
    if "'" not in text:
        return out  # each key is a part of the text: none holds "'"
    for i, key in enumerate(out):
        if "'" in key and key.endswith("n't"):
            out[i] = "n't"  # "hasn't", "didn't": a negation
    return out


def _keys_at(low: list[str], i: int, keys: tuple[str, ...]) -> bool:
    """`tuple(low[i : i + len(keys)]) == keys`, for `keys` of a bucket filed under `low[i]` (its first key),
    without making the slice and the tuple: the words after the first compared in place."""
    n = len(keys)
    if i + n > len(low):
        return False
    return all(low[i + k] == keys[k] for k in range(1, n))


def _joined(text: str, left: Token, right: Token) -> bool:
    return text[left.end : right.start] in ("-", "\u2011", "–")


def _find_triggers(
    text: str, tokens: list[Token], low: list[str], lex: _Lexicon, marks: list[int] | None = None
) -> list[_Trigger]:
    """The transfer words of a clause's words (`low`; `marks`, when given, its `_State.marks`)."""
    found: list[_Trigger] = []
    free = 0
    firsts = lex.firsts
    if marks is None:
        starts = [k for k, word in enumerate(low) if word in firsts]
    else:
        starts = [k for k, mark in enumerate(marks) if mark & _TRIGGER_FIRST]
    for i in starts:
        if i < free:
            continue
        bucket = lex.words.get(low[i])
        hit: list[_Word] = []
        for word in bucket or ():
            n = len(word.keys)
            if _keys_at(low, i, word.keys) and (not hit or len(hit[0].keys) == n):
                hit.append(word)
        if not hit or (i > 0 and _joined(text, tokens[i - 1], tokens[i])):
            continue  # "U.S.-provided": an origin, not a transfer
        word = _choose(hit, tokens, low, i)
        if word.role == "use" and word.form == "pastpp" and i > 0 and _adjective_left(low[i - 1]):
            continue  # "12 used Typhoons", "the used jets": an adjective
        if (
            word.role in ("give", "get")
            and word.form in ("pp", "pastpp")
            and i > 0
            and low[i - 1] in _ARTICLES
        ):
            continue  # "spare parts for the donated battery": an adjective, the transfer is told elsewhere
        if word.form == "s" and low[i] in _PLURAL_NOUNS and i > 0 and not _verb_left(tokens[i - 1].text):
            continue  # "seven navy ships", "the ships": a noun
        if (
            word.role == "get_noun"
            and found
            and low[found[-1].start] in _FINANCING
            and i - found[-1].end <= 1
        ):
            continue  # "will finance the purchase of shells for Y": the financer supplies Y
        n = len(word.keys)
        found.append(_Trigger(i, i + n, word.role, word.status, word.form))
        free = i + n
    return found


_CARGO = frozenset(["shipment", "shipments", "cargo", "consignment", "consignments", "vessel", "dhow", "boat", "ship", "container", "containers", "parts", "components"])  # fmt: skip
_ARTICLES = frozenset(["the", "a", "an", "these", "those"])
_PLURAL_NOUNS = frozenset(["ships"])  # verb forms in -s that are far more often plural nouns
_VERB_LEFT = frozenset(
    ["also", "it", "which", "that", "who", "now", "still", "regularly", "reportedly", "allegedly", "often",
     "then", "he", "she", "they", "openly", "secretly", "routinely", "already", "and"]
)  # fmt: skip


def _adjective_left(word: str) -> bool:
    return word[:1].isdigit() or word in _NUMBER_WORDS or word in ("a", "an", "the", "its", "their", "some")


def _verb_left(word: str) -> bool:
    """Whether a word may stand before the verb reading of "ships" ("which ships", "Iran also ships")."""
    return word.lower() in _VERB_LEFT or not word.isalpha() or not word.islower()


def _choose(candidates: list[_Word], tokens: list[Token], low: list[str], i: int) -> _Word:
    """Noun or verb reading of a word that can be both ("supply", "order", "transfer")."""
    if len(candidates) == 1:
        return candidates[0]
    n = len(candidates[0].keys)
    before = low[i - 1] if i > 0 else ""
    after = low[i + n] if i + n < len(low) else ""
    two_before = low[i - 2] if i > 1 else ""
    nouny = (
        before in _NOUN_LEFT
        or after == "of"
        or (i > 0 and tokens[i - 1].text.endswith(("'s", "’s")))
        or (two_before in ("a", "an", "the", "its", "their", "this", "that") and before not in _AUXILIARIES)
    )
    verbs = [w for w in candidates if w.form != "noun"]
    nouns = [w for w in candidates if w.form == "noun"]
    if nouny and nouns:
        return nouns[0]
    return verbs[0] if verbs else nouns[0]


def _find_cues(
    tokens: list[Token], low: list[str], lex: _Lexicon, taken: set[int], marks: list[int] | None = None
) -> list[_Cue]:
    """The cues of a clause's words (`low`; `marks`, when given, its `_State.marks`), but at `taken`."""
    found: list[_Cue] = []
    cues = lex.cues
    free = 0  # the first token not yet passed over
    if marks is None:
        starts = [k for k, word in enumerate(low) if word in cues]
    else:
        starts = [k for k, mark in enumerate(marks) if mark & _CUE_FIRST]
    for i in starts:
        if i < free or i in taken:
            continue
        hit = None
        for keys, kind in cues[low[i]]:
            if _keys_at(low, i, keys):
                hit = (len(keys), kind)
                break
        if hit is None:
            continue
        n, kind = hit
        named = kind == "enforcement" and n > 1  # "the Entity List"
        if i > 0 and not tokens[i].text[:1].islower() and not tokens[i].text.isupper() and not named:
            continue  # "May" the month, "States" of the United States
        if kind == "negation" and low[i] == "not" and i + 1 < len(low) and low[i + 1] == "only":
            free = i + 2
            continue
        if kind == "modal" and i + 1 < len(low) and low[i + 1] == "have":
            free = i + 2
            continue  # "could have been sent": a guess about the past, not a plan
        found.append(_Cue(i, i + n, kind))
        free = i + n
    return found


_CUT_WORDS_BUT_BUT = frozenset(["while", "whereas", "although", "though", "however"])
_CUT_WORDS = _CUT_WORDS_BUT_BUT | {"but"}


_FINITE = frozenset(
    [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might",
        "shall", "should", "must", "says", "plans", "intends", "expects", "wants", "seeks", "hopes", "sends",
        "sells", "buys", "supplies", "delivers", "signs", "orders", "offers", "receives", "gets",
    ]
)  # fmt: skip
"""Words that, after a name, make it the subject of a clause of its own ("..., and Germany is ...")."""

_ADVERBS = frozenset(["also", "already", "now", "reportedly", "recently", "itself", "separately", "too"])


def _new_subject(text: str, tokens: list[Token], low: list[str], i: int) -> bool:
    """Whether "and" at token `i`, after a comma, opens a clause with a named subject of its own: ", and
    Germany delivered ...", ", and the United Kingdom is weighing ...". Such a name is no further item of a
    list before the comma ("to Bulgaria, and Germany is ..." does not send to Germany)."""
    if "," not in text[tokens[i - 1].end : tokens[i].start]:
        return False
    k = i + 1
    if k < len(low) and low[k] == "the":
        k += 1
    names = 0
    while k < len(tokens) and names < 4 and tokens[k].text[:1].isupper():
        k += 1
        names += 1
    if names == 0:
        return False
    while k < len(low) and low[k] in _ADVERBS:
        k += 1
    if k >= len(low):
        return False
    word = tokens[k].text
    return word in _FINITE or (word.endswith("ed") and word.isalpha() and word.islower())


def _subclauses(
    text: str, tokens: list[Token], low: list[str], marks: list[int] | None = None
) -> list[tuple[int, int]]:
    """Token ranges of the clause's parts: split at "while", "but", "though", ";", and at ", and" before a
    named subject and its verb (`_new_subject`). `marks`, when given, is the clause's `_State.marks`."""
    semicolons = ";" in text
    joined = ", and " in text
    if (
        not semicolons
        and not joined
        and (_CUT_WORDS.isdisjoint(low) if marks is None else not any(mark & _CUT for mark in marks))
    ):
        return [(0, len(tokens))] if tokens else []  # nothing to split at
    cuts = [0]
    for i in range(1, len(tokens)):
        word = low[i]
        if word in _CUT_WORDS_BUT_BUT or (word == "but" and not (i + 1 < len(low) and low[i + 1] == "also")):
            cuts.append(i)
        elif joined and word == "and" and _new_subject(text, tokens, low, i):
            cuts.append(i + 1)  # the "and" stays behind: the new part opens with its subject
        elif (
            semicolons
            and ";" in text[tokens[i - 1].end : tokens[i].start]
            and not (word in ("and", "or", "plus") or word[:1].isdigit() or word in _NUMBER_WORDS)
            and _COUNTED_LINE.match(text, tokens[i - 1].end + 1) is None  # "; fourteen (14) computers"
        ):
            cuts.append(i)  # a list of items may run on after a semicolon; a new clause may not
    cuts.append(len(tokens))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _status(
    cues: list[_Cue],
    low: list[str],
    trig: _Trigger,
    window: tuple[int, int],
    carried: list[ArmsStatus],
    *,
    headline: bool = False,
) -> ArmsStatus | None:
    """The status of the transfer word `trig` from the cues (`cues`, in a clause with words `low`) in `window`
    before it and the statuses `carried` from the transfer words read before it in its part; None when
    it is denied or reversed. `headline`: the clause is a headline telling the future ("X to give ...")."""
    inside = [c for c in cues if window[0] <= c.start < window[1]] if cues else []
    kinds = {c.kind for c in inside}
    if any(c.start == trig.end and c.kind == "negation" for c in cues):
        kinds.add("negation")  # "delivered no drones"
    if inside and _double_negation(inside):
        return trig.status  # "will not abandon the purchase"
    if "negation" in kinds or "reversal" in kinds:
        return None
    if trig.form in ("pp", "pastpp") and trig.start >= 2 and low[trig.start - 2 : trig.start] == ["to", "be"]:
        kinds.add("planned")
    if headline:
        kinds.add("planned")  # "Romania to give Patriot battery to Ukraine": "will give"
    if "conditional" in kinds or "considered" in kinds:
        return "considered"
    if _perfect(low, trig):
        carried = []  # "has committed $1 billion ... and has delivered 31 tanks": the perfect tells it happened
    if "modal" in kinds:
        buying = any(low[i] in _BUY_WORDS for i in range(trig.start, trig.end))
        return "considered" if buying else "planned"
    if "planned" in kinds or "planned" in carried:
        return "planned"
    if "agreed" in kinds or "agreed" in carried:
        return trig.status if trig.status in ("planned", "considered") else "agreed"
    if "considered" in carried:
        return "considered"
    return trig.status


def _perfect(low: list[str], trig: _Trigger) -> bool:
    """Whether the transfer word `trig` is a past participle in the perfect ("has delivered", "have already sent")."""
    if trig.form not in ("pastpp", "pp") or trig.start < 1:
        return False
    before = low[trig.start - 1]
    if before in ("already", "now", "also") and trig.start >= 2:
        before = low[trig.start - 2]
    return before in ("has", "have", "had")


def _double_negation(cues: list[_Cue]) -> bool:
    """Whether the cues (those in a window) hold a negation and a reversal right after each negation."""
    reversals = [c for c in cues if c.kind == "reversal"]
    if not reversals:
        return False
    negations = [c for c in cues if c.kind == "negation"]
    return (
        bool(reversals)
        and all(any(0 <= r.start - n.end <= 1 for r in reversals) for n in negations)
        and bool(negations)
    )


# Unions of the word sets above, built once (the reader tests words against them in its loops).
_DESCRIBED_NOUNS = _COUNTRY_NOUNS | _COMPANY_NOUNS
_PREPOSITIONS_OR_TIME = _PREPOSITIONS | _TIME_WORDS
_PREPOSITIONS_OR_RELATIVE = _PREPOSITIONS | {"that", "which"}
_PREPOSITIONS_OR_VERBAL = _PREPOSITIONS | _AUXILIARIES | _BE
_PREPOSITIONS_BUT_OF = _PREPOSITIONS - {"of"}
_NOT_SUBJECT_LEFT = _BE | _AUXILIARIES | _PREPOSITIONS | _LIST_WORDS | _PERSONS | _PRONOUNS
_GAP_BLOCKERS_BUT_SOURCE = _GAP_BLOCKERS - {"by", "from"}
_GAP_BLOCKERS_BUT_AGENT = _GAP_BLOCKERS - {"by", "which"}
_AGENT_OR_SOURCE_HEADS = _AGENT_HEADS | _SOURCE_HEADS
# the words that introduce a party after a transfer word (`_ClauseReader._after`)
_FROM = frozenset(["from"])
_BY = frozenset(["by"])
_FOR = frozenset(["for"])
_TO_FOR = frozenset(["to", "for"])
_TO_FOR_INTO = frozenset(["to", "for", "into"])
_IN_TO_AT_INTO = frozenset(["in", "to", "at", "into"])


class _ClauseReader:
    """Reads the transfers of one clause, given what the document has said before."""

    def __init__(self, clause: Clause, state: _State) -> None:
        self.clause = clause
        self.text = clause.text
        self.tokens = clause.tokens
        self.low = state.low(clause)
        self.marks = state.marks(clause)
        self.state = state
        lex = _lexicon()
        # (no `lex.firsts.isdisjoint` test first: `_find_triggers` finds none in the same one pass then)
        self.triggers = _find_triggers(self.text, self.tokens, self.low, lex, self.marks)
        listing = state.frame is not None and state.frame.listing
        self.weapons = state.found_weapons(clause) if self.triggers or listing else []
        self.parties: list[_Party] = []  # none while `_parties` reads them (`_in_phrase`)
        self.stops: list[int] | None = None  # `_subject_stops`, once asked for
        self.origins: dict[int, _Party | None] = {}  # `_origin` of the weapons starting at each token
        if not self.triggers:
            self.cues: list[_Cue] = []
            self.party_tokens: set[int] = set()
            self.party_ending: dict[int, _Party] = {}
            self.party_starting: dict[int, _Party] = {}
            self.weapon_starts: set[int] = set()
            return
        self.triggers = self.triggers[:_MAX_TRIGGERS]
        self.starts = [t.start for t in self.tokens]
        taken = {i for t in self.triggers for i in range(t.start, t.end)}
        self.cues = _find_cues(self.tokens, self.low, lex, taken, self.marks)
        self.parties = self._parties()
        self.party_tokens = {i for p in self.parties for i in range(p.start, p.end)}
        self.party_ending = {p.end - 1: p for p in self.parties}
        self.party_starting = {p.start: p for p in self.parties}
        self.weapons = [self._resolve_anaphora(w) for w in self.weapons]
        self.weapon_starts = {w.start for w in self.weapons}

    # --- actors -------------------------------------------------------------------------------------

    def _token_at(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.tokens[i].end else min(i + 1, len(self.tokens))

    def _parties(self) -> list[_Party]:
        out: list[_Party] = []
        weapon_tokens = {i for w in self.weapons for i in range(w.start, w.end)}
        for mention in self.clause.actors:
            start = self._token_at(mention.start)
            end = self._token_at(mention.end - 1) + 1
            if start in weapon_tokens or self._is_currency(mention) or self._is_dateline(mention, start):
                continue
            possessive = self.text[mention.end : mention.end + 2] in ("'s", "’s")
            surface = mention.surface if mention.form != "adjective" else None
            ref = mention.ref
            if mention.surface.lower() in _GENERIC_ORGANS and not self.state.names_state(mention.ref):
                spoken_of = self._known_before(
                    out, start, "state"
                )  # "the Ministry of Defence" of the state at hand
                if spoken_of is None:
                    continue
                ref = spoken_of
            out.append(_Party(start, end, ref, surface, mention.form, possessive=possessive))
        out.extend(self._coreferences(out))
        out.sort(key=lambda p: p.start)
        return out

    def _is_currency(self, mention: Mention) -> bool:
        return self.text[mention.end : mention.end + 1] == "$"

    def _is_dateline(self, mention: Mention, start: int) -> bool:
        if start != 0 or not mention.surface.isupper() or len(mention.surface) < 4:
            return False
        rest = self.text[mention.end : mention.end + 6].lstrip()
        return rest[:1] in (":", "(", "—", "–", "-", ",")

    def _coreferences(self, named: list[_Party]) -> list[_Party]:
        """Pronouns and descriptions that stand for an actor named before."""
        out: list[_Party] = []
        low = self.low
        # an owner or "the" stands for an actor only before "government" or one of the described nouns:
        # one pass over the words' marks notes where pronouns and owners stand and whether such a noun
        # occurs (the owners are then dropped if none does), in place of a pass for each test
        found: list[int] = []
        described = False
        for k, mark in enumerate(self.marks):
            if mark & _DESCRIBED:
                described = True
            elif mark & (_PRONOUN | _OWNER):
                found.append(k)
        if not described:
            found = [k for k in found if self.marks[k] & _PRONOUN]
        taken = {i for p in named for i in range(p.start, p.end)} if found else set()
        for i in found:
            if i in taken:
                continue
            word = low[i]
            ref: ActorRef | None = None
            end = i + 1
            if word in _PRONOUNS and self.tokens[i].text[0].isalpha():
                ref = self._antecedent(named, i)
            elif word in _GOVERNMENT_OWNERS and i + 1 < len(low) and low[i + 1] in ("government", "country"):
                if i + 2 < len(low) and low[i + 2] == "of":
                    continue  # "the Government of Poland": the state named next
                # "the country" is the state last named; "its government" may be one named by its adjective
                if low[i + 1] == "country":
                    ref = (
                        self._speakers_state(named, i)
                        or self._known_before(named, i, "named")
                        or self._known_before(named, i, "state")
                    )
                else:
                    ref = self._known_before(named, i, "state")
                end = i + 2
            elif word == "the":
                j = i + 1
                while j < len(low) and j - i <= 4 and low[j] not in _DESCRIBED_NOUNS:
                    if not self.tokens[j].text[:1].isalpha() or low[j] in _PREPOSITIONS:
                        break
                    j += 1
                if j < len(low) and j - i <= 4:
                    if low[j] in _COUNTRY_NOUNS and (
                        low[j] != "state" or (j > i + 1 and self.tokens[j].text == "state")
                    ):
                        ref, end = self._described_state(named, i), j + 1
                    elif low[j] in _COMPANY_NOUNS and j == i + 1 and low[j] != "group":
                        ref, end = self._known_before(named, i, "company"), j + 1
            if ref is not None:
                possessive = self.tokens[end - 1].text.endswith(("'s", "’s"))
                out.append(_Party(i, end, ref, None, "pronoun", possessive=possessive))
        return out

    def _described_state(self, named: list[_Party], index: int) -> ActorRef | None:
        """The state "the country", "the Gulf state" stands for: the subject of the sentence before
        when the description opens its clause, else the state last named."""
        subject = self.state.last_subject
        if (
            index <= 2
            and subject is not None
            and subject.kind == "state"
            and not any(party.start < index for party in named)
        ):
            return subject
        return self._speakers_state(named, index) or self._known_before(named, index, "named")

    def _speakers_state(self, named: list[_Party], index: int) -> ActorRef | None:
        """The state of the officials who speak last before `index` ("Danish officials said the country
        is weighing"), when no state is named after them."""
        earlier = [p for p in named if p.end <= index and p.ref.kind == "state"]
        if not earlier or earlier[-1].form != "adjective" or earlier[-1].end >= len(self.low):
            return None
        head = self.low[earlier[-1].end]
        return earlier[-1].ref if head in ("officials", "government", "ministers", "authorities") else None

    def _known_before(self, named: list[_Party], index: int, sought: _Sought) -> ActorRef | None:
        """The last actor of kind `sought` mentioned before token `index`: among `named` (in the order of
        the text) up to the first that starts there, else in the clauses before (`_State.prior`).

        "named": a state by its name or a metonym; "state": a state in any form, or the state of a
        government organ; "company": a company.
        """
        before: list[_Party] = []
        for party in named:
            if party.start >= index:
                break
            before.append(party)
        for party in reversed(before):
            found = _sought(party.ref, party.form, sought)
            if found is not None:
                return found
        return self.state.prior(self.clause.index, sought)

    def _antecedent(self, named: list[_Party], index: int) -> ActorRef | None:
        for party in reversed(named):
            if (
                party.end <= index
                and party.form != "adjective"
                and not self._in_phrase(party)
                and not self._joined_made(party)
            ):
                return party.ref  # not "U.S.-made" in "U.S.-made aircraft, it had also planned"
        if index > 0 and self.low[index - 1] == "which":
            return None  # "the junta built up a fleet, which it used": the clause's own unnamed subject
        return self.state.subject_before(self.clause.index)

    # --- weapons ------------------------------------------------------------------------------------

    def _resolve_anaphora(self, weapon: WeaponMention) -> WeaponMention:
        """ "the drones", "these missiles": the system named before, when one was."""
        if not weapon.definite or weapon.designation is not None:
            return weapon
        # "howitzers ..., and the guns arrived": a system named earlier in the sentence counts too
        before = [w for w in self.weapons if w.end <= weapon.start and w.is_item]
        for earlier in reversed(self.state.recent_weapons(self.clause.index) + before):
            if _compatible(weapon.category, earlier.category):
                if earlier.designation is not None or earlier.category != weapon.category:
                    return WeaponMention(
                        weapon.start, weapon.end, weapon.first, weapon.last, earlier.category,
                        earlier.designation, earlier.origin, weapon.kind, True,
                    )  # fmt: skip
                return weapon
        return weapon

    # --- reading -------------------------------------------------------------------------------------

    def read(self) -> list[_Reading]:
        readings: list[_Reading] = []
        for lo, hi in _subclauses(self.text, self.tokens, self.low, self.marks):
            readings.extend(self._read_part(lo, hi))
        return readings

    def _read_part(self, lo: int, hi: int) -> list[_Reading]:
        triggers = [t for t in self.triggers if lo <= t.start < hi]
        out: list[_Reading] = []
        carried: list[ArmsStatus] = []
        consumed: set[int] = set()
        negated_until = -1
        window_start = lo
        previous: tuple[_Trigger, _Reading] | None = None
        for n, trig in enumerate(triggers):
            if trig.start in consumed:
                continue
            if trig.role == "seize":  # "seized a shipment of": the shipment is what was seized
                for t in triggers[n + 1 :]:
                    if t.role == "give_noun" and t.start - trig.end <= 2:
                        consumed.add(t.start)
            following = [t for t in triggers[n + 1 :] if t.start not in consumed]
            compound = following and following[0].role == "package" and following[0].start == trig.end
            if trig.role == "give_noun" and compound:
                continue  # "its donation package, which includes": the package is read
            bounds = [t for t in following if t.role != "use"]  # "equipment Ukraine is using, including"
            limit = bounds[0].start if bounds else hi
            reads_out = next(
                (
                    t
                    for t in following
                    if t.role == "include" and trig.role in _NOUN_ROLES and self._subject_noun(trig, t)
                ),
                None,
            )
            if (
                reads_out is not None
            ):  # "the shipment, part of a larger order, included X": X is the shipment's
                consumed.add(reads_out.start)
                later = [t for t in bounds if t.start > reads_out.start]
                limit = later[0].start if later else hi
            if trig.role == "include":
                reading = self._read_include(trig, lo, limit, triggers[:n])
            else:
                reading = self._read_trigger(
                    trig,
                    lo=lo,
                    hi=hi,
                    window_start=window_start,
                    limit=limit,
                    carried=carried,
                    reads_out=reads_out,
                )
            window_start = trig.end
            if reading is None:
                negated_until = trig.end + 3
                continue
            if trig.start <= negated_until:
                continue  # "scrapped a deal to buy": the purchase goes with the deal
            if previous is not None and self._main_verb_of(previous[0], trig, reading):
                # "the tanks bought from Korea arrived": the verb the items are subject of says how far
                previous[1].status = reading.status
                previous[1].recipient = previous[1].recipient or reading.recipient
                previous = None
                continue
            if previous is not None and self._giver_of_received(previous[0], previous[1], trig, reading):
                # "received all 24 jets pledged by the Netherlands": who pledged them supplied them
                previous[1].suppliers = reading.suppliers
                previous[1].direct += 1
                previous[1].role = "get"  # "use weapons supplied by Iran": what is used was received
                previous = None
                continue
            if previous is not None and self._giver_of_used(previous[0], previous[1], trig, reading):
                # "operates 36 Rafale jets that France delivered": what is used was received from the giver
                previous[1].suppliers = reading.suppliers
                previous[1].role = "get"
                previous = None
                continue
            if previous is not None and self._bought_to_send(previous[0], previous[1], trig, reading):
                # "signed a contract for 100 drones to be sent to the Ukrainian navy": the buyer gives
                previous[1].suppliers = [cast(_Party, previous[1].recipient)]
                previous[1].recipient = reading.recipient
                previous[1].items = [
                    (w, None if _same(o.ref, reading.recipient) else o) if o else (w, o)
                    for w, o in previous[1].items
                ]
                previous = None
                continue
            if previous is not None and self._payer_of_received(previous[0], previous[1], trig):
                continue  # "took delivery of six drones that its allies had bought for it": who paid gave none
            if previous is not None and self._seller_of_used(previous[0], previous[1], trig, reading):
                # "operates TB2 drones bought from Turkey": what is used was received from the seller
                previous[1].suppliers = reading.suppliers
                previous[1].role = "get"
                previous = None
                continue
            if previous is not None and self._buyer_of_given(previous[0], previous[1], trig, reading):
                # "delivered 96 of the 180 tanks Poland ordered": who ordered them received the 96
                previous[1].recipient = reading.recipient
                reading.suppliers = list(previous[1].suppliers)
            if previous is not None and self._object_noun(previous[0], previous[1], trig, reading):
                # "will provide Kyiv with $2 billion in military aid, including ...": the aid is the object
                previous[1].items = reading.items
                previous = None
                continue
            previous = (trig, reading)
            out.append(reading)
            if reading.items:
                carried = []
            elif trig.role != "include":
                carried.append(reading.status)
        return out

    def _main_verb_of(self, relative: _Trigger, verb: _Trigger, reading: _Reading) -> bool:
        """Whether `verb` ("arrived", "were delivered") has as subject the items a participle before it
        ("the tanks bought from Korea") qualifies, so that its status is theirs."""
        if reading.items or reading.suppliers or relative.role not in ("get", "give"):
            return False
        if verb.role not in ("arrive", "give") or verb.start - relative.end > 8:
            return False
        return self._reduced_relative(relative)

    def _giver_of_received(
        self, verb: _Trigger, verb_reading: _Reading, giver: _Trigger, reading: _Reading
    ) -> bool:
        """Whether `giver` is a participle after the items `verb` received ("jets pledged by X") naming who gave."""
        if (
            verb.role not in ("get", "use")
            or verb_reading.suppliers
            or giver.role != "give"
            or not reading.suppliers
        ):
            return False
        if reading.recipient is not None or giver.end >= len(self.low) or self.low[giver.end] != "by":
            return False
        received = {w.start for w, _ in verb_reading.items}
        if not received or not self._reduced_relative(giver):
            return False
        if received == {w.start for w, _ in reading.items}:
            return True
        # "use weapons supplied by Iran, including drones": the list says what the general word stands for
        general = all(w.category == "other" and w.designation is None for w, _ in verb_reading.items)
        if general and max(w.end for w, _ in verb_reading.items) == giver.start:
            verb_reading.items = reading.items
            return True
        return False

    def _giver_of_used(
        self, verb: _Trigger, verb_reading: _Reading, giver: _Trigger, reading: _Reading
    ) -> bool:
        """Whether `giver` is a relative clause on the items `verb` has in use naming who handed them over
        ("flies jets that France delivered")."""
        if verb.role != "use" or verb_reading.suppliers or verb_reading.recipient is None:
            return False
        if giver.role != "give" or giver.status != "delivered" or reading.recipient is not None:
            return False
        if len(reading.suppliers) != 1 or reading.suppliers[0].end != giver.start:
            return False
        first = reading.suppliers[0].start
        if first == 0 or self.low[first - 1] not in ("that", "which"):
            return False
        used = {w.start for w, _ in verb_reading.items}
        return bool(used) and used == {w.start for w, _ in reading.items} and max(used) < first

    def _bought_to_send(
        self, verb: _Trigger, verb_reading: _Reading, send: _Trigger, reading: _Reading
    ) -> bool:
        """Whether `send` ("to be sent to Ukraine") says where the items a buyer ordered just before go."""
        if verb.role not in ("deal", "get") or verb_reading.suppliers or verb_reading.recipient is None:
            return False
        if send.role != "give" or reading.recipient is None or send.start < 2:
            return False
        if any(not _same(p.ref, verb_reading.recipient) for p in reading.suppliers):
            return False
        if _same(verb_reading.recipient.ref, reading.recipient) or self.low[send.start - 2 : send.start] != [
            "to",
            "be",
        ]:
            return False
        bought = {w.start for w, _ in verb_reading.items}
        return bool(bought) and bought == {w.start for w, _ in reading.items}

    def _payer_of_received(self, verb: _Trigger, verb_reading: _Reading, payer: _Trigger) -> bool:
        """Whether `payer` is a relative clause on the items `verb` received that says who paid for them
        on the receiver's behalf ("drones that its allies had bought for it")."""
        if (
            verb.role != "get"
            or payer.role != "get"
            or verb_reading.recipient is None
            or not verb_reading.items
        ):
            return False
        last = max(w.end for w, _ in verb_reading.items)
        if payer.start - last > 8 or last >= len(self.low) or self.low[last] not in ("that", "which"):
            return False
        k = payer.end
        return k + 1 < len(self.low) and self.low[k] == "for" and self.low[k + 1] in ("it", "them")

    def _seller_of_used(
        self, verb: _Trigger, verb_reading: _Reading, seller: _Trigger, reading: _Reading
    ) -> bool:
        """Whether `seller` ("bought from Turkey") qualifies the items `verb` ("operates") has in use."""
        if verb.role != "use" or verb_reading.suppliers or verb_reading.recipient is None:
            return False
        if seller.role != "get" or not reading.suppliers or reading.recipient is not None:
            return False
        if (
            seller.end >= len(self.low)
            or self.low[seller.end] != "from"
            or not self._reduced_relative(seller)
        ):
            return False
        used = {w.start for w, _ in verb_reading.items}
        return bool(used) and used == {w.start for w, _ in reading.items}

    def _buyer_of_given(
        self, verb: _Trigger, verb_reading: _Reading, buyer: _Trigger, reading: _Reading
    ) -> bool:
        """Whether `buyer` ("ordered by Indonesia", "Poland ordered") qualifies the items `verb` handed over
        with no recipient, so that who bought them received them."""
        if verb.role != "give" or verb.status != "delivered" or not verb_reading.suppliers:
            return False
        if verb_reading.recipient is not None or buyer.role != "get" or reading.recipient is None:
            return False
        if reading.suppliers or buyer.start - verb.end > 12:
            return False
        given = {w.start for w, _ in verb_reading.items}
        return bool(given) and given == {w.start for w, _ in reading.items}

    def _object_noun(self, verb: _Trigger, verb_reading: _Reading, noun: _Trigger, reading: _Reading) -> bool:
        """Whether a transfer noun ("military aid", "a package") is the object of the verb before it."""
        if verb.role not in ("give", "get", "deal") or verb_reading.items or not reading.items:
            return False
        if verb.role == "deal":  # "signed an agreement with Moscow for the supply of vehicles": the deal's
            if noun.role not in ("give_noun", "get_noun") or noun.start - verb.end > 8:
                return False
            return self.low[noun.start - 2 : noun.start] in (["for", "the"], ["on", "the"])
        if noun.role not in ("package", "give_noun") or noun.start - verb.end > 10:
            return False
        between = range(verb.end, noun.start)
        return not any(self.low[i] in ("that", "which", "who", "and") for i in between)

    def _reduced_relative(self, trig: _Trigger) -> bool:
        """ "the systems ordered from ...": a participle right after the items it qualifies."""
        if trig.form not in ("pp", "pastpp") or trig.start == 0:
            return False
        if (
            trig.end < len(self.low)
            and self.low[trig.end] not in _PREPOSITIONS_OR_TIME
            and not self.text[self.tokens[trig.end - 1].end : self.tokens[trig.end].start].strip()
        ):
            return False  # "Serbia's air defence received HQ-22 systems": a verb with its object
        before = self.low[trig.start - 1]
        return before != "has" and any(
            w.end == trig.start
            or (  # "the F-16 fighters pledged by": a system named before its head noun
                w.designation is not None
                and w.end == trig.start - 1
                and before.endswith("s")
                and before not in _BE
                and self.tokens[w.end].text.islower()
            )
            for w in self.weapons
        )

    def _subject_noun(self, noun: _Trigger, include: _Trigger) -> bool:
        """Whether a list word reads out a transfer noun before it ("the package includes ...")."""
        between = range(noun.end, include.start)
        relative = include.start - 1  # "a package for Ukraine that includes": the relative reads it out
        if any(self.low[i] in ("which", "that", "who", "each") and i != relative for i in between):
            return False
        return len(between) <= 12 and not any(
            t.start in between and t.role not in _NOUN_ROLES for t in self.triggers
        )

    def _headline_future(self, window: tuple[int, int]) -> bool:
        """Whether the clause opens with its subject and "to" and a verb, as headlines tell the future."""
        low = self.low
        # each "to" in the window, in order (a plain loop: `list.index` would raise at the end, and an
        # exception costs far more than the test of a few words)
        for k in range(max(window[0], 1), window[1]):
            if low[k] != "to" or k - 1 not in self.party_ending:
                continue
            opening = all(i in self.party_tokens or self.low[i] in ("and", "the") for i in range(0, k))
            verb = (
                k + 1 < len(self.tokens)
                and self.tokens[k + 1].text.isalpha()
                and self.tokens[k + 1].text.islower()
            )
            return opening and verb
        return False

    def _predicate_status(self, trig: _Trigger, limit: int, status: ArmsStatus) -> ArmsStatus | None:
        """ "The sale of 40 jets to Turkey was approved": a transfer noun as subject takes its verb's status."""
        be = next((i for i in range(trig.end, limit) if self.low[i] in _BE), None)
        if be is None or be - trig.end > 12:
            return status
        later = (be, min(limit, be + 4))
        kinds = {c.kind for c in self.cues if later[0] <= c.start < later[1]}
        if "negation" in kinds or "reversal" in kinds:
            return None
        for kind in ("considered", "planned", "agreed"):
            if kind in kinds:
                return cast(ArmsStatus, kind)
        return status

    def _passive(self, trig: _Trigger) -> bool:
        if trig.form not in ("pp", "pastpp"):
            return False
        for back in range(1, 4):
            j = trig.start - back
            if j < 0:
                return False
            if self.low[j] in _BE:
                return True
            if not self.tokens[j].text.islower() or self.low[j] in ("has", "have", "had"):
                break
        return self._reduced_relative(trig)  # "the systems ordered for $270 million"

    def _read_trigger(
        self,
        trig: _Trigger,
        *,
        lo: int,
        hi: int,
        window_start: int,
        limit: int,
        carried: list[ArmsStatus],
        reads_out: _Trigger | None = None,
    ) -> _Reading | None:
        window = (window_start, trig.start)
        status = _status(self.cues, self.low, trig, window, carried, headline=self._headline_future(window))
        if status is not None and trig.role in _NOUN_ROLES and status == trig.status:
            status = self._predicate_status(trig, limit, status)
        if status is None:
            return None
        if trig.role == "seize" and status == "delivered":
            status = "planned"  # a shipment seized in transit never reached the one it was bound for
        passive = self._passive(trig)
        role = trig.role
        if role in ("arrive",) or passive:
            items = self._items_before(trig, window_start) or self._items_after(trig, limit)
            if role == "arrive":  # "the plane landed": a carrier, unless a named system arrives
                items = [w for w in items if w.designation or w.category != "aircraft"]
        elif reads_out is not None:
            items = self._items_after(reads_out, limit)
        else:
            items = self._items_after(trig, limit)
            if not items and role not in ("package",):
                items = self._items_before(trig, window_start)
            if not items and role in ("give", "get"):
                items = self._elliptic(trig, limit)
        if items and all(w.category == "other" and w.designation is None for w in items):
            items = self._listed_including(max(trig.end, items[-1].end), limit) or items
        suppliers, recipient, direct = self._parties_of(
            trig, role, passive=passive, lo=lo, hi=hi, items=items
        )
        if role == "seize" and direct == 0 and self._shot_down(trig, items):
            items = []
        enforcers = self._enforcers(trig, lo)
        if enforcers is not None:
            suppliers, recipient = self._stated_parties(trig, role, suppliers, recipient, enforcers)
            direct = int(bool(suppliers)) + int(recipient is not None)
        origins = [(w, self._origin(w)) for w in items]
        return _Reading(
            suppliers, recipient, status, origins, direct, role=role, strict=enforcers is not None
        )

    def _shot_down(self, trig: _Trigger, items: list[WeaponMention]) -> bool:
        """ "credited with intercepting hostile aircraft and drones": what flies at a defence is intercepted
        in the air, not seized in transit, unless a shipment or a party of one is named."""
        if not self.low[trig.start].startswith("intercept") or not items or items[0].start < trig.end:
            return False
        if any(w.category not in ("aircraft", "helicopter", "uav", "missile") for w in items):
            return False
        return _CARGO.isdisjoint(self.low[trig.end : items[0].start])

    # --- sanctions and enforcement ---------------------------------------------------------------------

    def _enforcers(self, trig: _Trigger, lo: int) -> list[_Party] | None:
        """Who takes the sanctions or enforcement action ("OFAC designated", "were indicted by") that
        governs the transfer word; None when no such action stands before it in the clause.

        What such a clause reports is a listing or a charge: the transfer words in it ("for procuring
        components for Iran") describe the ones listed, and the one who lists them is no party.
        """
        for cue in reversed(self.cues):
            if cue.kind != "enforcement" or not lo <= cue.start < trig.start or not self._acts(cue):
                continue
            verb = self._listing_verb(cue, lo)
            action = _Trigger(verb, cue.end, "give", "delivered", "verb")
            agent = self._after(action, _BY, trig.start)
            return [*self._subject(action, lo), *([agent] if agent is not None else [])]
        return None

    def _acts(self, cue: _Cue) -> bool:
        """Whether an enforcement word is used as a verb ("Treasury sanctions X", "designated X"),
        not as a noun or an adjective ("despite sanctions", "the designated entities")."""
        word = self.low[cue.start]
        before = self.low[cue.start - 1] if cue.start > 0 else ""
        if cue.end - cue.start > 1:
            return True  # "imposed sanctions on", "added to the Entity List"
        if before in _NOUN_LEFT:
            return False
        if word in ("sanction", "sanctions", "charges"):
            return before in _AUXILIARIES or cue.start - 1 in self.party_ending
        return True

    def _listing_verb(self, cue: _Cue, lo: int) -> int:
        """Where the verb of a listing stands: "added ... to the Entity List" is read from "added"."""
        if self.low[cue.start] != "entity":
            return cue.start
        for j in range(cue.start - 1, max(lo, cue.start - 15) - 1, -1):
            if self.low[j] in _LISTING_VERBS:
                return j
        return cue.start

    def _stated_parties(
        self,
        trig: _Trigger,
        role: Role,
        suppliers: list[_Party],
        recipient: _Party | None,
        enforcers: list[_Party],
    ) -> tuple[list[_Party], _Party | None]:
        """The parties of a transfer word governed by an enforcement action: never the one who acts; for
        buying ("procured", "acquired"), a supplier only when named with "from"."""

        def enforcing(party: _Party) -> bool:
            return any(_same(_state_party(party.ref), _state_party(e.ref)) for e in enforcers)

        source = self._after(trig, _FROM, len(self.tokens), reach=6)
        if role in ("get", "get_noun"):
            suppliers = []
        suppliers = [s for s in suppliers if not enforcing(s)]
        if not suppliers and source is not None and not enforcing(source):
            suppliers = [source]
        if recipient is not None and enforcing(recipient):
            recipient = None
        return suppliers, recipient

    def _read_include(self, trig: _Trigger, lo: int, limit: int, before: list[_Trigger]) -> _Reading | None:
        if any(t.role != "include" for t in before) or self.state.frame is None:
            return None
        frame = self.state.frame
        if self.clause.index - frame.sentence > _FRAME_REACH:
            return None
        subject = [w for w in self.low[lo : trig.start] if w in ("package", "packages", "shipment", "delivery",
                                                                 "deliveries", "order", "deal", "cargo", "aid",
                                                                 "assistance", "consignment", "batch", "it",
                                                                 "this", "these", "equipment", "hardware")]  # fmt: skip
        inverted = trig.end < len(self.low) and self.low[trig.end] in ("are", "is", "were", "was")
        if not subject and not self.text.rstrip().endswith(":") and not inverted:
            return None  # "Also included are X": the list follows the verb
        items = self._items_after(trig, limit)
        return _Reading([], None, frame.status, [(w, self._origin(w)) for w in items], 0)

    # --- items ----------------------------------------------------------------------------------------

    def _items_after(self, trig: _Trigger, limit: int) -> list[WeaponMention]:
        candidates = [w for w in self.weapons if trig.end <= w.start < limit and w.is_item]
        if not candidates:
            return []
        first = candidates[0]
        if not self._object_gap_ok(trig.end, first.start, trig.role in _NOUN_ROLES):
            return []
        chosen = [first]
        last = first
        for weapon in candidates[1:]:
            if self._list_gap_ok(last, weapon):
                chosen.append(weapon)
                last = weapon
            elif self._attached(last, weapon):
                if last is chosen[-1] and last.designation is None and weapon.designation is not None:
                    chosen[-1] = last.named_as(weapon.designation, last.kind)  # "interceptors for NASAMS"
                last = weapon  # "ammunition for HIMARS launchers, 155mm rounds": the launchers say whose
        supplied = self._supplied_with(trig, chosen)
        if supplied is not None:
            return self._items_after(_Trigger(supplied, supplied, "give_noun", trig.status, trig.form), limit)
        return self._drop_carriers(chosen)

    def _armed_with(self, trig: _Trigger, items: list[WeaponMention]) -> bool:
        """Whether `trig` is a participle after "with" and the items ("attacked with drones supplied by")."""
        if not items or not self._reduced_relative(trig):
            return False
        heads = [w.start for w in self.weapons if w.end == trig.start or w.end == trig.start - 1]
        return any(head > 0 and self.low[head - 1] == "with" for head in heads)

    def _listed_including(self, start: int, limit: int) -> list[WeaponMention]:
        """ "weapons supplied by Iran, including drones and missiles": what the general word stands for."""
        for k in range(start, min(start + 16, limit)):
            if self.low[k] in ("including", "notably") or self.low[k : k + 2] == ["such", "as"]:
                if "," not in self.text[self.tokens[k - 1].end : self.tokens[k].start]:
                    return []
                step = 2 if self.low[k] == "such" else 1
                return self._items_after(_Trigger(k, k + step, "include", "delivered", "base"), limit)
            if self.low[k] in _GAP_BLOCKERS_BUT_SOURCE and not self._time_phrase(k):
                return []  # "weapons drawn from its stocks, the Pentagon said on Friday, including"
        return []

    def _attached(self, left: WeaponMention, right: WeaponMention) -> bool:
        """Whether `right` only qualifies `left` ("ammunition for HIMARS", "parts of the S-400")."""
        between = [self.low[i] for i in range(left.end, right.start)]
        if between == ["for"] and right.designation is None and right.category == "air_defence":
            return True  # "missiles for air defence, Stinger missiles": the purpose of the first item
        if (
            between == ["for"]
            and left.designation is None
            and right.designation is not None
            and left.category in ("missile", "air_defence")
        ):
            return True  # "interceptors for NASAMS": what the first item is fired from
        return (
            left.category in ("ammunition", "components")
            and bool(between)
            and between[0] in ("for", "of")
            and all(w in ("for", "of", "the", "its", "their") for w in between)
        )

    def _supplied_with(self, trig: _Trigger, chosen: list[WeaponMention]) -> int | None:
        """ "providing its F-16 fleet with missiles": the weapons owned are supplied with what follows "with".

        The token after that "with", when the items read follow an owner's word ("its", "their",
        "Poland's") and a "with" closes them; None otherwise.
        """
        if trig.role != "give" or chosen[0].start == 0:
            return None
        before = chosen[0].start - 1
        owned = self.low[before] in _OWNER_WORDS or self.tokens[before].text.endswith(("'s", "’s"))
        k = chosen[-1].end
        while k < len(self.low) and k < chosen[-1].end + 2 and self.low[k] in _FLEET_WORDS:
            k += 1
        if owned and k < len(self.low) and self.low[k] == "with":
            return k + 1
        return None

    def _items_before(self, trig: _Trigger, window_start: int) -> list[WeaponMention]:
        candidates = [
            w for w in self.weapons if window_start <= w.start and w.end <= trig.start and w.is_item
        ]
        if not candidates:
            return []
        last = candidates[-1]
        gap = self.tokens[last.end : trig.start]
        gap_text = self.text[last.last : self.tokens[trig.start].start]
        named = self._apposed(candidates, gap_text)
        if named is not None and not any(self.low[i] in _GAP_BLOCKERS for i in range(last.end, trig.start)):
            return [named]  # "the Akinci, a larger drone, has been exported to": the system named
        relative = bool(gap) and self.low[last.end] in ("which", "that")
        if len(gap) > 6 or ("," in gap_text and not (relative and gap_text.count(",") == 1)):
            return []
        if any(self.low[i] in _GAP_BLOCKERS_BUT_AGENT for i in range(last.end, trig.start)):
            return []
        chosen = [last]
        for weapon in reversed(candidates[:-1]):
            if self._list_gap_ok(weapon, chosen[0]):
                chosen.insert(0, weapon)
            else:
                break
        return self._drop_carriers(chosen)

    def _apposed(self, candidates: list[WeaponMention], gap_text: str) -> WeaponMention | None:
        """The named system a generic noun in an apposition right before the verb describes
        ("the K9, a tracked howitzer, has been"), if that is the shape."""
        if len(candidates) < 2 or not gap_text.startswith(",") or "," in gap_text[1:]:
            return None
        if candidates[-1].designation is not None or len(gap_text.split()) > 6:
            return None
        last, named = candidates[-1], candidates[-2]
        if named.designation is None:
            return None
        between = self.text[named.last : self.tokens[last.start].start]
        words = between.split()
        if not between.startswith(",") or "," in between[1:] or not 2 <= len(words) <= 5:
            return None
        return named if words[1].lower() in ("a", "an") else None

    def _elliptic(self, trig: _Trigger, limit: int) -> list[WeaponMention]:
        """ "plans to buy 36 more", "will send two more", "weighs an offer for more": the system last named,
        in a new amount."""
        j = trig.end
        while j < min(limit, trig.end + 3) and (self.low[j][:1].isdigit() or self.low[j] in _NUMBER_WORDS):
            j += 1
        if j > trig.end and self._bare_count(trig.end, j, limit):
            # "Denmark will send 19 F-16s, while Norway pledged six": the count alone
            count = self.tokens[j - 1]
            return self._last_named(j - 1, j, count.start + len(count.key))
        if j == trig.end and j + 1 < limit and self.low[j] == "for" and self.low[j + 1] == "more":
            j += 1  # "an offer for more"
        elif j == trig.end or j >= limit or self.low[j] not in ("more", "additional", "others"):
            return []
        after = self.low[j + 1] if j + 1 < len(self.low) else ""
        if (
            after
            and after not in _PREPOSITIONS
            and after not in _TIME_WORDS
            and after not in ("next", "this")
        ):
            return []  # "36 more jets": the noun is there, and was not a weapon
        word = self.tokens[j]
        return self._last_named(j, j + 1, word.start, word.end)

    def _last_named(self, start: int, end: int, first: int, last: int | None = None) -> list[WeaponMention]:
        """The system last named in the text, standing at tokens `start`..`end` in a new amount."""
        earlier = [w for w in self.state.recent_weapons(self.clause.index) if w.designation]
        # "sent 18 tanks, while Norway gave three more": a system named earlier in the sentence counts too
        earlier += [w for w in self.weapons if w.designation and w.end <= start]
        if not earlier:
            return []
        system = earlier[-1]
        return [
            WeaponMention(
                start, end, first, first if last is None else last, system.category, system.designation,
                system.origin, "named",
            )
        ]  # fmt: skip

    def _bare_count(self, start: int, end: int, limit: int) -> bool:
        """Whether tokens `start`..`end` are a count that ends the clause or its object ("pledged six.")."""
        number = self.tokens[end - 1].text
        if number[:1].isdigit() and (not number.isdigit() or 1900 <= int(number) <= 2100):
            return False  # a year, a calibre
        if end >= len(self.low):
            return True
        if self.low[end : end + 2] in (["of", "them"], ["of", "these"], ["of", "those"]):
            return True  # "has ordered 18 of them"
        if self.low[end : end + 2] == ["of", "the"] and end + 2 < limit:  # "12 of the 19 it promised"
            total = self.low[end + 2]
            return total[:1].isdigit() or total in _NUMBER_WORDS or total in _GENERIC_PLURALS
        return end < limit and self.low[end] in ("to", "for", "in", "by", "next", "this", "last")

    def _object_gap_ok(self, start: int, end: int, noun: bool = False) -> bool:
        """Whether the words between a transfer word and its first item leave the item its object.

        After a transfer noun ("a contract", "a deal"), "with" may name the partner ("with Hanwha for").
        """
        party_tokens = self.party_tokens
        words = [i for i in range(start, end) if i not in party_tokens]
        if len(words) > 8:
            return False
        for i in words:
            word = self.low[i]
            if word == "in" and i > 0 and self.low[i - 1] in ("million", "billion", "trillion"):
                continue  # "an additional $250 million in weapons"
            if (
                word == "from"
                and i + 1 in party_tokens
                and start > 0
                and self.low[start - 1] in ("offer", "offers")
            ):
                continue  # "an offer from France for 24 jets"
            if word in _GAP_BLOCKERS and not self._time_phrase(i) and not self._bound_phrase(i):
                return False
            accompanied = i > 0 and self.low[i - 1] in ("together", "along")
            partner = noun and (i + 1 in party_tokens or (i + 2 in party_tokens and self.low[i + 1] == "the"))
            if word == "with" and (i == start or i - 1 not in party_tokens) and not (accompanied or partner):
                return False
            if word == "to" and i + 1 < end and (i + 1) not in party_tokens:
                nxt = self.low[i + 1]
                if nxt not in ("the", "a", "an") and not nxt[:1].isdigit():
                    return False  # "sent personnel to Iran to train on drones"
            if word in ("that", "said", "says"):
                return False
        return (
            ";"
            not in self.text[
                self.tokens[start].start if start < len(self.tokens) else 0 : self.tokens[end].start
            ]
        )

    def _bound_phrase(self, i: int) -> bool:
        """ "at least 20", "at most 40": a bound on the count that follows, not a place."""
        return self.low[i] == "at" and i + 1 < len(self.low) and self.low[i + 1] in ("least", "most")

    def _time_phrase(self, i: int) -> bool:
        """ "in May 2021", "on Thursday": a time, not a place or a purpose."""
        if self.low[i] not in ("in", "on", "at", "during", "since") or i + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[i + 1].text
        return nxt[:1].isdigit() or self.low[i + 1] in _TIME_WORDS

    def _list_gap_ok(self, left: WeaponMention, right: WeaponMention) -> bool:
        between = list(range(left.end, right.start))
        if self._counted_lines(left, right):
            return True  # "twenty (20) F-16 aircraft; twenty-four (24) engines; ...; and four (4) radars"
        if self._destination_gap(between):
            return True
        if len(between) > 10:
            return False
        if self._party_aside(left.end, right.start):
            return True
        words = [self.low[i] for i in between]
        for k, word in enumerate(words):
            if word in _VAGUE_COUNTS or (word == "of" and k > 0 and words[k - 1] in _VAGUE_COUNTS):
                continue  # "millions of shells and dozens of missiles"
            if (
                word in _LIST_WORDS
                or word[:1].isdigit()
                or word in ("more", "additional", "other", "further")
            ):
                continue
            if self.tokens[left.end + k].text[:1].islower() and word not in _PREPOSITIONS_OR_RELATIVE:
                continue
            if self.tokens[left.end + k].text[:1].isupper() and not any(
                p.start == left.end + k for p in self.parties
            ):
                continue
            return self._restarts(words[max(0, k - 1) :])
        return True

    def _destination_gap(self, between: list[int]) -> bool:
        """ "the TB2 to Poland and Morocco, and its Akinci drone": a destination between two items of one
        export, the second led by "and" and at most a determiner and adjectives."""
        if not between or len(between) > 30 or self.low[between[0]] != "to":
            return False
        states = [p for p in self.parties if between[0] < p.start and p.end <= between[-1] + 1]
        if not states or any(p.ref.kind != "state" for p in states):
            return False
        tail = [self.low[i] for i in between if i >= states[-1].end]
        if not tail or tail[0] != "and" or len(tail) > 4:
            return False
        return all(
            word in ("its", "their", "the", "a", "an", "of")
            or (word.isalpha() and word not in _PREPOSITIONS_OR_VERBAL)
            for word in tail[1:]
        ) and not any(t.start in between for t in self.triggers)

    def _counted_lines(self, left: WeaponMention, right: WeaponMention) -> bool:
        """Whether the items stand in a list of counted lines split by semicolons, as sale notices write them.

        Each line after a semicolon opens with its count ("; twenty-two (22) ..."), so an unknown item
        between two weapons does not end the list.
        """
        gap = self.text[left.last : right.first]
        if ";" not in gap or len(gap) > 240 or right.start - left.end > 30:
            return False
        head, *lines = gap.split(";")
        return len(head.split()) <= 2 and all(_COUNTED_LINE.match(line) is not None for line in lines)

    def _party_aside(self, start: int, end: int) -> bool:
        """ "four Mi-171 helicopters from Russia in 2021 and several L-39 jets": the source and time of the
        first item stand between it and the next."""
        k = start
        while k < min(end, start + 3) and self.low[k] not in ("from", "to") and self.tokens[k].text.islower():
            k += 1  # "KAAN fighters from X": the head noun of the first item
        if k >= end or self.low[k] not in ("from", "to") or k + 1 not in self.party_tokens:
            return False
        k += 1
        while k < end and k in self.party_tokens:
            k += 1
        if k + 1 < end and self._time_phrase(k):
            k += 2
        rest = range(k, end)
        if k + 1 < end and self.low[k] == "and" and self.low[k + 1] == "for":
            k += 1  # "for 48 jets from X and for 60 drones from Y"
            rest = range(k + 1, end)
            return bool(rest) and all(
                self.low[i] in _NUMBER_WORDS
                or self.low[i][:1].isdigit()
                or self.low[i] in ("more", "additional")
                for i in rest
            )
        return (
            bool(rest)
            and self.low[k] == "and"
            and all(
                self.low[i] in _LIST_WORDS
                or self.low[i] in _NUMBER_WORDS
                or self.low[i][:1].isdigit()
                or self.low[i] in ("several", "more", "additional", "other", "further")
                for i in rest
            )
        )

    @staticmethod
    def _restarts(words: list[str]) -> bool:
        for restart in _RESTARTS:
            n = len(restart)
            for k in range(len(words) - n + 1):
                if tuple(words[k : k + n]) == restart:
                    return not any(w in ("for", "against", "using") for w in words[k + n :])
        return False

    def _drop_carriers(self, items: list[WeaponMention]) -> list[WeaponMention]:
        kept = []
        for k, weapon in enumerate(items):
            after = self.low[weapon.end] if weapon.end < len(self.low) else ""
            if after in ("with", "carrying", "loaded", "transporting") and k + 1 < len(items):
                continue  # "a plane with S-400 components": the carrier
            before = self.low[weapon.start - 1] if weapon.start > 0 else ""
            if before in ("using", "aboard", "via") or (
                before == "with" and k > 0 and weapon.category == "aircraft"
            ):
                continue
            kept.append(weapon)
        return kept

    def _origin(self, weapon: WeaponMention) -> _Party | None:
        """The state a weapon is said to come from: "Iranian-made drones", "Russian S-400 systems".

        Read once for each first token of a weapon (all it depends on), once the clause's parties are known.
        """
        if weapon.start not in self.origins:
            self.origins[weapon.start] = self._read_origin(weapon.start)
        return self.origins[weapon.start]

    def _read_origin(self, start: int) -> _Party | None:
        j = start
        for _ in range(5):
            j -= 1
            if j < 0:
                return None
            if "," in self.text[self.tokens[j].end : self.tokens[j + 1].start]:
                return None  # "in Ukrainian service, 155mm shells bought from ...": another phrase
            party = next((p for p in self.parties if p.end == j + 1 and p.form != "pronoun"), None)
            if party is not None:
                if party.ref.kind == "armed_group" or party.possessive:
                    return None
                after = self.tokens[party.end] if party.end < len(self.tokens) else None
                if after is not None and _joined(self.text, self.tokens[party.end - 1], after):
                    return party if after.key.lower() in _MADE else None
                return party if party.form in ("adjective", "organization") else None
            word = self.low[j]
            if word in _MADE:
                continue
            if any(t.role == "seize" and t.start <= j < t.end for t in self.triggers):
                return None  # "the U.S. Navy seized drone engines": who seizes is no origin
            if word in _PREPOSITIONS or word in _LIST_WORDS or j in self.party_tokens:
                return None
            if not (self.tokens[j].text[:1].islower() or word[:1].isdigit()) and j != start - 1:
                return None  # one unknown name may stand between ("Iranian Almas missiles")
        return None

    def _from_after(self, weapon: WeaponMention) -> _Party | None:
        """The state or company a weapon is said to come from right after it: "HQ-22 systems from China"."""
        j = weapon.end
        if j < len(self.low) and self.low[j] != "from" and self.tokens[j].text.islower():
            j += 1  # one head noun: "Rafale jets from France"
        if j >= len(self.low) or self.low[j] != "from":
            return None
        at = j + 2 if j + 1 < len(self.low) and self.low[j + 1] == "the" else j + 1
        party = next((p for p in self.parties if p.start == at and p.form != "pronoun"), None)
        if party is None or party.possessive or party.ref.kind not in ("state", "company"):
            return None
        if party.end < len(self.low) and self.low[party.end] not in ("and", ",", ".", ";"):
            return None  # "from Polish airfields": a place, not a source
        return party

    def _names_weapon(self, party: _Party, weapon: WeaponMention) -> bool:
        """Whether `party` stands right before the weapon, or before one unknown name of it."""
        if party.end == weapon.start:
            return True
        return party.end + 1 == weapon.start and self.tokens[party.end].text[:1].isupper()

    def _made_origin(self, weapon: WeaponMention) -> bool:
        party = self._origin(weapon)
        if party is None or party.end >= len(self.tokens):
            return False
        return self.low[party.end] in _MADE

    # --- parties ----------------------------------------------------------------------------------------

    def _in_phrase(self, party: _Party) -> bool:
        """Whether a party stands after a preposition ("from Iran", "to the Government of Australia")."""
        owner = next((p for p in self.parties if p.end == party.start and p.possessive), None)
        if owner is not None:
            return self._in_phrase(owner)  # "with Warsaw's Armament Agency"
        if party.start >= 2 and self.low[party.start - 1] == "in" and self.low[party.start - 2] in _SEATED:
            return False  # "the defence ministry in Seoul", "officials in Moscow": the state's own organ
        j = party.start - 1
        while j >= 0 and self.low[j] in ("the", "government", "of", "people", "armed", "forces", "kingdom",
                                         "republic", "state", "and", "its", "all", "weather", "friend"):  # fmt: skip
            if (
                self.low[j] == "of"
                and j - 1 >= 0
                and self.low[j - 1] not in ("government", "people", "forces", "kingdom", "republic", "state")
            ):
                return True
            if self.low[j] == "and":
                if _new_subject(self.text, self.tokens, self.low, j):
                    return False  # "to Bulgaria, and the United Kingdom has sent": a subject, not a list
                left = next((p for p in self.parties if p.end == j), None)
                return left is not None and self._in_phrase(left)
            j -= 1
        return j >= 0 and self.low[j] in _PREPOSITIONS

    def _is_modifier(self, party: _Party) -> bool:
        after = self.low[party.end] if party.end < len(self.low) else ""
        if after in _MODIFIER_HEADS:
            return True
        if after == "and" and party.end + 2 < len(self.low):
            nxt = next((p for p in self.parties if p.start == party.end + 1), None)
            if nxt is not None and nxt.end < len(self.low) and self.low[nxt.end] in _MODIFIER_HEADS:
                return True
        if self._joined_made(party):
            return True  # "China-made", "Russia-based"
        if (
            after in _COMPOUND_HEADS
            and party.end < len(self.tokens)
            and _joined(self.text, self.tokens[party.end - 1], self.tokens[party.end])
        ):
            return True
        if party.end in self.weapon_starts:
            return True
        if party.form != "adjective":
            return False
        for k in range(party.end, min(party.end + 3, len(self.tokens))):
            if (
                not self.tokens[k].text[:1].islower()
                or self.low[k] in _PREPOSITIONS
                or self.low[k] in _LIST_WORDS
            ):
                return False
            if k + 1 in self.weapon_starts:
                return True
        return False

    def _joined_made(self, party: _Party) -> bool:
        if party.end >= len(self.tokens):
            return False
        return _joined(self.text, self.tokens[party.end - 1], self.tokens[party.end])

    def _subject(self, trig: _Trigger, lo: int) -> list[_Party]:
        """The actor(s) doing what the transfer word says: the nearest one to its left, not in a phrase."""
        low = self.low
        party_ending = self.party_ending
        stops = self._subject_stops()
        stop = max(lo, trig.start - _SUBJECT_REACH)
        j = trig.start - 1
        while j >= stop:
            at = (
                bisect_right(stops, j) - 1
            )  # the words between are passed over: nothing in them stops the search
            if at < 0:
                return []
            j = stops[at]
            if j < stop:
                return []
            party = party_ending.get(j)
            if party is not None:
                j = party.start - 1
                if self._relative_head(party, trig):
                    return [party]  # "after the United States, which has supplied": the relative's head
                if self._usable_subject(party, trig):
                    return self._coordinated(party, lo)
                continue
            word = low[j]
            if word in _PERSONS and self.tokens[j].text[:1].isalpha():
                return []
            raised = (
                word in _REPORT_OR_RAISING
                and j > 0
                and low[j - 1] in _BE
                and j + 1 < trig.start
                and low[j + 1] == "to"
            )
            if raised:  # "Pakistan is reported to have agreed to buy": the one reported about is the subject
                j -= 1
                continue
            if word in _REPORT or (word == "that" and j > 0 and low[j - 1] in _REPORT_OR_ANNOUNCE):
                return []
            if (
                ";"
                in self.text[self.tokens[j].end : self.tokens[j + 1].start if j + 1 < len(self.tokens) else 0]
            ):
                return []
            j -= 1
        return []

    def _subject_stops(self) -> list[int]:
        """The tokens at which `_subject`, going left, may do anything but pass on, in order: the last token of
        a party, a personal pronoun, a word of reporting or raising, "that", a word before a semicolon.
        Computed once (the parties are known by then)."""
        if self.stops is None:
            stops = {j for j, mark in enumerate(self.marks) if mark & _STOP}
            stops.update(self.party_ending)
            if ";" in self.text:
                tokens = self.tokens
                stops.update(
                    j for j in range(len(tokens) - 1) if ";" in self.text[tokens[j].end : tokens[j + 1].start]
                )
            self.stops = sorted(stops)
        return self.stops

    def _relative_head(self, party: _Party, trig: _Trigger) -> bool:
        """Whether `party` is the head of a non-restrictive relative clause ("X, which ...") whose verb is `trig`."""
        k = party.end
        if party.form == "adjective" or k >= trig.start or self.low[k] not in ("which", "who"):
            return False
        return self.text[self.tokens[k - 1].end : self.tokens[k].start].strip() == ","

    def _usable_subject(self, party: _Party, trig: _Trigger) -> bool:
        if party.possessive:
            after = self.low[party.end] if party.end < len(self.low) else ""
            if any(w.start == party.end and w.end == trig.start and w.kind == "class" for w in self.weapons):
                return True  # "Serbia's air defence received": the force stands for its state
            if party.start > 0 and self.low[party.start - 1] == "with" and self._in_phrase(party):
                return False  # "a contract with Romania's ministry to supply": the partner, not who supplies
            return after in _OWNER_HEADS or (party.end == trig.start and trig.role in _NOUN_ROLES)
        if party.form == "pronoun" and party.end < len(self.low) and self.low[party.end] in _REPORT:
            return False
        if self._is_modifier(party):
            return False
        if party.form == "adjective" and party.end < trig.start:
            head = self.low[party.end]
            if self.tokens[party.end].text[:1].islower() and head not in _AGENT_HEADS:
                return False  # "Ukrainian pilots and supply the jets": the pilots, not the state
        if self._in_phrase(party):
            ahead = self.low[party.start - 1] if party.start > 0 else ""
            behind = self.low[party.end] if party.end < len(self.low) else ""
            return ahead == "for" and behind == "to"  # "approval for Australia to purchase"
        return True

    def _coordinated(self, party: _Party, lo: int) -> list[_Party]:
        out = [party]
        current = party
        while current.start - 2 >= lo and self.low[current.start - 1] in ("and", "or"):
            left = next((p for p in self.parties if p.end == current.start - 1), None)
            if left is None or left.form == "adjective":
                break
            out.insert(0, left)
            current = left
        return out

    def _listed_from(self, first: _Party, hi: int) -> list[_Party]:
        """ "from Germany, Denmark and the Netherlands": the states listed with the first one after "from"."""
        out = [first]
        current = first
        while len(out) < 8:
            j = current.end
            comma = j < hi and "," in self.text[self.tokens[j - 1].end : self.tokens[j].start]
            if j < hi and self.low[j] == "and":
                if _new_subject(self.text, self.tokens, self.low, j):
                    break  # "to Bulgaria, and Germany is weighing ...": the list ends, a clause begins
                j += 1
            if j < hi and self.low[j] == "the":
                j += 1
            nxt = (
                self.party_starting.get(j)
                if j < hi and (comma or self.low[j - 1] in ("and", "the"))
                else None
            )
            if nxt is None or nxt.form != "name" or nxt.ref.kind != "state" or nxt.possessive:
                break
            if (
                nxt.end < len(self.low)
                and self.low[nxt.end] in _REPORT
                and "," not in self.text[self.tokens[nxt.end - 1].end : self.tokens[nxt.end].start]
            ):
                break  # "from Germany, Denmark said", not "to Poland and Estonia, according to"
            out.append(nxt)
            current = nxt
        return out if all(p.form == "name" and p.ref.kind == "state" for p in out) else [first]

    def _after(self, trig: _Trigger, wanted: frozenset[str], hi: int, reach: int = 5) -> _Party | None:
        """The first actor after the transfer word introduced by one of the words `wanted` ("to", "from")."""
        if "from" in wanted:
            hi = min(hi, self._unknown_source(trig.end, hi))
        for party in self.parties:
            if party.start < trig.end or party.start >= hi:
                continue
            if party.start - trig.end > 40:
                break
            j = party.start - 1
            steps = 0
            while j >= trig.end and steps < reach and self.low[j] not in wanted:
                if self.low[j] in _PREPOSITIONS_BUT_OF or not self.tokens[j].text[:1].isalpha():
                    break
                if "," in self.text[self.tokens[j].end : self.tokens[j + 1].start]:
                    break  # "for the battery, Dutch officials said": the phrase ends at the comma
                if j in self.party_tokens:
                    break
                j -= 1
                steps += 1
            if j >= trig.end and self.low[j] in wanted:
                if self._is_modifier(party) or not self._adjective_stands_for_state(party):
                    continue
                if self.low[j] == "to" and not self._to_party(j, party):
                    continue  # "according to U.N. officials", "to counter Russian air power"
                head = next((p for p in self.parties if p.start == party.end), None)
                if party.possessive and head is not None:
                    return head  # "to Yemen's Houthi rebels"
                return party
        return None

    def _unknown_source(self, start: int, hi: int) -> int:
        """Where the search for a source ends: after the first "from" that names one the gazetteers do not
        know ("from Mitsubishi Heavy Industries, and ... from LIG Nex1": not the later one); else `hi`."""
        low = self.low
        # each "from" in range, in order (a plain loop, as in `_headline_future`)
        for j in range(start, min(hi, start + 40, len(low) + 1) - 1):
            if low[j] != "from" or j + 1 in self.party_tokens:
                continue
            name = self.tokens[j + 1].text
            if name[:1].isupper() and name.isalpha() and low[j + 1] not in _TIME_WORDS:
                return j + 1
        return hi

    def _adjective_stands_for_state(self, party: _Party) -> bool:
        """Whether an adjective names its state as a party ("from Russian stocks", "to Ukrainian forces"),
        not something merely of that state ("proceeds from frozen Russian assets")."""
        if party.form != "adjective" or party.end >= len(self.tokens):
            return True
        head = self.tokens[party.end].key
        return not (head.isalpha() and head.islower()) or self.low[party.end] in _AGENT_OR_SOURCE_HEADS

    def _to_party(self, j: int, party: _Party) -> bool:
        """Whether the "to" at token `j` introduces `party` as a destination, not an infinitive or an idiom."""
        if j > 0 and self.low[j - 1] in _NOT_RECIPIENT_TO:
            return False
        first = j + 1
        if first >= party.start or first in self.party_tokens or not self.tokens[first].text[:1].islower():
            return True
        return self.low[first] in _TO_DETERMINERS  # not "to counter Russian air power"

    def _indirect_object(self, trig: _Trigger) -> _Party | None:
        start = trig.end + (1 if trig.end < len(self.low) and self.low[trig.end] == "the" else 0)
        party = next((p for p in self.parties if p.start == start), None)
        if party is not None and party.possessive and self._owns_supplied(party):
            return party  # "provide Ukraine's F-16 fleet with missiles"
        if party is None or party.possessive or self._joined_made(party):
            return None
        if party.form == "adjective" and self._is_modifier(party):
            return None  # "supplied Iranian drones"
        return party

    def _owns_supplied(self, party: _Party) -> bool:
        """Whether the weapons a possessive party owns are supplied "with" something ("Ukraine's F-16s with")."""
        weapon = next((w for w in self.weapons if w.start == party.end), None)
        if weapon is None:
            return False
        k = weapon.end
        while k < len(self.low) and k < weapon.end + 2 and self.low[k] in _FLEET_WORDS:
            k += 1
        return k < len(self.low) and self.low[k] == "with"

    def _helped(self, trig: _Trigger, hi: int) -> _Party | None:
        """ "to help Ukraine", "to support Ukraine": the one an aid package is for."""
        for party in self.parties:
            near = trig.end <= party.start < hi and party.start >= 2
            if near and self.low[party.start - 1] in _RECIPIENT_VERBS and self.low[party.start - 2] == "to":
                return party
        return None

    def _partner(self, lo: int, hi: int) -> _Party | None:
        """The party named after "with" ("a contract with Hanwha"), unless "with" relates it to
        something other than a deal ("the border with China", "tensions with Russia")."""
        for party in self.parties:
            if not lo <= party.start < hi:
                continue
            at = party.start - 1
            if at > 0 and self.low[at] == "the":
                at -= 1
            if at >= 0 and self.low[at] == "with" and (at == 0 or self.low[at - 1] not in _NOT_DEAL_WITH):
                return party
        return None

    def _parties_of(
        self, trig: _Trigger, role: Role, *, passive: bool, lo: int, hi: int, items: list[WeaponMention]
    ) -> tuple[list[_Party], _Party | None, int]:
        """Suppliers, recipient and how many of the two were read from the clause itself."""
        sentence_end = self._adjunct(trig)
        subject = self._subject(trig, lo)
        if role in _NOUN_ROLES and self._objecting(subject, trig):
            subject = []  # "Beijing opposed the sale": who objects to a transfer is no party to it
        # the parties after "to", "from" and "by" are each found where the role's reading asks for them
        # (`_after` only reads the clause: whether and in what order they are asked changes no answer)
        suppliers: list[_Party] = []
        recipient: _Party | None = None
        if role == "deal":
            return self._deal_parties(trig, subject, lo, hi, items)
        if role == "give" and not passive:
            source = self._after(trig, _FROM, sentence_end, reach=6)
            recipient = self._indirect_object(trig) or self._after(trig, _TO_FOR_INTO, hi)
            suppliers = [] if self._participle_of_noun(trig) else subject
            if suppliers:
                suppliers = [*suppliers, *(p for p in self._joint(trig, hi) if not _same(p.ref, recipient))]
            if source is not None and (not suppliers or any(_same(s.ref, recipient) for s in suppliers)):
                suppliers = [source]
        elif role == "give" and passive:
            source = self._after(trig, _FROM, sentence_end, reach=6)
            by = self._after(trig, _BY, hi)
            recipient = self._after(trig, _TO_FOR_INTO, hi)
            if recipient is None and subject and trig.end < len(self.low) and self.low[trig.end] == "with":
                recipient = subject[0]
            if recipient is None and subject and by is not None and self._armed_with(trig, items):
                recipient = subject[0]  # "the Houthis attacked ships with weapons supplied by Iran"
            suppliers = [p for p in (by, source) if p is not None][:1]
        elif role == "get" and not passive:
            source = self._after(trig, _FROM, sentence_end, reach=6)
            recipient = subject[0] if subject else None
            suppliers = self._listed_from(source, sentence_end) if source is not None else []
            if (
                self.low[trig.end - 1] in ("offer", "offers")
                and recipient is not None
                and recipient.ref.kind == "company"
            ):
                # "the firm is studying an offer from Romania": the maker weighs a buyer's offer
                suppliers, recipient = [recipient], source
            beneficiary = self._after(trig, _FOR, hi)
            if beneficiary is not None and any(
                trig.end <= t.start < beneficiary.start for t in self.triggers
            ):
                beneficiary = None  # "received TB2s that its allies had bought for it": the later verb's
            if recipient is not None and beneficiary is not None and not _same(recipient.ref, beneficiary):
                # "the Netherlands bought 100 tanks for Kyiv (together with Denmark)": buyers give
                suppliers, recipient = [*subject, *self._joint(trig, hi)], beneficiary
        elif role == "get":  # "drones that were acquired from Tehran": the buyer is told elsewhere
            source = self._after(trig, _FROM, sentence_end, reach=6)
            recipient = self._after(trig, _BY, hi)
            suppliers = [source] if source is not None else []
        elif role == "use":  # who uses is the recipient; the supplier only from a written origin
            recipient = self._after(trig, _BY, hi) if passive else (subject[0] if subject else None)
        elif role == "arrive":
            source = self._after(trig, _FROM, sentence_end, reach=6)
            recipient = self._after(trig, _IN_TO_AT_INTO, hi) or self._after(trig, _TO_FOR_INTO, hi)
            suppliers = [source] if source is not None else []
        elif role == "seize":  # the one who seizes is no party to the transfer
            source = self._after(trig, _FROM, sentence_end, reach=6)
            recipient = self._after(trig, _TO_FOR, sentence_end, reach=6)
            suppliers = [source] if source is not None else []
        elif role in ("give_noun", "package"):
            owner = self._owner(trig)
            source = None if owner is not None else self._after(trig, _FROM, sentence_end, reach=6)
            suppliers = [owner] if owner is not None else ([source] if source is not None else [])
            if not suppliers:
                by = self._after(trig, _BY, hi)
                if by is not None:
                    suppliers = [by]
            if not suppliers:
                suppliers = subject
            recipient = self._after(trig, _TO_FOR_INTO, hi) or (
                self._helped(trig, hi) if role == "package" else None
            )
        elif role == "get_noun":
            owner = self._owner(trig)
            recipient = owner or (subject[0] if subject else None)
            source = self._after(trig, _FROM, sentence_end, reach=6)
            suppliers = [source] if source is not None else []
        if recipient is None and role in ("give", "get") and self._deal_in_sentence():
            partner = self._partner(lo, hi)
            if partner is not None and not any(_same(s.ref, partner) for s in suppliers):
                recipient = partner
        direct = int(bool(suppliers)) + int(recipient is not None)
        return suppliers, recipient, direct

    def _adjunct(self, trig: _Trigger) -> int:
        """Where an adjunct clause after the transfer word begins (", drawing a rebuke from Beijing")."""
        tokens = self.tokens
        if trig.end + 1 >= len(tokens) or "," not in self.text[tokens[max(trig.end - 2, 0)].end :]:
            return len(tokens)  # each test below needs a comma after the third token before `trig.end + 1`
        for k in range(trig.end + 1, len(self.tokens)):
            word = self.tokens[k].text
            if (
                word.islower()
                and word.endswith("ing")
                and "," in self.text[self.tokens[k - 1].end : self.tokens[k].start]
            ):
                return k
            if (
                word in ("that", "which")
                and k >= 3
                and "," in self.text[self.tokens[k - 3].end : self.tokens[k].start]
            ):
                return k  # ", a move that drew a rebuke from Beijing"
            if word == "and" and _new_subject(self.text, tokens, self.low, k):
                return k  # ", and Germany has received jets from Spain": another subject's adjunct
        return len(self.tokens)

    def _objecting(self, subject: list[_Party], trig: _Trigger) -> bool:
        """Whether the subject's verb before a transfer noun objects to it ("opposed", "condemned")."""
        if not subject:
            return False
        return any(self.low[k] in _OBJECTING for k in range(subject[-1].end, trig.start))

    def _participle_of_noun(self, trig: _Trigger) -> bool:
        """ "intercepted a vessel smuggling rifles": the -ing form qualifies a noun, whose doer is not
        the sentence's subject."""
        if trig.form != "ing" or trig.start == 0:
            return False
        j = trig.start - 1
        word = self.tokens[j].text
        if not word.isalpha() or not word.islower() or j in self.party_tokens:
            return False
        return self.low[j] not in _NOT_SUBJECT_LEFT

    def _joint(self, trig: _Trigger, hi: int) -> list[_Party]:
        """Partners named after "together with", "jointly with", "along with", between the subject and the
        verb ("X, together with Y, will pay for") or after the verb up to the next transfer word."""
        end = min((t.start for t in self.triggers if t.start >= trig.end), default=hi)
        out = []
        for party in self.parties:
            k = party.start
            if (
                trig.start - 6 <= k < min(hi, end)
                and k >= 2
                and self.low[k - 1] == "with"
                and self.low[k - 2] in _JOINTLY
            ):
                if party.form == "adjective" or trig.start <= k < trig.end:
                    continue
                if k > trig.end and "and" in self.low[trig.end : k]:
                    continue  # "that buys shells, and, together with Y, will pay for": the next verb's partner
                out.append(party)
        return out

    def _deal_in_sentence(self) -> bool:
        return any(t.role == "deal" for t in self.triggers)

    def _owner(self, trig: _Trigger) -> _Party | None:
        """ "Iran's provision of", "Serbia's purchase": the possessive just before a transfer noun."""
        for back in range(1, 3):
            j = trig.start - back
            party = next((p for p in self.parties if p.end - 1 == j), None)
            if party is not None:
                return party if party.possessive else None
        return None

    def _deal_parties(
        self, trig: _Trigger, subject: list[_Party], lo: int, hi: int, items: list[WeaponMention]
    ) -> tuple[list[_Party], _Party | None, int]:
        partner = self._partner(lo, hi)
        signer = subject[0] if subject else None
        makers = {w.origin for w in items if w.origin}
        for weapon in items:
            origin = self._origin(weapon)
            if origin is not None and origin.ref.country:
                makers.add(origin.ref.country)
        frame = self._frame()
        if partner is None and len(subject) == 2 and all(p.ref.kind == "state" for p in subject):
            # "India and France signed an agreement for the purchase of Rafale jets": the maker's state sells
            named = makers | {w.origin for w in self.weapons if trig.end <= w.start < hi and w.origin}
            sellers = [p for p in subject if _country(p.ref) in named]
            if len(sellers) == 1:
                buyer = next(p for p in subject if p is not sellers[0])
                return sellers, buyer, 2
        if signer is not None and partner is not None:
            if _country(signer.ref) in makers or (frame and _same(signer.ref, frame.supplier)):
                return [signer], partner, 2
            return [partner], signer, 2
        party = signer or partner
        if party is None:
            return [], None, 0
        if frame is not None:
            if _same(party.ref, frame.recipient):
                return [], party, 1
            if _same(party.ref, frame.supplier):
                return [party], None, 1
        if makers and _country(party.ref) not in makers:
            return [], party, 1
        return [], None, 0

    def _frame(self) -> _Frame | None:
        frame = self.state.frame
        if frame is None or self.clause.index - frame.sentence > _FRAME_REACH:
            return None
        return frame


_REPORT = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "stated",
        "states",
        "reported",
        "reports",
        "according",
        "believes",
        "believe",
        "warned",
        "estimated",
        "estimates",
        "claimed",
        "claims",
        "tweeted",
        "wrote",
        "explained",
        "indicates",
        "indicated",
        "shows",
        "showed",
        "means",
        "concerned",
        "hopes",
        "expects",
        "thinks",
        "think",
        "ensure",
    ]
)
_RAISING = frozenset(["believed", "thought", "understood", "alleged", "rumoured", "rumored", "known", "said"])
_ANNOUNCE = frozenset(["announced", "announces", "announce", "confirmed", "confirms", "revealed", "reveals"])
_REPORT_OR_RAISING = _REPORT | _RAISING
_REPORT_OR_ANNOUNCE = _REPORT | _ANNOUNCE
_SUBJECT_STOPS = _PERSONS | _REPORT_OR_RAISING | {"that"}  # words `_subject` looks at

# The bits of a word's marks (`_word_marks`), one for each set of words a clause's reading tests every
# word against; `FIRST_WORD` is `find_weapons`' own.
_TRIGGER_FIRST: Final = FIRST_WORD << 1  # a first word of a transfer phrase (`_Lexicon.firsts`)
_CUE_FIRST: Final = FIRST_WORD << 2  # a first word of a cue (`_Lexicon.cues`)
_STOP: Final = FIRST_WORD << 3  # one of `_SUBJECT_STOPS`
_CUT: Final = FIRST_WORD << 4  # one of `_CUT_WORDS`
_PRONOUN: Final = FIRST_WORD << 5  # one of `_PRONOUNS` (`_ClauseReader._coreferences`)
_OWNER: Final = FIRST_WORD << 6  # one of `_GOVERNMENT_OWNERS`
_DESCRIBED: Final = FIRST_WORD << 7  # "government" or one of `_DESCRIBED_NOUNS`


@cache
def _word_marks() -> dict[str, int]:
    """For each word (in lower case) of any of those sets, the bits of the sets it belongs to; a word of
    none has no marks (0)."""
    lex = _lexicon()
    marks: dict[str, int] = {}
    for words, bit in (
        (first_words(), FIRST_WORD),
        (lex.firsts, _TRIGGER_FIRST),
        (frozenset(lex.cues), _CUE_FIRST),
        (_SUBJECT_STOPS, _STOP),
        (_CUT_WORDS, _CUT),
        (_PRONOUNS, _PRONOUN),
        (_GOVERNMENT_OWNERS, _OWNER),
        (_DESCRIBED_NOUNS | {"government"}, _DESCRIBED),
    ):
        for word in words:
            marks[word] = marks.get(word, 0) | bit
    return marks


def _other_make(items: list[tuple[WeaponMention, _Party | None]], frame: _Frame) -> bool:
    """Whether a system named is made elsewhere than by the frame's supplier, and was not part of its transfer.

    ("... its purchase of the Russian S-400. Officials hoped the F-16 deal would ...": the F-16 deal is not
    Russia's.)
    """
    supplied = {item.designation for item in frame.items if item.designation}
    supplier = frame.supplier.ref.country
    return any(
        w.designation and w.origin and supplier and w.origin != supplier and w.designation not in supplied
        for w, _ in items
    )


def _same_kind(items: list[tuple[WeaponMention, _Party | None]], earlier: list[Item]) -> bool:
    """Whether the items are of the kind just spoken of (same system, or same class when unnamed)."""
    for weapon, _ in items:
        for item in earlier:
            if weapon.designation and item.designation:
                if weapon.designation == item.designation:
                    return True
            elif weapon.category == item.category:
                return True
    return False


def _compatible(anaphor: str, antecedent: str) -> bool:
    if anaphor == antecedent:
        return True
    wider = {
        "aircraft": {"helicopter", "uav"},
        "missile": {"air_defence"},
        "small_arms": {"artillery", "air_defence"},
    }
    return antecedent in wider.get(anaphor, set())


def _other_state(iso3: str, party: _Party) -> bool:
    """Whether the state of code `iso3` is known and is not the one `party` stands for."""
    ref = country(iso3)
    return ref is not None and not _same(ref, party)


def _country(ref: ActorRef) -> str | None:
    return ref.country


def _same(ref: ActorRef, other: _Party | ActorRef | None) -> bool:
    if other is None:
        return False
    other_ref = other.ref if isinstance(other, _Party) else other
    if ref.country and other_ref.country:
        return ref.country == other_ref.country
    return ref.name == other_ref.name


def _as_actor(party: _Party) -> Actor:
    """The contract actor: government organs and companies stand for their state (the state exports, as
    arms registers record it; the company stays as an alias); armed groups and bodies for themselves."""
    ref = party.ref
    if ref.kind in ("organization", "company") and ref.country:
        state = country(ref.country)
        if state is not None:
            return state.to_actor(*([party.surface] if party.surface else []))
    return ref.to_actor(*([party.surface] if party.surface else []))


def _state_party(ref: ActorRef) -> ActorRef:
    if ref.kind == "organization" and ref.country:
        return country(ref.country) or ref
    return ref


def _item(reader: _ClauseReader, weapon: WeaponMention, status: ArmsStatus | None = None) -> Item:
    """The item a weapon mention names, with its count; a delivery of "96 of the 180 tanks" counts the 96."""
    text = reader.text
    previous_end = 0
    for other in reader.weapons:
        if other.last <= weapon.first:
            previous_end = max(previous_end, other.last)
    for trig in reader.triggers:
        end = reader.tokens[trig.end - 1].end
        if end <= weapon.first:
            previous_end = max(previous_end, end)
    before = text[previous_end : weapon.first]
    whole = quantity_before(before)
    quantity = share_of(before, whole) if status == "delivered" else None  # `share_before`
    if quantity is None:
        quantity = whole
    if quantity is None:
        quantity = quantity_after(text[weapon.last :])
    return _make_item(cast(ItemCategory, weapon.category), weapon.designation, quantity)


_ITEMS: Shared[tuple[str, str | None, int | None, int | None, str | None], Item] = Shared()
"""`_make_item`'s items, by their fields (a quantity's by its own)."""


def _make_item(category: ItemCategory, designation: str | None, quantity: Quantity | None) -> Item:
    """`Item(category=category, designation=designation, quantity=quantity)`, made once for each such item
    and shared: an Item and its Quantity are frozen, and a pydantic model takes microseconds to make."""
    if quantity is None:
        key: tuple[str, str | None, int | None, int | None, str | None] = (
            category,
            designation,
            None,
            None,
            None,
        )
    else:
        key = (category, designation, quantity.min, quantity.max, quantity.text)
    item = _ITEMS.get(key)
    if item is None:
        item = _ITEMS.keep(key, Item(category=category, designation=designation, quantity=quantity))
    return item


def read_arms(doc: Document) -> list[ArmsDraft]:
    """Every arms transfer the document reports; none for denials, tests or domestic production.

    Only sentences with a transfer word (found by a cheap word-set test on the
    raw sentence) are read closely, and the line after a list heading; at most
    `_MAX_READ` of them, which bounds the time any input takes.

    A sentence with a transfer word but no weapon, far from any weapon or
    transfer of weapons ("the deal was signed", "exports rose"), cannot give an
    event itself: what it can change is only what later sentences carry over.
    Its reading is put off until a sentence that may give one comes, and
    dropped if none does, so that ordinary news costs little more than the
    word tests; what is read, and in what order, is the same either way.

    A text that cheap tests over the whole of it show can give no event (no
    named system, and every clause with a transfer word and a weapon lacks a
    second party: `_gives_nothing`) is not read at all.
    """
    clauses = doc.clauses
    lex = _lexicon()
    if len(clauses) > _MANY_CLAUSES and lex.anchors.isdisjoint(_letter_runs(doc.text.lower())):
        return []  # one pass over a long text without a transfer word spares the sentence-by-sentence test
    state = _State(clauses)
    text_words = doc.words if len(clauses) <= _MANY_CLAUSES else None
    if text_words is not None:
        state.screen = weapon_screen(text_words, DOCUMENT_CUES)  # the sanctions screen too, in the same pass
    anchored = _Anchors(clauses, lex, text_words)
    deferring = anchored.fewer_than(_MAX_READ)  # else reading stops at a count, which waits must not move
    if deferring and _gives_nothing(state, anchored, doc.text):
        return []
    waiting: list[Clause] = []
    for clause in clauses:
        index = clause.index
        if waiting and _listed(state, index):
            _catch_up(waiting, state)  # the sentences put off may end the list that this line continues
        if not _listed(state, index):
            words = anchored[index] if index < len(anchored) else _anchors_in(clause, lex)
            if not words:
                continue
            if words <= lex.listing:
                _catch_up(waiting, state)
                if not _recent(state, index):
                    continue
            if deferring and _can_wait(clause, state):
                waiting.append(clause)
                continue
        _catch_up(waiting, state)
        _read_clause(clause, state)
        if state.read >= _MAX_READ:
            break
    _settle_requests(state)
    _smuggled_to_group(doc, state.drafts)
    return _merge(state.drafts)


_SMUGGLING = ("smuggl", "seiz", "interdict", "intercept", "traffick")


def _smuggled_to_group(doc: Document, drafts: list[ArmsDraft]) -> None:
    """In a report of seized or smuggled arms, a shipment "to Yemen" goes to the armed group the text names
    there (the Houthis), not to the state's government; only when the text names one such group.
    """
    head = doc.text[:20000].lower() if drafts else ""
    if not any(word in head for word in _SMUGGLING):
        return
    groups: dict[str, dict[str, Mention]] = {}
    for clause in doc.clauses[:400]:
        for mention in clause.actors:
            if mention.ref.kind == "armed_group" and mention.ref.country:
                groups.setdefault(mention.ref.country, {}).setdefault(mention.ref.name, mention)
    for draft in drafts:
        recipient = draft.recipient
        named = groups.get(recipient.country or "") if recipient.kind == "state" else None
        if not named or len(named) != 1 or draft.supplier.country == recipient.country:
            continue
        mention = next(iter(named.values()))
        draft.recipient = mention.ref.to_actor(mention.surface)


def _anchors_in(clause: Clause, lex: _Lexicon) -> frozenset[str]:
    return lex.anchors.intersection(_letter_runs(clause.lowered))


_LETTERS_ONLY = "".join(char if char.isalpha() else " " for char in map(chr, range(128)))
"""A `str.translate` table: each ASCII character that is not a letter becomes a space (others stay)."""

_LETTERS_BYTES = byte_table(_LETTERS_ONLY)


def _letter_runs(text: str) -> list[str]:
    """`_WORD_RUN.findall(text)`: the runs of letters of `text`, in order (by `str` methods when ASCII, faster)."""
    if text.isascii():
        return ascii_translate(text, _LETTERS_BYTES).split()
    return _WORD_RUN.findall(text)


@cache
def _known_words(anchors: frozenset[str]) -> Vocabulary:
    """The transfer words and the words a party may stand for, ready for a scan (`_Anchors.known`)."""
    return Vocabulary(frozenset(anchors | _PARTY_WORDS))


_NO_WORDS: frozenset[str] = frozenset()


class _Anchors:
    """The transfer words of each clause (`_anchors_in`), found when first asked for and kept.

    Indexed like the clauses; ordinary text with a few weapon words asks for those of a handful of
    clauses only (`_gives_nothing`), so the others are never looked at.
    """

    __slots__ = ("_clauses", "_found", "_known", "_lex", "_runs", "_vocabulary", "_words")

    def __init__(self, clauses: list[Clause], lex: _Lexicon, words: Words | None = None) -> None:
        self._clauses = clauses
        self._lex = lex
        self._words = words  # the words of the text the clauses are the sentences of, when made
        self._vocabulary = _known_words(lex.anchors)
        self._found: list[frozenset[str] | None] = [None] * len(clauses)
        self._runs: dict[int, list[str]] = {}  # clause index: `_letter_runs` of its lowered text, as found
        self._known: dict[int, list[str]] = {}  # clause index: `known`, as found

    def __len__(self) -> int:
        return len(self._clauses)

    def __getitem__(self, index: int) -> frozenset[str]:
        found = self._found[index]
        if found is None:
            anchors = self._lex.anchors
            known = self.known(index)  # `_anchors_in`; a clause that holds none shares one empty set
            found = frozenset([word for word in known if word in anchors]) if known else _NO_WORDS
            self._found[index] = found
        return found

    def known(self, index: int) -> list[str]:
        """The transfer words and the words a party may stand for (`_PARTY_WORDS`) among the runs of
        letters of clause `index` in lower case, as often as they stand: found by one scan of an ASCII
        clause (`Vocabulary.letter_words`), else picked from `runs`. Kept, and shared.

        With the text's `Words`, the scan reads the clause's stretch of `Words.data` (`spaced` as bytes) in
        place (no copy of the clause is made, and one with characters outside ASCII is scanned too): the
        same runs, in order. `spaced` is the text in lower case with each character but a letter or digit
        made a space, offsets kept, and a text has `Words` only when no character outside ASCII in it
        is a letter or digit; so such a character, which `str.lower` leaves one character that is no
        letter, ends a run of letters in both, as anything but "a" to "z" does in the scan.
        """
        found = self._known.get(index)
        if found is None:
            text_words = self._words
            if text_words is not None:
                low, high = text_words.starts[index], text_words.ends[index]
                found = self._vocabulary.letter_words_in(text_words.data, low, high)
            else:
                lowered = self._clauses[index].lowered
                if lowered.isascii():
                    found = self._vocabulary.letter_words(lowered)
                else:
                    vocabulary = self._vocabulary.words
                    found = [word for word in self.runs(index) if word in vocabulary]
            self._known[index] = found
        return found

    def party(self, index: int) -> bool:
        """Whether clause `index` holds a word a party may stand for (`_PARTY_WORDS`), as a run of letters."""
        return any(word in _PARTY_WORDS for word in self.known(index))

    def runs(self, index: int) -> list[str]:
        """`_letter_runs` of clause `index` in lower case, kept (the list is shared: callers do not change it)."""
        found = self._runs.get(index)
        if found is None:
            found = self._runs[index] = _letter_runs(self._clauses[index].lowered)
        return found

    def fewer_than(self, limit: int) -> bool:
        """Whether fewer than `limit` clauses hold a transfer word."""
        if len(self._clauses) < limit:
            return True
        count = 0
        for index in range(len(self._clauses)):
            count += bool(self[index])
            if count >= limit:
                return False
        return True


def _recent(state: _State, index: int) -> bool:
    frame = state.frame
    return frame is not None and index - frame.sentence <= _FRAME_REACH


def _listed(state: _State, index: int) -> bool:
    """Whether clause `index` is a line of the list the last transfer introduced ("includes:")."""
    frame = state.frame
    return frame is not None and frame.listing and index - frame.sentence <= 1


def _can_wait(clause: Clause, state: _State) -> bool:
    """Whether reading a clause can be put off: it can give no event of its own.

    It names no weapon, none that "36 more" or "the drones" could take up was
    named in the sentences they reach back to, it opens no list, and no transfer
    of weapons it could add to ("the signing of a contract was confirmed") is
    within reach. Clauses put off change nothing that a clause read later could
    not see first, since they are read, in order, before it.
    """
    frame = state.frame
    index = clause.index
    if frame is not None and frame.items and index - frame.sentence <= _FRAME_REACH:
        return False
    if clause.text.rstrip().endswith(":"):
        return False
    if state.names_items(index):
        return False
    return not any(state.names_recallable(k) for k in range(max(index - _WEAPON_REACH, 0), index))


def _gives_nothing(state: _State, anchored: _Anchors, text: str) -> bool:
    """Whether the document can be shown to give no event without reading it, from cheap tests alone.

    An event needs a weapon and two different parties. Here no line ends in a colon (no list is
    read), and no weapon the text may name is a named system or a designation, so none has a maker
    (a maker is a party: "Iranian drones") and none can be taken up later ("36 more"). So an event
    could only be read in a clause with a transfer word that names a weapon itself, and each such
    clause is "quiet": it gives no reading at all (`_inert`), or it is lonely: it names at most one
    actor, no word in it can stand for another ("it", "the country"), and no clause within
    `_FRAME_REACH` before it that is read can carry a transfer's parties to it, being quiet in the
    same way. No reading then has two different parties: no transfer is recorded, and none carries
    its parties on.

    `anchored` holds the transfer words of every clause, `text` is the document's.
    """
    screen = state.screen
    clauses = state.clauses
    if screen is None or screen.designations:
        return False
    if ":" in text and any(clause.text.rstrip().endswith(":") for clause in clauses):
        return False
    armed: list[int] = []
    for index in screen.candidates:
        forms = screen.forms(index)
        if any(named for _, named in forms):  # the words of a named system: see what is found
            found = [] if screen.names_nothing(index, forms) else state.found_weapons(clauses[index])
            items = [w for w in found if w.is_item]
            if any(w.designation is not None or w.origin is not None for w in items):
                return False
            forms = forms if items else []
        if forms and anchored[index]:
            armed.append(index)
    settled: dict[int, bool] = {}
    return all(_quiet(index, state, anchored, settled) for index in armed)


def _quiet(index: int, state: _State, anchored: _Anchors, settled: dict[int, bool]) -> bool:
    """Whether clause `index` reads nothing, or is lonely and nothing read within reach before it can
    carry parties to it (`_gives_nothing`); `settled` keeps the answers given so far."""
    known = settled.get(index)
    if known is not None:
        return known
    clause = state.clauses[index]
    # the cheap word test first, and what is lonely needs no closer look
    known = not anchored.party(index) and (_names_no_actor(state, index) or _lonely(clause.actors))
    if known:
        for k in range(max(index - _FRAME_REACH, 0), index):
            if anchored[k] and not _quiet(k, state, anchored, settled):
                known = False
                break
    if not known:
        known = _inert(clause, state)
    settled[index] = known
    return known


_ALNUM_RUN = re.compile(r"[^\W_]+")


@cache
def _actor_openers() -> Vocabulary | None:
    """Words (runs of letters and digits, in lower case) of which a sentence that names an actor holds one
    (`_names_no_actor`); None when that cannot be told from words.

    `actors.find_actors` finds a mention only where each key of a gazetteer entry matches a token in
    turn, the same key or, for a token in capitals, the key in title case. A token begins with its
    first run of letters and digits whole, so a sentence that names an entry holds the first run of each
    of its keys as a word, in some case. One run of each entry is enough: the longest (the rarest,
    roughly: "hague" of "The Hague", not "the").
    """
    words: set[str] = set()
    for entries in gazetteer().by_first.values():
        for keys, _, _ in entries:
            runs = [_ALNUM_RUN.search(key) for key in keys]
            found = [run.group() for run in runs if run is not None]
            if len(found) < len(runs):
                return None  # a key without a letter or digit: its token is not told by words
            words.add(max(found, key=len).lower())
    return Vocabulary(frozenset(words))


def _names_no_actor(state: _State, index: int) -> bool:
    """Whether clause `index` names no actor (its `actors` are none), shown by its words alone: it holds
    none of the words a mention begins with (`_actor_openers`). False when that cannot be shown."""
    screen = state.screen
    openers = _actor_openers()
    if screen is None or openers is None:
        return False
    words = screen.words
    return not words.holds(openers, words.starts[index], words.ends[index])


def _lonely(mentions: list[Mention]) -> bool:
    """Whether the mentions name at most one actor (`len({m.ref for m in mentions}) <= 1`)."""
    if not mentions:
        return True
    ref = mentions[0].ref
    return all(mention.ref == ref for mention in mentions)


def _inert(clause: Clause, state: _State) -> bool:
    """Whether a clause gives no reading at all, whatever was read before it: its one transfer word (not
    a list word) is denied ("officials denied reports that they had sought weapons")."""
    tokens = clause.tokens
    low = state.low(clause)
    lex = _lexicon()
    if lex.firsts.isdisjoint(low):
        return True
    triggers = _find_triggers(clause.text, tokens, low, lex)
    if not triggers:
        return True
    if len(triggers) > 1 or triggers[0].role == "include":
        return False
    trig = triggers[0]
    cues = _find_cues(tokens, low, lex, set(range(trig.start, trig.end)))
    lo = max(lo for lo, _ in _subclauses(clause.text, tokens, low) if lo <= trig.start)
    return _status(cues, low, trig, (lo, trig.start), []) is None


def _catch_up(waiting: list[Clause], state: _State) -> None:
    """Read the clauses put off, in order, and forget them."""
    for clause in waiting:
        _read_clause(clause, state)
    waiting.clear()


_REQUEST_WORDS = frozenset(["request", "requests", "requested", "requesting", "interest", "interested"])


def _settle_requests(state: _State) -> None:
    """A request that a sale approved in the same text answers is that sale: planned, not considered.

    ("The State Department approved a possible sale to Romania ... Romania has requested to buy 32 F-35s.")
    """
    approved = {
        (_actor_key(d.supplier), _actor_key(d.recipient)) for d in state.drafts if d.status == "planned"
    } | state.planned_pairs  # "approved a possible sale to Chile" before its items are listed
    for draft in state.drafts:
        if (
            id(draft) in state.requests
            and (_actor_key(draft.supplier), _actor_key(draft.recipient)) in approved
        ):
            draft.status = "planned"


_WORD_RUN = re.compile(r"[^\W\d_]+")


# words a party may stand for (`_ClauseReader._coreferences`): not "group", which ends the search for the
# noun a description after "the" has, but never stands for a party itself ("the group" is no company)
_PARTY_WORDS = _PRONOUNS | _COUNTRY_NOUNS | (_COMPANY_NOUNS - {"group"}) | {"government"}


def _idle(clause: Clause, state: _State) -> bool:
    """Whether reading a clause can change nothing, so that only its count is kept.

    With no transfer under way, no weapon in or shortly before it, no actor named
    and no word that could stand for one ("it", "the country"), a clause gives no
    reading with both parties: it records nothing, opens no transfer, names no
    subject and remembers no weapons.
    """
    # the tests in the order of their cost, the weapon pattern's search last: a clause read here nearly
    # always names an actor, and its words and actors are wanted anyway when it is read
    if state.frame is not None:
        return False
    low = state.low(clause)
    if not _PARTY_WORDS.isdisjoint(low):
        return False
    if clause.actors:
        return False
    index = clause.index
    if any(state.may_name_weapons(k) for k in range(max(index - _WEAPON_REACH, 0), index + 1)):
        return False
    lex = _lexicon()
    if not lex.firsts.isdisjoint(low) and _find_triggers(clause.text, clause.tokens, low, lex):
        state.read += 1
        state.weapons[index] = []
    return True


def _read_clause(clause: Clause, state: _State) -> None:
    if _idle(clause, state):
        return
    before = state.frame
    reader = _ClauseReader(clause, state)
    readings = reader.read() if reader.triggers else []
    state.read += bool(reader.triggers)
    produced = False
    for reading in readings:
        for part in _by_destination(reader, reading):
            produced |= _record(reader, part, state)
    if not produced:
        produced |= _continue_list(
            reader, state
        )  # a list line may hold a transfer word of its own ("includes")
    _carry_signing(reader, state, before, produced)
    if state.frame is not None and state.frame.sentence == clause.index:
        state.frame.listing = clause.text.rstrip().endswith(":") or state.frame.listing
    elif state.frame is not None and clause.text.rstrip().endswith(":"):
        _open_list(reader, state.frame)
    subject = next((p for p in reader.parties if p.form != "adjective" and not reader._in_phrase(p)), None)
    if subject is not None:
        state.last_subject = subject.ref
        state.subject_clause = clause.index
    if reader.triggers or reader.weapons:
        state.weapons[clause.index] = [w for w in reader.weapons if w.is_item]


_CUSTOMER_NOUNS = frozenset(["countries", "nations", "states", "customers", "buyers", "clients", "operators", "users", "armies", "militaries", "markets"])  # fmt: skip


def _destination_heads(reader: _ClauseReader, after: int) -> list[_Party]:
    """The states after `after` that a "to" sends items to: "to Poland", "to the UAE", and those a
    count of customers reads out ("to more than 30 countries, including Poland")."""
    low = reader.low
    heads: list[_Party] = []
    for party in reader.parties:
        if party.start <= after or party.form != "name" or party.ref.kind != "state" or party.possessive:
            continue
        j = party.start - 1
        if j >= 0 and low[j] == "the":
            j -= 1
        if j < 0:
            continue
        if low[j] == "to" and reader._to_party(j, party):
            heads.append(party)
        elif low[j] in ("including", "among") and j >= 2:
            window = low[max(j - 7, after) : j]
            if "to" in window and not _CUSTOMER_NOUNS.isdisjoint(window):
                heads.append(party)
    return heads


def _listed_to(reader: _ClauseReader, head: _Party) -> list[_Party]:
    """The states listed with a destination ("to Poland, Azerbaijan and Ethiopia"), short of a state that
    opens a clause of its own ("to Poland and Romania will send ...")."""
    listed = reader._listed_from(head, len(reader.tokens))
    while len(listed) > 1:
        last = listed[-1]
        nxt = reader.low[last.end] if last.end < len(reader.low) else ""
        if nxt not in _AUXILIARIES and not any(t.start == last.end for t in reader.triggers):
            break
        listed.pop()
    return listed


def _by_destination(reader: _ClauseReader, reading: _Reading) -> list[_Reading]:
    """A reading split by where its items go: "sold K2 tanks to Poland and K9 howitzers to Vietnam" gives
    each item its own recipient, and "exported drones to Poland, Azerbaijan and Ethiopia" one transfer for
    each state listed. Items go to the first destination after them (a later one when none follows);
    a reading whose recipient is not one of these destinations is kept as it is."""
    if reading.role not in ("give", "give_noun") or not reading.items or reading.strict:
        return [reading]
    first = min(w.start for w, _ in reading.items)
    heads = _destination_heads(reader, first)
    if not heads or (
        reading.recipient is not None and all(h.start != reading.recipient.start for h in heads)
    ):
        return [reading]
    groups: list[tuple[list[_Party], list[tuple[WeaponMention, _Party | None]]]] = []
    taken: set[int] = set()
    for head in heads:
        if head.start in taken:
            continue
        listed = _listed_to(reader, head)
        taken.update(p.start for p in listed)
        groups.append((listed, []))
    for entry in reading.items:
        weapon = entry[0]
        target = next((g for g in groups if g[0][0].start >= weapon.end), groups[-1])
        target[1].append(entry)
    if len(groups) == 1 and len(groups[0][0]) == 1 and reading.recipient is not None:
        return [reading]
    out: list[_Reading] = []
    for recipients, items in groups:
        if not items:
            continue
        out.extend(
            _Reading(reading.suppliers, recipient, reading.status, items, reading.direct, role=reading.role)
            for recipient in recipients
        )
    return out or [reading]


def _untransferred(state: _State, weapon: WeaponMention) -> bool:
    """Whether the system a word like "the jets" stands for was named in no transfer read so far, so that
    its maker is the one who supplies it ("Lockheed builds HIMARS ... Romania has ordered 18 of them")."""
    return weapon.designation is not None and not any(
        item.designation == weapon.designation for draft in state.drafts for item in draft.items
    )


def _open_list(reader: _ClauseReader, frame: _Frame) -> None:
    """A line ending in a colon after a transfer opens (or carries on) its list of items.

    "The Government of X has requested to buy:" and a heading under it ("Major
    Defense Equipment (MDE):") put the lines that follow under the sale just read.
    """
    if any(w.designation or w.category != "other" for w in reader.weapons):
        return  # a line that names weapons is read for itself
    gap = reader.clause.index - frame.sentence
    if (frame.listing and gap == 1) or (reader.triggers and 0 < gap <= 2):
        frame.listing = True
        frame.sentence = reader.clause.index


def _record(reader: _ClauseReader, reading: _Reading, state: _State) -> bool:
    sources = [reader._from_after(w) for w, _ in reading.items]
    if (
        not reading.strict
        and reading.recipient is not None
        and reading.items
        and all(sources)
        and (reading.role == "use" or len({_party_key(p) for p in sources if p}) > 1)
    ):  # "received Pantsir systems from Russia and HQ-22 systems from China": each item its own source
        recorded = False
        for key in dict.fromkeys(_party_key(p) for p in sources if p):
            party = next(p for p in sources if p and _party_key(p) == key)
            own = [item for item, p in zip(reading.items, sources, strict=True) if p and _party_key(p) == key]
            role: Role = "get" if reading.role == "use" else reading.role
            part = _Reading([party], reading.recipient, reading.status, own, reading.direct, role=role)
            recorded = _record(reader, part, state) or recorded
        return recorded
    frame = reader._frame()
    recipient = reading.recipient
    suppliers = list(reading.suppliers)
    origins = [o for _, o in reading.items if o is not None]
    made = [w for w, _ in reading.items if reader._made_origin(w)]
    if reading.strict:
        frame, origins, made = None, [], []  # both parties as the clause states them, nothing filled in
    if reading.role == "use" and not made and recipient is not None:
        # "operates Chinese HQ-9 systems": a state's adjective right before what is in use names its maker
        made = [
            w
            for w, o in reading.items
            if o is not None
            and o.form == "adjective"
            and o.ref.kind == "state"
            and o.end == w.start
            and not _same(o.ref, recipient)
        ]
    if not suppliers and made:
        origin = reader._origin(made[0])
        suppliers = [origin] if origin is not None else []
    if reading.role == "use":
        if not made or recipient is None or not reading.items:
            return False
        reading.items = [(w, o) for w, o in reading.items if w in made or reader._made_origin(w)]
    stated = [
        o
        for w, o in reading.items
        if o is not None
        and o.ref.kind == "state"
        and not reader._made_origin(w)
        and reader._names_weapon(o, w)
    ]  # "its purchase of the Russian S-400", "Israeli SPYDER systems": a supplier named with the weapon
    if frame is not None:
        if not suppliers and recipient is None:
            contents = reading.role in ("package", "include") and not frame.items
            if _other_make(reading.items, frame) and not contents:
                return False  # what "the package includes" after an empty one is its content, of any make
            suppliers, recipient = [frame.supplier], frame.recipient
        elif (
            not suppliers
            and recipient is not None
            and _same(recipient.ref, frame.recipient)
            and all(_same(o.ref, frame.supplier) for o in stated)
            and not _other_make(reading.items, frame)
        ):
            suppliers = [frame.supplier]
        elif recipient is None and suppliers and frame.supplies(suppliers[0]):
            recipient = frame.recipient
        elif (
            recipient is None
            and suppliers
            and reading.role in ("give", "give_noun", "package")
            and _same_kind(reading.items, frame.items)
            and not _same(suppliers[0].ref, frame.recipient)
        ):
            recipient = frame.recipient  # "Denmark said it would send its F-16s too": to the same state
        elif (
            recipient is None
            and suppliers
            and reading.role in ("give", "package")
            and reading.items
            and reader.clause.index - frame.sentence <= 1
            and suppliers[0].ref.kind == "state"
            and frame.supplier.ref.kind == "state"
            and not any(_same(s.ref, frame.supplier) or _same(s.ref, frame.recipient) for s in suppliers)
        ):
            recipient = frame.recipient  # a round-up of donors: "Sweden said it would send Archer systems"
    if (
        recipient is None
        and suppliers
        and reading.role in ("give_noun", "package")
        and reading.items
        and not reading.strict
    ):
        # "The Danish donation comes on top of an earlier package that included ...": to the same state
        recipient = state.last_recipient(suppliers[0], reader.clause.index)
    if recipient is None and suppliers and reading.role in ("give", "package") and reading.items:
        topic = state.topic_recipient(reader.clause.index)
        if (
            topic is not None
            and not reading.strict
            and all(s.ref.kind == "state" and not _same(s.ref, topic) for s in suppliers)
        ):
            recipient = topic  # a round-up of what donors give one state: "Denmark will send 19 F-16s"
    if not suppliers and origins:
        foreign: list[tuple[WeaponMention, _Party | None]] = [
            (w, None)
            for w, o in reading.items
            if o is None and w.designation and w.origin and _other_state(w.origin, origins[0])
        ]  # "with Chinese missiles, Rafale order": the Rafale is not Chinese
        if foreign and len(foreign) < len(reading.items) and not reading.strict:
            reading.items = [entry for entry in reading.items if entry not in foreign]
            _record(
                reader,
                _Reading([], recipient, reading.status, foreign, reading.direct, role=reading.role),
                state,
            )
        suppliers = [origins[0]]
    approver = state.recent_approver(reader.clause.index)
    if (
        not suppliers
        and recipient is not None
        and approver is not None
        and reading.status == "planned"
        and not reading.strict
        and not _same(approver.ref, recipient.ref)
        and (_approves(reader.low) or any(t.role == "package" for t in reader.triggers))
    ):
        suppliers = [approver]  # "Egypt was cleared to buy", "the package would give": the approver sells
    if suppliers and reading.status == "planned" and _approves(reader.low):
        ref = _state_party(suppliers[0].ref)
        if ref.kind == "state":
            state.approver = (_Party(0, 0, ref, None, "name"), reader.clause.index)
    if not suppliers and recipient is not None and not reading.strict:
        makers = [
            w.origin
            for w, _ in reading.items
            if w.origin and (not (w.definite and w.kind == "class") or _untransferred(state, w))
        ]  # a system named here, not "the jets" standing for one named before, unless none was given yet
        state_ref = country(makers[0]) if makers else None
        if state_ref is not None:
            suppliers = [_Party(0, 0, state_ref, None, "adjective")]
    if recipient is None or not suppliers:
        return False
    evidence = [reader.clause.sentence]
    if reading.direct < 2 and frame is not None:
        evidence.append(frame.evidence)
    items = [
        _item(reader, w, reading.status) for w, _ in reading.items if w.category != "other" or w.designation
    ]
    recorded = False
    for supplier in suppliers:
        if _same(_state_party(supplier.ref), _state_party(recipient.ref)):
            continue
        kept = items
        if (
            not items
            and frame is not None
            and _same(supplier.ref, frame.supplier)
            and _same(recipient.ref, frame.recipient)
        ):
            kept = frame.items
        current = state.frame
        if (
            not items
            and current is not None
            and current.items
            and _same(supplier.ref, current.recipient)
            and _same(recipient.ref, current.supplier)
        ):
            continue  # an itemless reading with the parties reversed does not replace the transfer just read
        state.frame = _Frame(
            supplier,
            recipient,
            reading.status,
            reader.clause.index,
            reader.clause.sentence,
            items=kept,
            partners=suppliers,
        )
        if not items:
            if reading.status == "planned":
                state.planned_pairs.add((_actor_key(_as_actor(supplier)), _actor_key(_as_actor(recipient))))
            continue
        confidence = (0.55, 0.7, 0.85)[reading.direct]
        draft = ArmsDraft(
            _as_actor(supplier), _as_actor(recipient), items, reading.status, evidence, confidence
        )
        state.drafts.append(draft)
        state.recipients[_party_key(supplier)] = (recipient, reader.clause.index)
        state.note_recipient(recipient, reader.clause.index)
        requested = not _REQUEST_WORDS.isdisjoint(reader.low) or (
            reading.role == "include" and frame is not None and frame.sentence in state.requested
        )
        if reading.status == "considered" and requested:
            state.requests.add(id(draft))
            state.requested.add(reader.clause.index)
        recorded = True
    return recorded


_APPROVALS = frozenset(["approve", "approves", "approved", "approving", "approval", "clear", "clears", "cleared", "clearing", "authorize", "authorizes", "authorized", "authorise", "authorises", "authorised", "notified", "notifies"])  # fmt: skip


def _approves(low: list[str]) -> bool:
    """Whether a clause speaks of approving a sale ("approved a possible sale", "was cleared to buy")."""
    return not _APPROVALS.isdisjoint(low)


def _continue_list(reader: _ClauseReader, state: _State) -> bool:
    """A bullet or list line after "the package includes:" adds its items to that transfer."""
    frame = state.frame
    if frame is None or not frame.listing or reader.clause.index - frame.sentence > 1:
        return False
    if len(reader.tokens) > 30:
        return False
    listed = [w for w in reader.weapons if w.is_item]
    chosen = listed[:1]
    for weapon in listed[1:]:
        if reader._list_gap_ok(chosen[-1], weapon):
            chosen.append(weapon)
    items = [_item(reader, w) for w in chosen if w.category != "other" or w.designation]
    if not items:
        if _COUNTED_LINE.match(" " + reader.clause.lowered) is not None:
            frame.sentence = reader.clause.index  # "Ten (10) targeting systems": a line of the list, unread
        return False
    evidence = [reader.clause.sentence, frame.evidence]
    draft = ArmsDraft(
        _as_actor(frame.supplier), _as_actor(frame.recipient), items, frame.status, evidence, 0.6
    )
    state.drafts.append(draft)
    if frame.status == "considered" and (
        frame.request
        or any(
            _REQUEST_WORDS & set(_WORD_RUN.findall(state.clauses[k].lowered))
            for k in range(max(0, frame.sentence - 1), frame.sentence + 1)
        )
    ):
        frame.request = True
        state.requests.add(id(draft))  # the lines of "has requested to buy:" are the request
    frame.sentence = reader.clause.index
    return True


_SIGNING = frozenset(["sign", "signed", "signing", "inked", "concluded", "finalized", "finalised", "agreed"])


def _carry_signing(reader: _ClauseReader, state: _State, frame: _Frame | None, produced: bool) -> None:
    """ "The signing of a contract was confirmed": the deal is for the items just spoken of."""
    if produced or frame is None or reader.weapons or not frame.items:
        return
    if reader.clause.index - frame.sentence != 1:
        return
    if not any(t.role == "deal" for t in reader.triggers) or not _SIGNING & set(reader.low):
        return
    if any(c.kind in ("negation", "reversal", "conditional", "considered") for c in reader.cues):
        return
    items = [_make_item(i.category, i.designation, None) for i in frame.items]
    state.drafts.append(
        ArmsDraft(
            _as_actor(frame.supplier),
            _as_actor(frame.recipient),
            items,
            "agreed",
            [reader.clause.sentence, frame.evidence],
            0.55,
        )
    )


def _party_key(party: _Party) -> str:
    return party.ref.country or party.ref.name


def _actor_key(actor: Actor) -> str:
    return actor.country or actor.name


def _merge(drafts: list[ArmsDraft]) -> list[ArmsDraft]:
    """One draft per supplier, recipient and status; items and evidence pooled, vague repeats dropped."""
    groups: dict[tuple[str, str, str], ArmsDraft] = {}
    for draft in drafts:
        key = (_actor_key(draft.supplier), _actor_key(draft.recipient), draft.status)
        if key not in groups:
            groups[key] = ArmsDraft(
                draft.supplier, draft.recipient, list(draft.items), draft.status, list(draft.evidence),
                draft.confidence,
            )  # fmt: skip
            continue
        group = groups[key]
        group.items.extend(draft.items)
        group.evidence.extend(draft.evidence)
        group.confidence = max(group.confidence, draft.confidence)
        group.supplier = _richer(group.supplier, draft.supplier)
        group.recipient = _richer(group.recipient, draft.recipient)
    out = []
    for group in groups.values():
        group.items = _distinct_items(group.items)
        out.append(group)
    return out


def _richer(one: Actor, other: Actor) -> Actor:
    if one.name != other.name:
        return one
    aliases = sorted(set(one.aliases) | set(other.aliases))
    return one.model_copy(update={"aliases": aliases})


def _distinct_items(items: list[Item]) -> list[Item]:
    unique: dict[tuple[str, str | None, int | None, int | None], Item] = {}
    for item in items:
        q = item.quantity
        unique.setdefault((item.category, item.designation, q.min if q else None, q.max if q else None), item)
    specific = {i.category for i in unique.values() if i.designation or i.quantity}
    return [i for i in unique.values() if i.designation or i.quantity or i.category not in specific]
