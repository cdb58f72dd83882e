"""Names the gazetteer does not know: companies, organisations, persons and vessels.

A name is a run of capitalised words, with "of", "and", "for", "the" and name
particles ("al-", "bin") inside it, read from the words of a span of text. Its
kind comes from its words: a company form ("Co., Ltd.", "LLC", "JSC", "Trading
FZE", "Bank"), an organisation word ("Department", "Center", "Party"), a vessel
cue ("the vessel X", "(IMO 1234567)"), else two to four plain words make a
person ("First Last"). Titles before a person's name are dropped ("Defence
Minister Sergei Shoigu" is "Sergei Shoigu"), as are nationality words before a
name ("Iranian", "Tehran-based", "Russia's"), which give the name its country.
A parenthesised acronym right after a name becomes its alias.

The word classes live in `data/sanctions_name_words.tsv`. Recognition is one
pass over the words of the span; nothing here can backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ingest.extract.actors import Mention, Token, contract_actor, find_actors
from ingest.extract.tables import rows
from ingest.extract.values import Value
from ingest.models import Actor, ActorKind

__all__ = ["Name", "find_names", "word_class"]

_BREAKS = frozenset(
    ["against", "with", "from", "to", "on", "in", "over", "after", "by", "into", "amid", "targeting"]
)
_PLACE_PREFIXES = frozenset(["St", "St.", "Saint", "San", "Santa", "New", "Nizhny", "Abu", "Port", "Fort"])
_CONNECTORS = frozenset(
    [
        "of",
        "and",
        "for",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "al",
        "bin",
        "ibn",
        "von",
        "van",
        "der",
        "den",
        "&",
        "y",
        "da",
        "do",
        "dos",
        "del",
    ]
)
_PARTICLES = frozenset(["al", "el", "bin", "ibn", "abu"])
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9.&-]{1,11})\)")
_IMO = re.compile(r"\s*\(IMO\b")
_SHORT_NAME = re.compile(r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}")
_NATIONALITY_END = re.compile(r"[,;:.]")
_QUOTE_OPEN = re.compile(r" [\"“']")
_QUOTE_CLOSE = re.compile(r"[\"”'] ")
_QUOTED = re.compile(r" [\"“'][^\"“”' ]{1,30}[\"”']")
_VESSEL_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:vessel|tanker|ship|freighter|cargo ship|bulk carrier|yacht|dhow)\b"
)  # "the Elbus, a tanker that ...": the name of a ship
_COUNTRY_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z .'-]{2,40})\)")
_GAP_SPACE = re.compile(r"[ \t\u00a0]+")
_POSSESSIVE = re.compile(r"['’]s$")
_ROMAN_ONE = "I."  # the key of a numeral "I", kept apart from the pronoun among stop words
_ROMAN_AFTER = re.compile(r"[,;.:)]|\s+(?:and\b|or\b|\(|[A-Z])|\s*$")  # what may follow a ship's numeral
_KIN_GAP = re.compile(r",?\s+and\s+|,\s+")  # between given names that share one surname
_LIST_BEFORE = re.compile(r"\b[A-Z][\w.&-]*,\s$")  # "..., Alliant Techsystems Operations, " before a name
_LEGAL_FORMS = frozenset(
    [
        "Co",
        "Company",
        "Ltd",
        "Limited",
        "LLC",
        "L.L.C",
        "JSC",
        "OJSC",
        "PJSC",
        "CJSC",
        "AO",
        "OAO",
        "PAO",
        "ZAO",
        "OOO",
        "FZE",
        "FZCO",
        "FZC",
        "DMCC",
        "GmbH",
        "AG",
        "SA",
        "S.A",
        "SAS",
        "SARL",
        "SpA",
        "BV",
        "NV",
        "Inc",
        "Incorporated",
        "Corp",
        "Corporation",
        "PLC",
        "plc",
        "Pte",
        "Pvt",
        "Bhd",
        "Sdn",
        "Bank",
        "SAL",
        "S.A.L",
        "Pty",
        "SRL",
        "LLP",
        "TOV",
        "A.S",
        "A.Ş",
        "Sti",
        "Şti",
        "C.V",
        "B.V",
        "N.V",
    ]
)
# Forms that close a name: "Foo Co., Ltd. of Hong Kong" ends before "of" ("Bank of Russia" does not).
_BARE_FORMS = frozenset(["Group", "Holding", "Holdings", "Trading", "Industries", "Enterprises"])
_FORM_WORDS = frozenset(
    [
        "Joint",
        "Stock",
        "Company",
        "Closed",
        "Open",
        "Public",
        "Private",
        "Limited",
        "Liability",
        "Federal",
        "State",
        "Unitary",
        "Enterprise",
        "Corporation",
        "Incorporated",
    ]
)  # words of a company's legal form that name no company on their own
_CLOSING_FORMS = _LEGAL_FORMS - {"Bank", "Company", "Corporation", "Incorporated"}
_OPENING_FORMS = frozenset(["JSC", "OJSC", "PJSC", "CJSC", "AO", "OAO", "PAO", "ZAO", "OOO", "LLC", "TOV"])
_ABBREVIATED = frozenset(
    [
        "Co",
        "Ltd",
        "Inc",
        "Corp",
        "L.L.C",
        "S.A",
        "Pte",
        "Pvt",
        "Bhd",
        "Sdn",
        "Jr",
        "Sr",
        "Sti",
        "A.S",
        "C.V",
        "B.V",
        "N.V",
    ]
)
_ADJECTIVE_ENDINGS = ("al", "ed", "ive", "ing", "ic", "ent", "ary", "ous", "ful", "ble")
_DOTTED = re.compile(r"\.\w+\.$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_WORD_BEFORE = re.compile(r"\b([a-z][a-z-]*)\s+$")


class Name(Value):
    """A name read from text; `start`/`end` index into the text searched.

    A value, compared and hashed by its fields (as the frozen dataclass it was): never assigned to once
    built. A plain class with its own `__init__`, because a dataclass's generated one is interpreted even
    where this module is compiled.

    `partial`: one plain word ("Haddad"), a person named in full elsewhere, or no one. `headed`: a word
    that lower-case nouns after it describe ("the Zvezdochka shipyard").
    """

    __slots__ = ("aliases", "country", "end", "headed", "kind", "partial", "start", "text", "vessel")

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        start: int,
        end: int,
        text: str,
        kind: ActorKind,
        country: str | None = None,
        aliases: tuple[str, ...] = (),
        vessel: bool = False,
        partial: bool = False,
        headed: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind: ActorKind = kind
        self.country = country
        self.aliases = aliases
        self.vessel = vessel
        self.partial = partial
        self.headed = headed

    def _fields(self) -> tuple[int, int, str, str, str | None, tuple[str, ...], bool, bool, bool]:
        return (
            self.start, self.end, self.text, self.kind, self.country, self.aliases, self.vessel,
            self.partial, self.headed,
        )  # fmt: skip

    def extended(self, end: int, text: str) -> Name:
        """This name going on to `end`, written `text`."""
        return Name(
            self.start, end, text, self.kind, self.country, self.aliases, self.vessel, self.partial,
            self.headed,
        )  # fmt: skip

    def as_company(self, vessel: bool) -> Name:
        """This name read as a company's (not a partial name), a vessel's or not."""
        return Name(
            self.start, self.end, self.text, "company", self.country, self.aliases, vessel, False, self.headed
        )  # fmt: skip

    def to_actor(self) -> Actor:
        """The contract's Actor for this name."""
        aliases = sorted({a for a in self.aliases if a != self.text})
        return contract_actor(self.text, self.country, self.kind, aliases)


@cache
def _classes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in rows("sanctions_name_words.tsv"):
        cls, words = row[0], "\t".join(row[1:])
        out.setdefault(cls, set()).update(w.strip() for w in words.split("|") if w.strip())
    return {cls: frozenset(words) for cls, words in out.items()}


def word_class(cls: str) -> frozenset[str]:
    """The words of one class of `data/sanctions_name_words.tsv` ("closer", "title", ...)."""
    return _classes().get(cls, frozenset())


class _Unit:
    """A word of a run that may be a name (hyphenated words joined into one); grown and marked in place.

    A plain class with its own `__init__` (a dataclass's generated one is interpreted even where this
    module is compiled); never compared: units are told apart by where they stand.
    `nickname`: the quoted word of 'Jimmy "Barbecue" Cherizier'.
    """

    __slots__ = ("covered", "end", "key", "mention", "nickname", "start", "text")

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        mention: Mention | None = None,
        covered: bool = False,
        nickname: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self.mention = mention
        self.covered = covered
        self.nickname = nickname

    @property
    def is_cap(self) -> bool:
        first = self.text[0]
        if first.isupper():
            return True
        if first.isdigit():
            return any(c.isalpha() for c in self.text) and not self.text.isdigit()
        # "al-Qa'ida": a lower-case particle joined to a capitalised word
        head, _, rest = self.text.partition("-")
        return head.lower() in _PARTICLES and rest[:1].isupper()

    @property
    def is_modifier(self) -> bool:
        """ "Tehran-based", "Russia-linked": a place that describes, not a name."""
        lowered = self.text.lower()
        return lowered.endswith(
            ("-based", "-linked", "-registered", "-owned", "-backed", "-controlled", "-flagged")
        )


def _units(text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[_Unit]:
    units: list[_Unit] = []
    for token in tokens:
        if units and text[units[-1].end : token.start] in ("-", "\u2011"):
            last = units[-1]
            last.end = token.end
            last.text = text[last.start : last.end]
            last.key = last.text.rstrip(".") if last.text.count(".") == 1 else last.text
            continue
        unit = _Unit(token.start, token.end, token.text, token.key)
        if (
            unit.text == "I"
            and units
            and _acronym(units[-1].text)
            and text[units[-1].end : unit.start] == " "
            and _ROMAN_AFTER.match(text, unit.end) is not None
            and not any(m.start <= units[-1].start < m.end for m in mentions)
        ):
            unit.key = _ROMAN_ONE  # "SEA OWL I": the numeral that ends a ship's name, not the pronoun
        units.append(unit)
    if mentions:
        by_start = {m.start: m for m in mentions}
        spans = sorted((m.start, m.end) for m in mentions if m.form != "adjective")
        k = 0
        for unit in units:
            unit.mention = by_start.get(unit.start)
            while k < len(spans) and spans[k][1] <= unit.start:
                k += 1
            unit.covered = k < len(spans) and spans[k][0] <= unit.start
    return units


def _gap_ok(text: str, left: _Unit, right: _Unit, suffixes: frozenset[str]) -> bool:
    gap = text[left.end : right.start]
    if not gap or _GAP_SPACE.fullmatch(gap):
        return True
    if gap.strip() == "," and right.key in _LEGAL_FORMS and "\n" not in gap:
        return True  # "Foo Co., Ltd."
    if gap.strip() in ("'", "’") and left.text.endswith("s"):
        return True  # "Workers' Party"
    if gap == "+ " and left.end - left.start <= 8:
        return True  # "En+ Group"
    return gap.strip() == "&" and "\n" not in gap


def find_names(
    text: str,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    lo: int = 0,
    hi: int | None = None,
    *,
    strict: bool = False,
) -> list[Name]:
    """Names in `text[lo:hi]` that the gazetteer mentions do not already cover.

    `strict` (for headlines in title case, where every word is capitalised)
    keeps only names whose words say what they are: a company form or an
    organisation word.
    """
    hi = len(text) if hi is None else hi
    if lo <= 0 and hi >= len(text):  # the whole text: every word and mention lies inside it
        span_tokens, span_mentions = tokens, mentions
    else:
        span_tokens = [t for t in tokens if t.start >= lo and t.end <= hi]
        span_mentions = [m for m in mentions if m.start >= lo and m.end <= hi]
    units = _units(text, span_tokens, span_mentions)
    classes = _classes()
    suffixes = classes["company_suffix"]
    names: list[Name] = []
    country: str | None = None
    country_end = 0  # where the words that gave `country` end
    run: list[_Unit] = []
    inside_until = -1

    def flush() -> None:
        nonlocal country
        if len(run) == 1 and run[0].mention is not None and run[0].mention.form == "adjective":
            run.clear()  # "the Iranian firm X": the nationality waits for the name
            return
        if run and country is not None and _NATIONALITY_END.search(text, country_end, run[0].start):
            country = None  # "to Russian drone makers; Foo Ltd": the nationality described something else
        if run:
            names.extend(_read_run(text, run, country, strict, hi))
            run.clear()
            country = None

    skip_to = -1  # the end of a town named after a firm's legal form
    for i, unit in enumerate(units):
        mention = unit.mention
        if unit.start < skip_to:
            continue
        if (
            mention is None
            and unit.text[0].islower()
            and unit.start >= inside_until
            and unit.key not in _CONNECTORS
            and "-" not in unit.text
        ):
            if run:
                flush()  # a plain lower-case word ends any name (the common case, decided first)
            continue
        if unit.is_modifier:
            if run and run[-1].key in _PLACE_PREFIXES and text[run[-1].end : unit.start] == " ":
                run.pop()  # "St Petersburg-based": the place's first word, not the name's last
            flush()
            if mention is not None and not unit.text.lower().endswith("-flagged"):
                country = mention.ref.country  # "Tehran-based X"; a flag ("Gabon-flagged") is no owner's home
                country_end = unit.end
            continue
        if (
            mention is not None
            and mention.ref.kind == "state"
            and mention.form == "name"
            and (
                len(run) >= 2
                and run[-1].key in ("of", "de", "del", "do", "da", "du")
                and run[-2].key not in classes["stop"]
                and run[-2].key not in _CLOSING_FORMS
                and _gap_ok(text, run[-1], unit, suffixes)
            )
        ):
            inside_until = mention.end  # "Bank of Russia", "Workers' Party of Korea"
        if unit.start < inside_until:
            run.append(unit)
            continue
        if (
            mention is not None
            and mention.ref.kind == "state"
            and mention.form in ("name", "metonym")
            and mention.end == unit.end
            and i + 1 < len(units)
            and units[i + 1].is_cap
            and units[i + 1].mention is None
            and text[unit.end : units[i + 1].start] == " "
        ):
            flush()  # "Minsk Optical Works", "Moscow Exchange": a place that opens a name
            country = mention.ref.country
            country_end = unit.end
            run.append(unit)
            continue
        if (
            mention is not None
            and mention.ref.kind == "state"
            and mention.form == "name"
            and mention.start == unit.start
            and mention.end > unit.end
            and _opens_name(text, units, i, mention.end)
        ):
            flush()  # "Islamic Republic of Iran Shipping Lines": a state's full name that opens a name
            country = mention.ref.country
            country_end = mention.end
            inside_until = mention.end
            run.append(unit)
            continue
        if unit.covered:
            flush()
            continue
        if mention is not None and mention.form == "adjective":
            flush()  # a nationality starts a new name: "X and the Iranian firm Y"
            country = mention.ref.country
            country_end = unit.end
            run.append(unit)
            continue
        if (
            run
            and unit.key.isdigit()
            and run[-1].key in classes["numbered"]
            and text[run[-1].end : unit.start] == " "
        ):
            run.append(unit)  # "Unit 29155": a number that ends a name
            continue
        if unit.key.lower() in _BREAKS:
            flush()  # "Sanctions Against ...": a headline's preposition, not part of a name
            continue
        if run and unit.is_cap and unit.mention is None and _nickname(text, run[-1], unit, units, i):
            unit.nickname = True
            run.append(unit)
            continue
        starts_new = (
            not run
            or not (
                _gap_ok(text, run[-1], unit, suffixes)
                or (run[-1].nickname and _QUOTE_CLOSE.fullmatch(text, run[-1].end, unit.start))
            )
            or _sentence_end(run[-1], unit)
        )
        lowered = unit.key.lower()
        if lowered in _CONNECTORS and unit.key != lowered and run and not starts_new:
            unit.key = lowered  # a title-case "And", "Of"
        if unit.is_cap and unit.key not in _CONNECTORS:
            if starts_new:
                flush()
            run.append(unit)
            continue
        if unit.key == "of" and len(run) >= 2 and run[-1].key in _CLOSING_FORMS and not starts_new:
            flush()  # "Foo Components Limited of Pune": the firm's town follows its form
            skip_to = _place_end(text, units, i + 1)
            continue
        if unit.key in _CONNECTORS and run and not starts_new:
            nxt = units[i + 1] if i + 1 < len(units) else None
            nxt2 = units[i + 2] if i + 2 < len(units) else None
            if nxt is not None and (nxt.is_cap or (nxt.key == "the" and nxt2 is not None and nxt2.is_cap)):
                run.append(unit)
                continue
        flush()
    flush()
    out: list[Name] = []
    for name in names:
        if name.text == "IMO" or (out and name.text in out[-1].aliases):
            continue
        out.append(name)
    return _share_surname(text, out)


def _share_surname(text: str, names: list[Name]) -> list[Name]:
    """Given names of kin that share the surname after them: "the brothers Amir and Kaveh Nasseri" names
    Amir Nasseri and Kaveh Nasseri. Only after a word of kinship, and only plain given names."""
    kin = _classes()["kin"]
    for i, name in enumerate(names):
        if not name.partial or name.kind != "person" or _word_before(text, name.start) not in kin:
            continue
        k = i
        while (
            k + 1 < len(names)
            and names[k + 1].partial
            and _KIN_GAP.fullmatch(text, names[k].end, names[k + 1].start)
        ):
            k += 1  # "Amir, Kaveh and Reza Nasseri"
        if k + 1 >= len(names):
            continue
        last = names[k + 1]
        words = last.text.split()
        if last.kind != "person" or last.partial or not 2 <= len(words) <= 4:
            continue
        if _KIN_GAP.fullmatch(text, names[k].end, last.start) is None:
            continue
        surname = " ".join(words[1:])
        for j in range(i, k + 1):
            given = names[j]
            names[j] = Name(
                given.start, given.end, f"{given.text} {surname}", "person", given.country or last.country
            )
    return names


def _read_run(text: str, run: list[_Unit], country: str | None, strict: bool, hi: int) -> list[Name]:
    classes = _classes()
    stop, titles = classes["stop"], classes["title"]
    units = list(run)
    # Leading possessors ("Putin's", "Russia's") and nationality words describe the name.
    while units and (
        _POSSESSIVE.search(units[0].text) or units[0].key in stop or units[0].key in _CONNECTORS
    ):
        if units[0].mention is not None and units[0].mention.ref.country:
            country = units[0].mention.ref.country
        units.pop(0)
    while units and units[-1].key in _CONNECTORS:
        units.pop()
    owner = _owner_end(units)
    if owner:
        units = units[owner:]  # "Gennady Timchenko's Volga Group": the owner describes the name
    if not units:
        return []
    out: list[Name] = []
    listed = _LIST_BEFORE.search(text, max(0, units[0].start - 40), units[0].start) is not None
    for part in _split_and(units, ships=_vessel_before(text, units[0].start), listed=listed):
        name = _classify(text, part, country=country, strict=strict, titles=titles, stop=stop, hi=hi)
        if name is not None:
            out.append(name)
    return out


def _owner_end(units: list[_Unit]) -> int:
    """How many leading units name a person who owns what follows ("Gennady Timchenko's"); 0 if none.

    Only a name of two or more plain words before the possessive counts: "Lloyd's
    Register" and "People's Bank" keep their possessive word.
    """
    for k in range(1, min(len(units) - 1, 4)):
        if _POSSESSIVE.search(units[k].text):
            owner = units[: k + 1]
            if all(_plain_word(u.key.rstrip("'’s")) or _POSSESSIVE.search(u.text) for u in owner):
                return k + 1
            return 0
    return 0


def _split_and(units: list[_Unit], ships: bool = False, listed: bool = False) -> list[list[_Unit]]:
    """Split "A B and C D Company" into two names; keep "Design and Manufacturing of X" whole.

    After a ship's cue ("the tankers X and Y") every "and" separates two ships; at
    the end of a list of names ("A Ltd, B Corp, ViaSat and Data Link Solutions") an
    "and" after one word closes the list.
    """
    parts: list[list[_Unit]] = []
    current: list[_Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.key in ("and", "&") and current:
            right = _rest_until_and(units, i + 1)
            left_words = [u for u in current if u.key not in _CONNECTORS]
            right_words = [u for u in right if u.key not in _CONNECTORS]
            after_the = i + 1 < len(units) and units[i + 1].key == "the"
            named_left = (
                len(left_words) == 1
                and (_company_word(left_words[0].key) or _acronym(left_words[0].key))
                and len(right_words) >= 1
            )
            person_right = 2 <= len(right) <= 4 and len(right_words) == len(right) and _person_like(right)
            titled_right = (  # "Ivanishvili and Interior Minister Vakhtang Gomelauri": two persons
                len(left_words) == len(current) <= 4 and _person_like(current) and _titled_person(right)
            )
            complete_left = len(left_words) >= 2 and (
                left_words[-1].key in _CLOSING_FORMS or left_words[0].key in _classes()["company_prefix"]
            )  # "JSC Kronstadt and Research and Production Enterprise X": two names
            rest_words = [u for u in units[i + 1 :] if u.key not in _CONNECTORS]
            firm_left = (  # "Kronshtadt Technologies and Sovcombank": a firm, then a one-word name
                len(left_words) >= 2
                and left_words[-1].key in _classes()["company_suffix"]
                and left_words[0].key not in _classes()["org_keyword"]
                and len(rest_words) == 1
                and _single_names(rest_words[0], rest_words[0])
            )
            sectors = _classes()["sector"]
            two_words = len(current) == 1 and len(right) == 1 and _single_names(current[0], right[0])
            last_of_list = listed and len(current) == 1 and current[0].mention is None and bool(right_words)
            if current[-1].key in sectors and right and right[0].key in sectors:
                current.append(unit)  # "Import and Export Co.", "Research and Production": one name's words
                i += 1
                continue
            if (
                after_the
                or ships
                or two_words
                or last_of_list
                or named_left
                or person_right
                or titled_right
                or (len(left_words) >= 2 and len(right_words) >= 2)
                or (complete_left and len(rest_words) >= 2)
                or firm_left
            ):
                parts.append(current)
                current = []
                i += 1
                continue
        current.append(unit)
        i += 1
    if current:
        parts.append(current)
    return [[u for u in p if not (u is p[0] and u.key in _CONNECTORS)] for p in parts if p]


def _single_names(left: _Unit, right: _Unit) -> bool:
    """ "Alrosa and Nornickel": two one-word names joined, not one name's words ("Research and Production")."""
    classes = _classes()
    barred = (
        classes["org_keyword"] | classes["company_suffix"] | classes["sector"] | _BARE_FORMS | _FORM_WORDS
    )
    return all(
        unit.mention is None and unit.key not in barred and (_plain_word(unit.key) or _acronym(unit.key))
        for unit in (left, right)
    )


def _rest_until_and(units: list[_Unit], start: int) -> list[_Unit]:
    out = []
    for unit in units[start:]:
        if unit.key in ("and", "&"):
            break
        out.append(unit)
    return out


def _classify(
    text: str,
    units: list[_Unit],
    *,
    country: str | None,
    strict: bool,
    titles: frozenset[str],
    stop: frozenset[str],
    hi: int,
) -> Name | None:
    classes = _classes()
    while units and (units[0].key in _CONNECTORS or units[0].key in stop):
        units = units[1:]
    while units and units[-1].key in _CONNECTORS:
        units = units[:-1]
    nicknames = tuple(u.text for u in units if u.nickname)
    if nicknames:
        units = [u for u in units if not u.nickname]
    if not units:
        return None
    words = [u.key for u in units]
    suffixes, prefixes, orgs = classes["company_suffix"], classes["company_prefix"], classes["org_keyword"]
    kind: ActorKind | None = None
    partial = headed = False
    if any(w in classes["not_name"] for w in words):
        return None  # "Sanctions Evasion Network", "Special Economic Measures": a topic, not a name
    if len(words) == 1 and (words[0] in _LEGAL_FORMS or words[0] in _BARE_FORMS):
        return None  # "Group" of "En+ Group", "Ltd" after "(Dubai)": a form without its name
    if all(w in _FORM_WORDS or w in _CONNECTORS for w in words):
        return None  # "Joint Stock Company" of "Joint Stock Company X's subsidiary": a form without its name
    if words[-1].rstrip(".") in _LEGAL_FORMS or (len(words) > 1 and words[0] in prefixes):
        kind = "company"
    elif any(w in orgs for w in words):
        kind = "organization"
    elif words[-1] in suffixes:
        kind = "company"
    else:
        # A title before a person's name is not part of it.
        last_title = max(
            (i for i, u in enumerate(units) if u.key in titles or (u.mention is not None and i > 0)),
            default=-1,
        )
        joined = False
        if last_title >= 0:
            joined = any(u.key in _CONNECTORS for u in units[last_title + 1 :])
            units = [u for u in units[last_title + 1 :] if u.key not in _CONNECTORS]
            words = [u.key for u in units]
        if not units:
            return None
        if any(w in stop or w in titles for w in words):
            return None
        person = 2 <= len(words) <= 4 and all(_plain_word(w) for w in words) and not _company_word(words[-1])
        if strict and not (person and last_title >= 0 and len(words) <= 3 and not joined):
            return None  # a headline names a person only after a role ("Hezbollah Financier John Doe")
        if person:
            kind = "person"
        elif len(words) == 1:
            # One word names a company ("Sovcombank"), an acronym ("VTB"), or a person already named in full.
            if _company_word(words[0]):
                kind = "company"
            elif _acronym(words[0]):
                kind = "organization"
            elif _plain_word(words[0]) and not _IMO.match(text, units[0].end, hi):
                kind, partial = "person", True
            elif _vessel_before(text, units[0].start) and any(ch.isalpha() for ch in words[0]):
                kind = "organization"  # "the vessel Maia-1": a ship's name may carry digits
            else:
                return None
        else:
            kind = "company" if words[-1].lower().endswith("bank") else "organization"
    cue = _word_before(text, units[0].start)
    if kind in (None, "person") and cue in classes["company_cue"]:
        kind, partial = "company", False  # "the shipping company Sovfracht-Logistik"
    elif kind in (None, "person") and cue in classes["organization_cue"]:
        kind, partial = "organization", False  # "the militia Saraya al-Mukhtar"
    elif (
        kind == "person" and len(units) <= 3 and (described := _described_as(text, units[-1].end)) is not None
    ):
        kind, partial = described, False  # "Alrosa, the world's largest diamond producer,"
    elif partial and cue == "the" and (head := _headed_by(text, units[-1].end)) is not None:
        kind, partial, headed = head, False, True  # "the Zvezdochka shipyard", "the Yunarmiya youth movement"
    descriptive = classes["descriptive"]
    if (
        kind == "organization"
        and any(w in descriptive for w in words)
        and all(
            u.key in orgs or u.key in descriptive or (u.mention is not None and u.mention.form == "adjective")
            for u in units
        )
    ):
        return None  # "Militant Group" of "Syrian Militant Group": a description, not a name
    if strict and (
        words[-1] in classes["headline_generic"]
        or any(
            w.endswith("ing") and w not in classes["company_suffix"] and w not in classes["ing_name"]
            for w in words
        )
    ):
        return None  # "Iranian Procurement Network Supplying Drone Components": a headline's description
    opener = units[0].mention
    if kind == "person" and opener is not None and opener.form == "metonym" and len(units) <= 3:
        kind = "company"  # "Yerevan Micro": a capital that opens a name opens no person's
    if (
        opener is not None
        and opener.ref.kind == "state"
        and opener.form != "adjective"
        and (kind not in ("company", "organization") or len(units) == 1)
    ):
        return None  # "Iran Tuesday": a place and a word, not a name
    if units[0].mention is not None and units[0].mention.form == "adjective" and kind != "person":
        rest = units[1:]
        if len(rest) >= 2 or (rest and _company_word(rest[0].key)):
            country = units[0].mention.ref.country
            units = rest
            words = words[1:]
    start, end = units[0].start, units[-1].end
    surface = text[start:end].rstrip(",")
    if surface.endswith(".") and units[-1].key not in _ABBREVIATED and not _DOTTED.search(surface):
        surface = surface[:-1]
    if _POSSESSIVE.search(surface):
        surface = surface[:-2]
    if strict and not (
        kind == "person"
        or (kind == "company" and (words[-1].rstrip(".") in _LEGAL_FORMS or words[0] in prefixes))
        or (kind == "organization" and any(w in orgs for w in words))
    ):
        return None
    if (words[-1] in classes["generic"] and not _firm_name(words, classes)) or _PLURAL_ACRONYM.fullmatch(
        words[-1]
    ):
        return None
    if len(words) == 1 and strict:
        return None
    # what follows the name, up to `hi`: matched in place (these patterns look at no character before
    # where they start, so this is `pattern.match(text[end:hi])` without the copy)
    aliases: tuple[str, ...] = ()
    acronym = _ACRONYM.match(text, end, hi)
    vessel = (
        _IMO.match(text, end, hi) is not None
        or _vessel_before(text, start)
        or _VESSEL_AFTER.match(text, end, hi) is not None
    )
    if acronym is not None and not vessel and acronym.group(1) != "IMO":
        aliases = (acronym.group(1),)
    elif (place := _COUNTRY_AFTER.match(text, end, hi)) is not None and not vessel:
        in_country = _country_of(place.group(1))
        if in_country is not None:
            country = country or in_country  # "Foo Ltd (Russia)"
        elif _SHORT_NAME.fullmatch(place.group(1)) and kind in ("company", "organization"):
            aliases = (place.group(1),)  # "Pioneer Trading Co. (Pioneer)": the short name used later
    if vessel:
        kind = "organization"
    elif len(words) == 1 and kind is None:
        return None
    if kind is None:
        return None
    if vessel:
        partial = False
    elif kind in ("company", "organization") and (bare := _without_form(units)) is not None:
        kind = "company"
        aliases = (*aliases, text[bare.start : start + len(surface)])  # "Joint Stock Company X": also "X"
    end = start + len(surface)
    if nicknames:
        surface = _QUOTED.sub("", surface)
        aliases = (*aliases, *nicknames)
    return Name(start, end, surface, kind, country, aliases, vessel, partial, headed)


def _firm_name(words: list[str], classes: dict[str, frozenset[str]]) -> bool:
    """ "Kronshtadt Technologies": a firm's word after a proper name, not a description ("Sensitive
    Technologies", "Military Technologies")."""
    if len(words) < 2 or words[-1] not in classes["company_suffix"]:
        return False
    before = words[-2]
    return (
        _plain_word(before)
        and before not in classes["sector"]
        and before not in classes["descriptive"]
        and not before.lower().endswith(_ADJECTIVE_ENDINGS)
    )


def _without_form(units: list[_Unit]) -> _Unit | None:
    """The first unit after a spelled-out legal form that opens a company's name ("Joint Stock Company X",
    "JSC X", "OOO X"); None when the name does not open with one, or is nothing but one."""
    classes = _classes()
    k = 0
    while k < len(units) and units[k].key in _FORM_WORDS:
        k += 1
    if k < 2 and not (len(units) > 1 and units[0].key in _OPENING_FORMS):
        return None
    k = max(k, 1)
    rest = [u for u in units[k:] if u.key not in _CONNECTORS]
    if not rest or all(u.key in classes["company_suffix"] or u.key in _FORM_WORDS for u in rest):
        return None
    return units[k]


@cache
def _described() -> re.Pattern[str]:
    classes = _classes()
    nouns = "|".join(sorted(classes["company_cue"] | classes["organization_cue"] | classes["described_as"]))
    return re.compile(
        r",\s+(?:the|a|an|[A-Z][\w-]*['’]s)\s+((?:[\w'’-]+\s+){0,4}?)(" + nouns + r")(?:[,;:.)]|\s+("
        r"that|which|based|owned|controlled|run|registered|headquartered|linked|in|with|whose|and|of|for)\b|$)"
    )


@cache
def _head_noun() -> re.Pattern[str]:
    classes = _classes()
    nouns = "|".join(sorted(classes["company_cue"] | classes["organization_cue"]))
    return re.compile(r"\s(?:[a-z][\w-]*\s){0,2}?(" + nouns + r")\b")


def _headed_by(text: str, end: int) -> ActorKind | None:
    """What a lower-case noun after a one-word name says it is, where "the" opens the phrase: "the
    Zvezdochka shipyard" (a company), "the Yunarmiya military-patriotic youth movement" (an organisation)."""
    match = _head_noun().match(text, end, end + 60)
    if match is None:
        return None
    return "organization" if match.group(1) in _classes()["organization_cue"] else "company"


def _described_as(text: str, end: int) -> ActorKind | None:
    """What an apposition after a name says it is: "X, the world's largest diamond producer," (a company),
    "X, a front organisation for ..." (an organisation); None when none says so."""
    match = _described().match(text, end, end + 120)
    if match is None or "of" in match.group(1).split():
        return None  # "X, a director of the company": a person described by an employer
    noun = match.group(2)
    return "organization" if noun in _classes()["organization_cue"] else "company"


def _opens_name(text: str, units: list[_Unit], i: int, end: int) -> bool:
    """Whether the words of a state's name from unit `i` to `end` run on into a capitalised name."""
    for k in range(i + 1, min(len(units), i + 12)):
        if units[k].end == end:
            nxt = units[k + 1] if k + 1 < len(units) else None
            return (
                nxt is not None
                and nxt.is_cap
                and nxt.mention is None
                and (nxt.key in _classes()["company_suffix"] or nxt.key in _classes()["org_keyword"])
                and text[end : nxt.start] == " "
            )
        if units[k].end > end:
            return False
    return False


def _nickname(text: str, left: _Unit, unit: _Unit, units: list[_Unit], i: int) -> bool:
    """Whether `unit` is a one-word nickname quoted inside a person's name ('Jimmy "Barbecue" Cherizier')."""
    if _QUOTE_OPEN.fullmatch(text, left.end, unit.start) is None or not _plain_word(left.key):
        return False
    following = units[i + 1] if i + 1 < len(units) else None
    return (
        following is not None
        and _QUOTE_CLOSE.fullmatch(text, unit.end, following.start) is not None
        and _plain_word(following.key)
        and following.mention is None
    )


def _word_before(text: str, start: int) -> str:
    """The lower-case word right before `start` ("company" in "the shipping company X")."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1) if match else ""


def _sentence_end(left: _Unit, right: _Unit) -> bool:
    """Whether the stop ending `left` ends a sentence: "... Exchange LLC. These ..." (not "Co. Ltd", "F. Kennedy")."""
    if not left.text.endswith(".") or right.key in _LEGAL_FORMS:
        return False
    core = left.text[:-1]
    return len(core) > 1 and "." not in core and core not in _classes()["title"]


def _person_like(units: list[_Unit]) -> bool:
    classes = _classes()
    barred = classes["org_keyword"] | classes["company_suffix"] | classes["stop"] | classes["title"]
    return all(_plain_word(u.key) and u.key not in barred and u.mention is None for u in units)


def _titled_person(units: list[_Unit]) -> bool:
    """ "Interior Minister Vakhtang Gomelauri": a title, then two to four words of a person's name."""
    titles = _classes()["title"]
    last = max((k for k, u in enumerate(units) if u.key in titles), default=-1)
    return last >= 0 and 2 <= len(units) - last - 1 <= 4 and _person_like(units[last + 1 :])


def _company_word(word: str) -> bool:
    """A one-word company name ("Gazprombank", "Rosneft") rather than a given name."""
    return word.lower().endswith(("bank", "prom", "neft", "gaz", "tech", "trans", "export", "flot", "zavod"))


def _plain_word(word: str) -> bool:
    """A word that can be part of a person's name: "Dmitry", "Al-Hashimi", "al-Jamal", "O'Neil"."""
    head, dash, rest = word.partition("-")
    if dash and head.lower() in _PARTICLES and rest[:1].isupper():
        word = rest  # "al-Jamal"
    core = word.replace("-", "").replace("'", "").replace("’", "")
    return core.isalpha() and word[0].isupper() and not word.isupper()


def _acronym(word: str) -> bool:
    """ "VTB", "VEB.RF", "IRGC-QF": capitals (dots, digits, hyphens inside), at least two letters."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isalpha()


def _vessel_before(text: str, start: int) -> bool:
    """Whether a ship's cue stands before `start`: "the tanker X", "the Panama-flagged X", or
    a list the cue opens ("the tankers X, Y and the Malta-flagged Z")."""
    before = text[max(0, start - 120) : start].split()
    cues = word_class("vessel_cue")
    for word in reversed(before[-12:]):
        bare = word.rstrip(",")
        if bare in cues or bare.lower() in cues or bare.endswith("-flagged"):
            return True
        if bare not in ("and", "the") and not bare[:1].isupper():
            return False
    return False


def _place_end(text: str, units: list[_Unit], start: int) -> int:
    """Where the capitalised words of a place from `units[start]` on end (at most three)."""
    end = -1
    for unit in units[start : start + 3]:
        if not unit.is_cap or unit.key in _LEGAL_FORMS or (end >= 0 and text[end : unit.start] != " "):
            break
        end = unit.end
    return end


def _country_of(place: str) -> str | None:
    found = find_actors(place)
    if (
        len(found) == 1
        and found[0].end - found[0].start == len(place.strip())
        and found[0].ref.kind == "state"
    ):
        return found[0].ref.country
    return None
