"""Find actors (states, organs, companies, armed groups, bodies) in text.

Surface forms come from two data files beside this module, read once:
`data/countries.tsv` (names, adjectives and demonyms, capitals and metonyms,
each to ISO 3166-1 alpha-3) and `data/organizations.tsv` (organs, bodies,
companies and armed groups with their home state), plus every other country
name that pycountry knows. Matching is by tokens, longest match first, case
sensitive ("US" is a state, "us" is not), in one pass over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Literal

import pycountry

from ingest.extract.tables import rows
from ingest.extract.values import Shared, Value
from ingest.models import Actor, ActorKind

if TYPE_CHECKING:
    from mypy_extensions import i64  # a machine integer to mypyc; only an annotation, never imported to run

Form = Literal["name", "adjective", "metonym", "organization"]

_TOKEN = re.compile(r"\w+(?:[.'’&]\w+)*\.?")  # a word, as `tokenize` finds them
# each byte's kind in `tokenize`: 1 for what `\w` matches in ASCII (letters, digits, "_"), 2 for "?" (which
# stands for any character outside ASCII there, to be tested itself), 0 for the rest
_BYTE_KIND: Final = bytes(
    2 if code == 63 else 1 if code < 128 and (chr(code).isalnum() or chr(code) == "_") else 0
    for code in range(256)
)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A known actor: what a mention resolves to."""

    name: str
    country: str | None
    kind: ActorKind
    acronyms: tuple[str, ...] = ()

    def to_actor(self, *seen: str) -> Actor:
        """The contract's Actor, with the surface forms seen in the text as aliases.

        Made once for each actor and surface forms, and shared: an Actor is frozen, and nothing changes
        its list of aliases (building one is a pydantic validation, microseconds each, for every draft).
        """
        key = (self.name, self.country, self.kind, self.acronyms, seen)
        actor = _ACTORS.get(key)
        if actor is None:
            aliases = sorted({s for s in (*self.acronyms, *seen) if s and s != self.name})
            actor = _ACTORS.keep(
                key, Actor(name=self.name, country=self.country, kind=self.kind, aliases=aliases)
            )
        return actor


_ACTORS: Shared[tuple[str, str | None, str, tuple[str, ...], tuple[str, ...]], Actor] = Shared()
"""`ActorRef.to_actor`'s actors, by the reference's fields and the forms seen."""
_OTHER_ACTORS: Shared[tuple[str, str | None, str, tuple[str, ...]], Actor] = Shared()
"""`contract_actor`'s actors, by their fields."""


def contract_actor(name: str, country: str | None, kind: ActorKind, aliases: list[str]) -> Actor:
    """`Actor(name=name, country=country, kind=kind, aliases=aliases)`, made once for each such actor and
    shared (an Actor is frozen, and nothing changes its list of aliases): readers make one for every
    imposer or name they see, most of which are dropped, and a pydantic model takes microseconds."""
    key = (name, country, kind, tuple(aliases))
    actor = _OTHER_ACTORS.get(key)
    if actor is None:
        actor = _OTHER_ACTORS.keep(key, Actor(name=name, country=country, kind=kind, aliases=aliases))
    return actor


class Mention(Value):
    """An actor named in a text; `start`/`end` index into the text searched.

    A value, compared and hashed by its fields (as the dataclass with `unsafe_hash=True` it was): never
    assigned to once built. A plain class with its own `__init__`, because a dataclass's generated one is
    interpreted even where this module is compiled.
    """

    __slots__ = ("end", "form", "ref", "start", "surface")

    def __init__(self, start: int, end: int, surface: str, ref: ActorRef, form: Form) -> None:
        self.start = start
        self.end = end
        self.surface = surface
        self.ref = ref
        self.form: Form = form

    def _fields(self) -> tuple[int, int, str, ActorRef, str]:
        return (self.start, self.end, self.surface, self.ref, self.form)


class Token(Value):
    """A word of the text, with its lookup key (possessive and final stop removed); never changed once made.

    A plain class rather than a named tuple: tokenizing makes one for every word, and where this module is
    compiled a plain class is built and read directly, a tuple subclass only through generic calls. It
    compares and hashes as the tuple of its fields.
    """

    __slots__ = ("end", "key", "start", "text")

    def __init__(self, start: int, end: int, text: str, key: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = key

    def _fields(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.text, self.key)


@dataclass(slots=True)
class _Gazetteer:
    by_first: dict[str, list[tuple[tuple[str, ...], ActorRef, Form]]] = field(default_factory=dict)
    by_iso3: dict[str, ActorRef] = field(default_factory=dict)
    lower_firsts: tuple[str, ...] = ()
    """The keys of `by_first` that begin with a small ASCII letter ("the", "al"): set once the tables are
    read, for `find_actors`."""

    def add(self, surface: str, ref: ActorRef, form: Form) -> None:
        keys = tuple(t.key for t in tokenize(surface))
        if not keys:
            return
        entries = self.by_first.setdefault(keys[0], [])
        if any(existing == keys for existing, _, _ in entries):
            return  # the first table to name a form wins
        entries.append((keys, ref, form))
        entries.sort(key=lambda entry: -len(entry[0]))


def _key(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]
    return word


def tokenize(text: str) -> list[Token]:
    """Words of `text` with offsets; hyphens and punctuation separate words.

    The words are `_TOKEN`'s matches, found by one scan of the text's bytes: each character outside
    ASCII stands as one "?" (`encode` with "replace"), so a byte's offset is its character's. A match is
    a run of word characters (`\\w`: `str.isalnum` or "_"), then any number of ".", "'", "’" or "&" each
    followed by another run, then at most one ".": what the pattern matches, greedily, and where the
    regex engine would find it (no part of it can give back characters to let the rest match, since what
    follows each part is optional).
    """
    data = text.encode("ascii", "replace")
    out: list[Token] = []
    size: i64 = len(data)  # machine integers where compiled: the scan's arithmetic is plain C
    i: i64 = 0
    while i < size:
        start: i64 = i
        i = _run_end(text, data, i, size)
        if i == start:
            i += 1
            continue
        while i + 1 < size and _joiner_at(text, data, i):
            end: i64 = _run_end(text, data, i + 1, size)
            if end == i + 1:
                break
            i = end
        if i < size and data[i] == 46:  # a final "."
            i += 1
        found = text[start:i]
        last: i64 = data[i - 1]
        plain = last != 46 and last != 115  # noqa: PLR1714 - not ended by "." or "s": integer tests
        out.append(Token(start, i, found, found if plain else _key(found)))
    return out


def _run_end(text: str, data: bytes, i: i64, size: i64) -> i64:
    """Where the run of word characters (`\\w`) from `i` ends: `i` when there is none. A byte tells but
    for "?", which stands for itself or for a character outside ASCII."""
    kinds = _BYTE_KIND
    while i < size:
        kind: i64 = kinds[data[i]]
        if kind == 0 or (kind == 2 and not text[i].isalnum()):
            break
        i += 1
    return i


def _joiner_at(text: str, data: bytes, i: i64) -> bool:
    """Whether the character at `i` is ".", "'", "’" or "&"."""
    char: i64 = data[i]
    if char == 63:  # "?": a character outside ASCII, or itself
        return text[i] == "’"
    return char == 46 or char == 39 or char == 38  # noqa: PLR1714 - integer tests


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def gazetteer() -> _Gazetteer:
    """The actor tables, loaded once per process."""
    gaz = _Gazetteer()
    for row in rows("organizations.tsv"):
        name, country, kind, *rest = [*row, ""]
        aliases = _split(rest[0]) if rest else []
        acronyms = tuple(a for a in aliases if a.isupper() and len(a) <= 8 and " " not in a)
        ref = ActorRef(name, None if country == "-" else country, kind, acronyms)  # type: ignore[arg-type]
        for surface in (name, *aliases):
            gaz.add(surface, ref, "organization")
    for row in rows("countries.tsv"):
        iso3, name, names, adjectives, metonyms = [*row, "", "", ""][:5]
        ref = ActorRef(name, iso3, "state")
        gaz.by_iso3[iso3] = ref
        for surface in (name, *_split(names)):
            gaz.add(surface, ref, "name")
        for surface in _split(adjectives):
            gaz.add(surface, ref, "adjective")
        for surface in _split(metonyms):
            gaz.add(surface, ref, "metonym")
    for record in pycountry.countries:
        entry: Any = record
        iso3 = entry.alpha_3
        known = [getattr(entry, "common_name", None), entry.name]
        usable = [n for n in known if n and "," not in n]
        if not usable:
            continue
        ref = gaz.by_iso3.setdefault(iso3, ActorRef(usable[0], iso3, "state"))
        for surface in usable:
            gaz.add(surface, ref, "name")
    gaz.lower_firsts = tuple(key for key in gaz.by_first if "a" <= key[0] <= "z")
    return gaz


def country(iso3: str) -> ActorRef | None:
    """The state with this ISO 3166-1 alpha-3 code, if known."""
    return gazetteer().by_iso3.get(iso3)


def find_actors(text: str, tokens: list[Token] | None = None) -> list[Mention]:
    """Every actor named in `text`, left to right, longest match first, no overlaps."""
    gaz = gazetteer()
    by_first = gaz.by_first
    words = tokens if tokens is not None else tokenize(text)
    starts = [i for i, w in enumerate(words) if _may_open(w.key, by_first, gaz.lower_firsts)]
    found: list[Mention] = []
    free = 0
    count = len(words)
    for i in starts:
        if i < free:
            continue
        key = words[i].key
        candidates = by_first.get(key)
        if candidates is None:
            candidates = by_first.get(key.title())
        hit = None
        for keys, ref, form in candidates or ():
            n = len(keys)
            if i + n <= count and all(_same(words[i + k].key, keys[k]) for k in range(1, n)):
                hit = (n, ref, form)
                break
        if hit is None:
            continue
        n, ref, form = hit
        start, end = words[i].start, words[i + n - 1].end
        surface = text[start:end]
        if surface.endswith(("'s", "’s")):
            surface = surface[:-2]
        if surface.endswith(".") and surface.count(".") == 1:
            surface = surface[:-1]
        found.append(Mention(start, start + len(surface), surface, ref, form))
        free = i + n
    return found


def _may_open(key: str, by_first: dict[str, Any], lower_firsts: tuple[str, ...]) -> bool:
    """`key in by_first or (len(key) > 3 and key.isupper())`: whether a word may begin an actor's name.

    A word beginning with a small ASCII letter (most words) is compared with the few keys that do
    (`_Gazetteer.lower_firsts`) instead of being hashed and looked up; such a word is never all
    capitals, so the second test is false of it.
    """
    first = ord(key[0]) if key else 0
    if 97 <= first <= 122:  # "a" to "z"
        return key in lower_firsts
    return key in by_first or (len(key) > 3 and key.isupper())


def _same(word: str, key: str) -> bool:
    return word == key or (word.isupper() and len(word) > 3 and word.title() == key)
