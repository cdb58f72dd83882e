"""Find weapons in a sentence: named systems, designations of unknown systems, and class nouns.

The tables are data files beside this module, read once: `data/weapons.tsv`
(named systems with category, maker's state and other written forms) and
`data/arms_nouns.tsv` (class nouns such as "drones" or "artillery shells" with
their category). Matching is word by word, longest first; hyphens and spaces
are alike, so "Shahed-136" and "Shahed 136" are one system. A designation that
the table does not know ("CH-92A", "KN-25") is read when a class noun stands
next to it ("CH-92A attack drones"). Pieces of one name are then joined:
"K2 battle tanks" is one item (a K2, an armoured vehicle), "components of
S-400 systems" is one item (S-400 components).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Literal, cast, get_args

from ingest.extract.actors import Token
from ingest.extract.tables import rows
from ingest.extract.text import PhraseScreen, Vocabulary, Words
from ingest.extract.values import Value
from ingest.models import ItemCategory

if TYPE_CHECKING:
    from mypy_extensions import i64  # a machine integer to mypyc; only an annotation, never imported to run

Kind = Literal["named", "pattern", "class"]
Category = ItemCategory | Literal["-"]

_CATEGORIES: frozenset[str] = frozenset([*get_args(ItemCategory), "-"])  # "-": a class noun of no category
_LETTERS = re.compile(r"[A-Z][A-Za-z]{0,4}")
_SERIAL = re.compile(r"\d{1,4}[A-Z]{0,3}")
_COMPACT = re.compile(r"[A-Z]{1,4}\d{1,4}[A-Z]{0,2}")
_DETERMINERS = frozenset(["the", "these", "those", "this", "that", "its", "their", "our", "said"])
_BOUND_PREFIXES = frozenset({"anti", "counter", "non", "pro"})
_SHIP_PREFIXES = frozenset(
    {"USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "TCG", "ROKS", "JS", "FS", "NRP", "ITS"}
)


class WeaponMention(Value):
    """A weapon named in a sentence; `start`/`end` index its tokens, `first`/`last` its characters.

    A value, compared and hashed by its fields (as the dataclass with `unsafe_hash=True` it was): never
    assigned to once built, a changed copy is a new one. A plain class with its own `__init__`, because a
    dataclass's generated one is interpreted even where this module is compiled.
    """

    __slots__ = ("category", "definite", "designation", "end", "first", "kind", "last", "origin", "start")

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        start: int,
        end: int,
        first: int,
        last: int,
        category: Category,
        designation: str | None,
        origin: str | None,
        kind: Kind,
        definite: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.first = first
        self.last = last
        self.category: Category = category
        self.designation = designation
        self.origin = origin
        self.kind: Kind = kind
        self.definite = definite

    def _fields(self) -> tuple[int, int, int, int, str, str | None, str | None, str, bool]:
        return (
            self.start, self.end, self.first, self.last, self.category, self.designation, self.origin,
            self.kind, self.definite,
        )  # fmt: skip

    def named_as(self, designation: str, kind: Kind) -> WeaponMention:
        """This mention with another designation and kind."""
        return WeaponMention(
            self.start, self.end, self.first, self.last, self.category, designation, self.origin, kind,
            self.definite,
        )  # fmt: skip

    def of_category(self, category: Category) -> WeaponMention:
        """This mention of another category."""
        return WeaponMention(
            self.start, self.end, self.first, self.last, category, self.designation, self.origin, self.kind,
            self.definite,
        )  # fmt: skip

    @property
    def is_item(self) -> bool:
        """Whether this mention names something that can be transferred by itself."""
        return self.category != "-"


@dataclass(frozen=True, slots=True)
class _Entry:
    keys: tuple[str, ...]
    category: Category
    designation: str | None
    origin: str | None
    kind: Kind


@dataclass(slots=True)
class _Table:
    by_first: dict[str, list[_Entry]]
    heads: frozenset[str]
    by_keys: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], _Entry]]] = field(default_factory=dict)

    def lookup(self, first: str) -> tuple[tuple[int, ...], dict[tuple[str, ...], _Entry]]:
        """The entries of `by_first[first]` by their words, with their lengths, longest first (built once).

        An entry's words are unique within its bucket (`add` keeps the first), so looking a slice of the
        text's words up for each length in turn tries the bucket's entries in its own order.
        """
        found = self.by_keys.get(first)
        if found is None:
            bucket = self.by_first.get(first, [])
            lengths = tuple(sorted({len(entry.keys) for entry in bucket}, reverse=True))
            found = self.by_keys[first] = (lengths, {entry.keys: entry for entry in bucket})
        return found

    def add(self, form: str, entry: _Entry) -> None:
        keys = _keys(form)
        if not keys:
            return
        variants = [keys]
        last = keys[-1]
        if entry.kind == "named" and not last.endswith("s"):
            variants.append((*keys[:-1], last + "s"))
        for variant in variants:
            bucket = self.by_first.setdefault(variant[0], [])
            if any(existing.keys == variant for existing in bucket):
                continue
            bucket.append(replace(entry, keys=variant))
            bucket.sort(key=lambda e: -len(e.keys))


_KEY_PART = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")


def _keys(form: str) -> tuple[str, ...]:
    return tuple(part.lower() for part in _KEY_PART.findall(form))


@cache
def _table() -> _Table:
    table = _Table({}, frozenset(row[0].strip().lower() for row in rows("arms_heads.tsv")))
    for row in rows("weapons.tsv"):
        designation, category, origin, *rest = [*row, ""]
        if category not in _CATEGORIES:
            raise ValueError(f"weapons.tsv: unknown category {category!r} for {designation!r}")
        entry = _Entry((), cast(Category, category), designation, None if origin == "-" else origin, "named")
        for form in [designation, *(rest[0].split("|") if rest else [])]:
            if form.strip():
                table.add(form.strip(), entry)
    for row in rows("arms_nouns.tsv"):
        forms, category = row[0], row[1].strip()
        if category not in _CATEGORIES:
            raise ValueError(f"arms_nouns.tsv: unknown category {category!r}")
        entry = _Entry((), cast(Category, category), None, None, "class")
        for form in forms.split("|"):
            table.add(form.strip(), entry)
    return table


def _written(text: str, words: list[Token], entry: _Entry) -> str | None:
    """The designation to report: a variant as written ("Mi-171Sh", "Leopard 2A6"), else the canonical name."""
    canonical = entry.designation
    if canonical is None:
        return None
    surface = text[words[0].start : words[-1].start + len(words[-1].key)]
    if not any(ch.isdigit() for ch in surface):
        return canonical
    canonical_keys = _keys(canonical)
    if entry.keys[0] != canonical_keys[0]:
        return canonical
    extra = [k for k in entry.keys if k not in canonical_keys]
    if not extra or not all(any(ch.isdigit() for ch in k) or len(k) <= 3 for k in extra):
        return canonical  # "PAC-3" for "PAC-3 MSE", "M777 howitzer" for "M777"
    if extra == [canonical_keys[-1] + "s"]:
        return canonical  # a plural
    if surface.endswith("s") and not surface.endswith("S") and surface[-2:-1].isalnum():
        surface = surface[:-1]  # "F-16Vs"
    return " ".join(surface.split())


def _joined(text: str, left: Token, right: Token) -> bool:
    """Whether two words are written as one hyphenated compound ("Iranian-made")."""
    return text[left.end : right.start] in ("-", "\u2011", "–")


def _match(
    text: str, tokens: list[Token], keys: list[str], i: int, table: _Table
) -> tuple[int, _Entry] | None:
    """The longest entry of the table whose words are those from token `i` on, if any."""
    lengths, by_keys = table.lookup(keys[i])
    room = len(keys) - i
    for n in lengths:
        if n > room:
            continue
        entry = by_keys.get(tuple(keys[i : i + n]))
        if entry is None:
            continue
        if n > 1 and any(
            text[a.end : b.start].strip(" \n\r\t-\u2011–/") for a, b in itertools.pairwise(tokens[i : i + n])
        ):
            continue  # a name does not run across punctuation
        if entry.kind == "named" and tokens[i].text.islower():
            continue  # "patriot", "javelin": common words, not systems
        return n, entry
    return None


_ASCII_DIGITS = "0123456789"
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _has_digit(word: str) -> bool:
    r"""`re.search(r"\d", word) is not None`: whether a character of `word` is a decimal digit (the
    pattern's `\d` is the test of `str.isdecimal`, Unicode category Nd), without the regex engine."""
    return any(char.isdecimal() for char in word)


def _ascii_has_digit(text: str) -> bool:
    """`_has_digit` of an ASCII text, whose only decimal digits are 0-9: a search for each (a fast scan of
    the string in C) instead of the test of every character in turn."""
    return any(digit in text for digit in _ASCII_DIGITS)


def _has_digit_near(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if not word.isalpha() and _has_digit(word):
        return True
    return i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit()


def _pattern(text: str, tokens: list[Token], i: int) -> tuple[int, str] | None:
    """An unknown designation at token i: "CH-92A" (letters-number) or "M777" (one token)."""
    tok = tokens[i]
    first = tok.text[:1]
    if not first or first not in _CAPITALS:
        return None  # both patterns begin with a capital A-Z: the regex engine need not be asked
    if (
        i + 1 < len(tokens)
        and _LETTERS.fullmatch(tok.text)
        and _joined(text, tok, tokens[i + 1])
        and _SERIAL.fullmatch(tokens[i + 1].text)
    ):
        return 2, text[tok.start : tokens[i + 1].end]
    if _COMPACT.fullmatch(tok.text):
        return 1, tok.text
    return None


_GAP = r"[\s\-\u2011\u2013/]+"  # what may stand between the words of one name ("Shahed-136", "Su 35")


def _trie_pattern(node: dict[str, Any]) -> str:
    """A regular expression matching exactly the strings of a character trie (`""` marks an end)."""
    branches = [
        (_GAP if char == "\0" else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _any_weapon() -> re.Pattern[str]:
    """Every written form of every transferable item of the tables, as one pattern over lower-case text.

    Built as a trie of characters, so that a search tries one branch per character whatever the size
    of the tables: no alternation is tried twice and nothing backtracks beyond the length of a name.

    A form begins with a letter or digit (`_keys`), so a word boundary before it is exactly no word
    character before it: `\\b` there is `(?<!\\w)`, which the regular expression engine tests slower.
    """
    trie: dict[str, Any] = {}
    for bucket in _table().by_first.values():
        for entry in bucket:
            if entry.category != "-" or entry.kind == "named":
                node = trie
                for char in "\0".join(entry.keys):
                    node = node.setdefault(char, {})
                node[""] = {}
    return re.compile(r"\b" + _trie_pattern(trie) + r"(?!\w)")


def may_name_weapons(lowered: str) -> bool:
    """Whether a sentence (in lower case) may name a transferable weapon: a test far cheaper than
    `find_weapons`, never false where it would find an item (it may be true where it finds none)."""
    return _any_weapon().search(lowered) is not None


_ALNUM_RUN = re.compile(r"[^\W_]+")
_COMMON = frozenset(
    ["a", "an", "as", "at", "in", "is", "it", "of", "on", "to", "us", "s", "t", "d", "m", "e"]
)


def _rarity(word: str) -> tuple[bool, bool, int]:
    """How likely a word is in ordinary text, for sorting (least likely first): short function words,
    then bare numbers, then the longer the rarer."""
    return word in _COMMON, word.isdigit(), -len(word)


@cache
def _signatures() -> dict[str, list[tuple[frozenset[str], bool]]]:
    """The words (runs of letters and digits) of every written form `_any_weapon` matches, as sets,
    filed under the rarest of them; with whether the form is a named system's."""
    index: dict[str, list[tuple[frozenset[str], bool]]] = {}
    for bucket in _table().by_first.values():
        for entry in bucket:
            if entry.category != "-" or entry.kind == "named":
                words = frozenset(run for key in entry.keys for run in _ALNUM_RUN.findall(key))
                index.setdefault(min(words, key=_rarity), []).append((words, entry.kind == "named"))
    return index


@cache
def _system_firsts() -> dict[frozenset[str], frozenset[str]]:
    """For the words of each written form of a named system (as `_signatures` files them), the words its
    names begin with ("at" for "AT-4")."""
    firsts: dict[frozenset[str], set[str]] = {}
    for bucket in _table().by_first.values():
        for entry in bucket:
            if entry.kind == "named":
                words = frozenset(run for key in entry.keys for run in _ALNUM_RUN.findall(key))
                firsts.setdefault(words, set()).add(entry.keys[0])
    return {words: frozenset(found) for words, found in firsts.items()}


_SHORT = 3  # characters: a word of a form this short ("a", "of", "and", "12") is in nearly every text


def _tested(word: str, signature: str) -> bool:
    """Whether `weapon_screen` tests that a text holds `word`, a word of a form filed under `signature`: all but
    the short ones, which would rule out almost no form (each sentence's forms are tested word by word
    after the sketch, `_held_forms`, so a form let through here costs only that test)."""
    return word == signature or len(word) > _SHORT


Form = tuple[frozenset[str], bool]  # the words of a written form of a weapon, and whether a named system's


class Filed:
    """A form filed under its rarest word (`_sketch_index`), with the numbers (in `_form_words`) of the
    other words of it that the screen tests (`_tested`), and all its other words, each between spaces (as
    `_held_forms` looks for them). Never changed once made.

    The form is kept as the tuple it is, typed `object`: as a `Form`, compiled code would keep its two
    fields apart and build a new tuple each time it is put in a list.
    """

    __slots__ = ("form", "others", "tested")

    def __init__(self, form: object, tested: tuple[int, ...], others: tuple[str, ...]) -> None:
        self.form = form
        self.tested = tested
        self.others = others


@cache
def _sketch_index() -> tuple[Vocabulary, list[list[Filed] | None]]:
    """`_form_words`, and `_signatures` by the number of the word each form is filed under, each form with
    the other words of it that the screen and `_held_forms` test. A form with a word outside ASCII, which
    `Words.spaced` never holds, is left out (the screen would never find that word)."""
    vocabulary = _form_words()
    numbers = {word: number for number, word in enumerate(vocabulary.listed) if number}
    index: list[list[Filed] | None] = [None] * len(vocabulary.listed)
    for signature, forms in _signatures().items():
        number = numbers.get(signature)
        if number is None:
            continue
        filed: list[Filed] = []
        for form in forms:
            tested = [w for w in form[0] if w != signature and _tested(w, signature)]
            if all(w in numbers for w in tested):
                others = tuple(f" {w} " for w in form[0] if w != signature)
                filed.append(Filed(form, tuple(numbers[w] for w in tested), others))
        index[number] = filed
    return vocabulary, index


@cache
def _form_words() -> Vocabulary:
    """The words of the written forms `_signatures` files that `weapon_screen` looks for: every one it tests."""
    return Vocabulary(
        frozenset(
            word
            for signature, forms in _signatures().items()
            for words, _ in forms
            for word in words
            if _tested(word, signature)
        )
    )


class WeaponScreen:
    """What one pass over a whole text tells of the weapons its sentences may name (`weapon_screen`).

    A plain class (a named tuple's fields are read by generic calls in compiled code); never changed once
    made.
    """

    __slots__ = ("candidates", "designations", "words")

    def __init__(self, candidates: dict[int, list[Form]], designations: bool, words: Words) -> None:
        self.candidates = candidates
        """Sentence index: the forms of which the sentence holds every word (as whole words). A sentence
        not listed names no weapon: `may_name_weapons` is false of it, and `find_weapons` finds no item in
        it."""
        self.designations = designations
        """Whether the text may hold an unknown designation (`_may_designate`)."""
        self.words = words
        """The words of the text the screen was made from."""

    def forms(self, index: int) -> list[Form]:
        """The forms of which sentence `index` holds every word: the only ones `find_weapons` may find in
        it, alone or joined to others."""
        return self.candidates.get(index, [])

    def names_nothing(self, index: int, forms: list[Form]) -> bool:
        """Whether `find_weapons` finds nothing in sentence `index`, seen from `forms` (`forms(index)`)
        alone (`_names_nothing`)."""
        words = self.words
        return _names_nothing(words.spaced, words.source, words.starts[index], words.ends[index], forms)


def _names_nothing(spaced: str, source: bytes, low: int, high: int, forms: list[Form]) -> bool:
    """Whether `find_weapons` finds nothing in a sentence whose words stand between `low` and `high` in
    a text's `Words.spaced` and `Words.source`, seen from `forms` alone (those of which it holds every
    word): all are named systems', and each word a name of them begins with is written in small letters
    wherever it stands there ("at 4 p.m." for "AT-4"), and a name in small letters is not read. False
    when that cannot be shown."""
    if not all(named for _, named in forms):
        return False
    firsts = _system_firsts()
    padded = ""  # each word of the sentence between spaces, made when first needed
    for form, _ in forms:
        if form not in firsts:
            return False
        for first in firsts[form]:
            if not (first.isascii() and first.isalnum()):
                return False
            if not padded:
                padded = f" {spaced[low:high]} "
            needle = f" {first} "
            at = padded.find(needle)
            while at >= 0:  # the word stands at `low + at` in `spaced`, and so in `source`
                if not _in_small_letters(source, low + at, low + at + len(first)):
                    return False  # a capital ("At 4"), or no letter: it may be read
                at = padded.find(needle, at + 1)
    return True


def _in_small_letters(source: bytes, start: i64, end: i64) -> bool:
    """Whether `source[start:end]`, a word of letters and digits of an ASCII text, holds a small letter and
    no capital: `"A" not in written and "a" in written` for the word's `Words.shape`, `written` (which
    makes capitals "A" and small letters "a"), read from the text itself."""
    small = False
    k: i64 = start
    while k < end:
        code: i64 = source[k]
        if 65 <= code <= 90:
            return False
        if 97 <= code <= 122:
            small = True
        k += 1
    return small


def _held_forms(forms: list[Filed], spaced: str, low: int, high: int) -> list[object]:
    """The forms (`Filed.form`) of those of `forms` (filed under one word that `spaced[low:high]` holds) of
    which `spaced[low:high]`, a stretch of a text's `Words.spaced` that begins and ends outside words,
    holds every word.

    Each other word is looked for between spaces (" word ") in `spaced` from `low - 1` to `high + 1`: the
    characters just outside the stretch are spaces, as a stretch that begins and ends outside words has
    them, so this is the test on the stretch with a space added at each end, without making either.
    """
    if low == 0 or high == len(spaced):  # no space outside the stretch at one end: add them
        padded = f" {spaced[low:high]} "
        return [entry.form for entry in forms if all(other in padded for other in entry.others)]
    low -= 1
    high += 1
    return [
        entry.form for entry in forms if all(spaced.find(other, low, high) >= 0 for other in entry.others)
    ]


def weapon_screen(words: Words, phrases: PhraseScreen | None = None) -> WeaponScreen:
    """Screen all the sentences of one text at once, given its words; and, in the same pass over them, the
    text for `phrases` if given (`Words.hits`: `words.lacks` tells what it shows).

    A form of a weapon, as the pattern of `may_name_weapons` matches it and as `find_weapons` reads it,
    is written as words (runs of letters and digits) that stand whole in the sentence, and so in the
    text: forms not all of whose words occur in the text are ruled out for every sentence, and a
    sentence can only name one of the others if it holds the form's rarest word, and then only if it
    holds every other word of it too. The text's words are tested for the forms' words but the short
    ones (`_tested`), which each sentence's forms are tested for anyway (`_held_forms`).

    The forms are taken word by word in the order their rarest words first stand in the text, each in
    the sentences that word stands in, in order.
    """
    vocabulary, index = _sketch_index()
    # (number, sentence) of each form word the text holds
    hits = words.hits(vocabulary, phrases, places=False)
    candidates: dict[int, list[object]] = {}  # each a `Form` (`Filed.form`)
    if hits:
        spaced, starts, ends = words.spaced, words.starts, words.ends
        taken = bytearray(len(index))  # by number: 1, a word the text holds; 2, one whose forms are taken
        for k in range(0, len(hits), 2):
            taken[hits[k]] = 1
        held = bytes(taken)  # the same, read in place where compiled (a bytearray's items are not)
        size: i64 = len(hits)
        at: i64 = 0  # machine integers where compiled
        while at < size:
            number: i64 = hits[at]
            at += 2
            filed = index[number]
            if filed is None or taken[number] == 2:
                continue
            taken[number] = 2
            forms = [entry for entry in filed if all(held[w] for w in entry.tested)]
            if not forms:
                continue
            alone = [entry.form for entry in forms] if all(not entry.others for entry in forms) else None
            last: i64 = -1
            j: i64 = at - 2  # this word's hits, from its first on
            while j < size:
                if hits[j] == number:
                    sentence: i64 = hits[j + 1]
                    if sentence >= 0 and sentence != last:
                        last = sentence
                        # forms of one word each are held wherever that word stands
                        found = (
                            alone
                            if alone is not None
                            else _held_forms(forms, spaced, starts[sentence], ends[sentence])
                        )
                        if found:
                            candidates.setdefault(sentence, []).extend(found)
                j += 2
    # `_may_designate(words.shape)`, as `hits` found
    return WeaponScreen(cast(dict[int, list[Form]], candidates), words.designates, words)


def _may_designate(shape: str) -> bool:
    """Whether a text, given its `Words.shape`, holds anything `find_weapons` may read as an unknown
    designation ("CH-92A"): a capital just before a digit ("M777"), or a letter, a hyphen and a digit.

    Exactly `"A0" in shape or "A-0" in shape or "a-0" in shape`, tested at each digit in turn: digits are
    few in ordinary text, and finding them is faster than three searches for the pairs and triples.
    """
    at = shape.find("0", 1)
    while at >= 0:
        before = shape[at - 1]
        if before == "A" or (before == "-" and at >= 2 and shape[at - 2] in "Aa"):
            return True
        at = shape.find("0", at + 1)
    return False


FIRST_WORD: Final = 1
"""The bit of a word's marks (`find_weapons`) that says its key is one of `first_words()`."""


def first_words() -> frozenset[str]:
    """The words (in lower case) a form of the weapon tables begins with: those `find_weapons` looks
    up."""
    return frozenset(_table().by_first)


def find_weapons(
    text: str, tokens: list[Token], low: list[str] | None = None, marks: list[int] | None = None
) -> list[WeaponMention]:
    """Every weapon named in `text` (a sentence) with `tokens` its words, left to right, no overlaps.

    `low`, when given, is the words' keys in lower case (saves computing them again); `marks`, when
    given, holds for each word a number whose bit `FIRST_WORD` is set exactly when its key is one of
    `first_words()` (saves looking each key up; the other bits are the caller's).
    """
    table = _table()
    keys = low if low is not None else [t.key.lower() for t in tokens]
    raw: list[WeaponMention] = []
    by_first = table.by_first
    opens = marks if marks is not None else [FIRST_WORD if key in by_first else 0 for key in keys]
    # a word that may begin a mention: a first word of the table, or a capitalised one with a digit in or
    # right after it (which needs a digit in the text: for ASCII, `\d` and `str.isdigit` agree)
    digits = not text.isascii() or _ascii_has_digit(text)
    i = 0
    for k in [
        k
        for k in range(len(keys))
        if opens[k] & FIRST_WORD or (digits and tokens[k].text[:1].isupper() and _has_digit_near(tokens, k))
    ]:
        if k < i:
            continue
        i = k
        hit = _match(text, tokens, keys, i, table)
        if hit is not None:
            n, entry = hit
            end = i + n
            designation = _written(text, tokens[i:end], entry) if entry.kind == "named" else None
            if entry.kind == "named" and end < len(tokens) and _joined(text, tokens[end - 1], tokens[end]):
                if _SERIAL.fullmatch(tokens[end].text):
                    designation = text[tokens[i].start : tokens[end].end]  # "Shahed-107": a variant
                    end += 1
                elif tokens[end].key.lower() not in ("class", "series", "type"):
                    i += 1
                    continue  # "drone-related": a modifier
            if (
                i > 0
                and tokens[i - 1].key.lower() in _BOUND_PREFIXES
                and _joined(text, tokens[i - 1], tokens[i])
            ):
                i = end
                continue  # "anti-ship", "counter-drone" (when not a known class of their own)
            if i > 0 and tokens[i - 1].text in _SHIP_PREFIXES:
                i = end
                continue  # "USS Chinook", "HMS Montrose": a warship's name, not the weapon it shares
            start, end, written = _widened(text, tokens, i, end)
            if designation is not None and written is not None:
                designation = written
            raw.append(
                WeaponMention(
                    start,
                    end,
                    tokens[start].start,
                    _end(tokens[end - 1]) if written is None else tokens[start].start + len(written),
                    entry.category,
                    designation,
                    entry.origin,
                    entry.kind,
                )
            )
            i = end
            continue
        pattern = _pattern(text, tokens, i)
        if pattern is not None:
            n, designation = pattern
            start, end, written = _widened(text, tokens, i, i + n)
            designation = written or designation
            last = _end(tokens[end - 1]) if written is None else tokens[start].start + len(written)
            raw.append(
                WeaponMention(start, end, tokens[start].start, last, "-", designation, None, "pattern")
            )
            i = end
    merged = _merge(text, tokens, raw, table)
    return [_mark_definite(tokens, m) for m in merged]


_PREFIX = re.compile(r"[A-Z]{1,4}\d{0,4}[A-Z]{0,2}")


def _widened(text: str, tokens: list[Token], start: int, end: int) -> tuple[int, int, str | None]:
    """A designation's tokens `start`..`end` with the code written onto its front ("T700-GE-401C",
    "AN/APG-83") and a variant mark after it ("AN/APS-153(V)"), and its written form when it grew.

    Only capitals and digits joined by a hyphen or a slash count as the front, at most two pieces.
    """
    if end + 1 < len(tokens) and tokens[end].text == "Block" and tokens[end + 1].text[:1].isdigit():
        end += 2  # "F-16 Block 50": the block is part of the name
    if (
        end < len(tokens)
        and tokens[end - 1].text.isdigit()
        and tokens[end].text.isdigit()
        and text[tokens[end - 1].end : tokens[end].start] == "/"
    ):
        end += 1  # "Block 70/72": one name for two blocks, not a count of 72
    first, last = start, end
    while (
        first > 0
        and start - first < 2
        and text[tokens[first - 1].end : tokens[first].start] in ("-", "/")
        and _PREFIX.fullmatch(tokens[first - 1].text)
    ):
        first -= 1
    close = tokens[last - 1].end
    if (
        last < len(tokens)
        and tokens[last].text == "V"
        and text[close : tokens[last].start] == "("
        and text[tokens[last].end : tokens[last].end + 1] == ")"
    ):
        close = tokens[last].end + 1
        last += 1
    if first == start and last == end:
        return start, end, None
    if first < start and tokens[first].start > 0 and text[tokens[first].start - 1] in "-/":
        return start, end, None  # part of a longer code this reading did not begin at
    return first, last, text[tokens[first].start : close]


def _gap_words(
    text: str, tokens: list[Token], left: WeaponMention, right: WeaponMention
) -> list[Token] | None:
    """The words between two mentions, or None when punctuation other than hyphens separates them."""
    between = tokens[left.end : right.start]
    pieces = [text[left.last : (between[0].start if between else right.first)]]
    pieces += [text[a.end : b.start] for a, b in zip(between, [*between[1:]], strict=False)]
    if between:
        pieces.append(text[between[-1].end : right.first])
    if any(p.strip(" \n\r\t-\u2011–") for p in pieces):
        return None
    return between


_FUNCTION_WORDS = frozenset(
    [
        "with",
        "of",
        "for",
        "to",
        "from",
        "in",
        "on",
        "by",
        "at",
        "the",
        "a",
        "an",
        "or",
        "its",
        "their",
        "his",
        "her",
        "our",
        "from",
        "into",
    ]
)


def _modifiers_only(words: list[Token], limit: int) -> bool:
    """Whether `words` can stand inside one noun phrase ("attack and reconnaissance", "medium-range")."""
    if len(words) > limit or (words and words[0].key.lower() == "and"):
        return False
    for left, right in itertools.pairwise(words):
        if right.key.lower() == "and" and left.key.lower().endswith("s") and not left.key.endswith("ss"):
            return False  # "L-39 trainers and radar systems": a plural head ends the phrase
    return all(
        (w.text[:1].islower() or w.text[:1].isdigit()) and w.key.lower() not in _FUNCTION_WORDS for w in words
    )


def _end(token: Token) -> int:
    """Where the word ends, without a final stop or possessive."""
    return token.start + len(token.key)


def _join(
    left: WeaponMention, right: WeaponMention, category: Category, designation: str | None
) -> WeaponMention:
    return WeaponMention(
        left.start, right.end, left.first, right.last, category, designation, left.origin or right.origin,
        "named" if designation else left.kind,
    )  # fmt: skip


def _class_category(named: WeaponMention, noun: WeaponMention) -> Category:
    if noun.category in ("-", "other"):
        return named.category if named.category != "-" else noun.category
    if noun.category == "aircraft" and named.category in ("helicopter", "uav"):
        return named.category
    if noun.category == "small_arms" and named.category not in ("-", "small_arms", "ammunition"):
        return named.category  # "Caesar guns", "Gepard guns": the system's own class, not small arms
    if named.category == "air_defence" and noun.category == "missile" and noun.designation is None:
        return "air_defence"  # "HQ-22 missile systems", "Patriot missiles": an air defence system's
    return noun.category


def _merge(text: str, tokens: list[Token], found: list[WeaponMention], table: _Table) -> list[WeaponMention]:
    out: list[WeaponMention] = []
    for mention in found:
        if out:
            prev = out[-1]
            gap = _gap_words(text, tokens, prev, mention)
            if gap is not None:
                joined = _try_join(prev, mention, gap)
                if joined is not None:
                    out[-1] = joined
                    continue
            of_join = _try_of(text, tokens, prev, mention)
            if of_join is not None:
                out[-1] = of_join
                continue
            if (
                prev.kind == "named"
                and mention.kind == "named"
                and prev.origin == mention.origin
                and prev.category == mention.category
                and not text[prev.last : mention.first].strip()
                and _same_family(prev.designation, mention.designation)
            ):
                out[-1] = _join(prev, mention, prev.category, prev.designation)  # "AH-64E Apache"
                continue
            if _parenthesised(text, prev, mention):
                if prev.designation is None and mention.designation is not None:
                    out[-1] = prev.named_as(mention.designation, "named")
                continue
        out.append(mention)
    kept: list[WeaponMention] = []
    for index, mention in enumerate(out):
        after = tokens[mention.end] if mention.end < len(tokens) else None
        if (
            after is not None
            and after.key.lower() in table.heads
            and not text[mention.last : after.start].strip()
        ):
            continue  # "drone manufacturer", "missile programs"
        if mention.kind == "pattern" and mention.category == "-":
            continue  # an unknown designation with no class noun beside it
        if mention.category == "-" and mention.designation is None:
            continue  # "systems" on its own
        if (
            mention.designation is None
            and mention.category == "ammunition"
            and _is_bare_round(tokens, mention)
        ):
            continue  # "a round of sanctions"
        nxt = out[index + 1] if index + 1 < len(out) else None
        shared = mention
        if nxt is not None and mention.designation is None:
            shared = _coordinated_modifier(text, tokens, mention, nxt)
        kept.append(shared)
    return kept


def _try_join(prev: WeaponMention, mention: WeaponMention, gap: list[Token]) -> WeaponMention | None:
    carrier = prev.designation is None and prev.category in (
        "aircraft",
        "ship",
    )  # "planes carried components"
    if (
        mention.category == "components"
        and mention.designation is None
        and _modifiers_only(gap, 2)
        and not carrier
    ):
        return _join(prev, mention, "components", prev.designation)
    if (
        mention.category == "engine"
        and mention.designation is None
        and prev.kind == "class"
        and prev.designation is None
        and not gap
    ):
        return _join(prev, mention, "engine", None)  # "drone engines", "tank engines": engines, for them
    named_then_class = (
        prev.designation is not None and mention.designation is None and mention.kind == "class"
    )
    if named_then_class and _modifiers_only(gap, 4):
        category = "components" if prev.category == "components" else _class_category(prev, mention)
        return _join(prev, mention, category, prev.designation)
    if (
        prev.kind == "pattern"
        and mention.kind == "class"
        and len(gap) <= 4
        and all(w.text.istitle() and w.text.isalpha() for w in gap)
    ):
        return _join(
            prev, mention, _class_category(prev, mention), prev.designation
        )  # "APS-153 Multi-Mode Radars"
    if prev.kind == "pattern" and mention.kind == "named" and not gap:
        return _join(prev, mention, mention.category, mention.designation)  # "AGM-114R Hellfire"
    if prev.kind == "class" and prev.designation is None and mention.designation is not None and not gap:
        if mention.kind == "pattern" or mention.category == prev.category or prev.category in ("-", "other"):
            category = prev.category if mention.kind == "pattern" else mention.category
            return _join(prev, mention, category, mention.designation)
        if prev.category == "aircraft" and mention.category in ("aircraft", "helicopter", "uav"):
            return _join(prev, mention, mention.category, mention.designation)
    return None


def _same_family(one: str | None, other: str | None) -> bool:
    if one is None or other is None:
        return False
    a, b = _keys(one), _keys(other)
    return bool(set(a) & set(b)) or a[0] == b[0]


def _try_of(
    text: str, tokens: list[Token], prev: WeaponMention, mention: WeaponMention
) -> WeaponMention | None:
    """ "components of S-400 systems", "rounds of 155mm artillery ammunition"."""
    between = tokens[prev.end : mention.start]
    if not between or between[0].key.lower() != "of" or len(between) > 3:
        return None
    if text[prev.last : mention.first].count(",") or any(t.text[:1].isupper() for t in between[1:]):
        return None
    if prev.category == "components" and prev.designation is None:
        return _join(prev, mention, "components", mention.designation)
    if prev.category == "ammunition" and mention.category == "ammunition":
        return _join(prev, mention, "ammunition", mention.designation or prev.designation)
    return None


def _parenthesised(text: str, prev: WeaponMention, mention: WeaponMention) -> bool:
    between = text[prev.last : mention.first]
    closing = text[mention.last : mention.last + 1]
    return between.strip() == "(" and closing == ")"


def _is_bare_round(tokens: list[Token], mention: WeaponMention) -> bool:
    words = {t.key.lower() for t in tokens[mention.start : mention.end]}
    if not words <= {"round", "rounds", "shell", "shells"}:
        return False
    after = tokens[mention.end] if mention.end < len(tokens) else None
    return after is not None and after.key.lower() == "of"


def _coordinated_modifier(
    text: str, tokens: list[Token], mention: WeaponMention, nxt: WeaponMention
) -> WeaponMention:
    """ "artillery and tank rounds": a bare modifier shares the head of the next item."""
    if nxt.category not in ("ammunition", "components") or mention.category == nxt.category:
        return mention
    between = tokens[mention.end : nxt.start]
    if len(between) != 1 or between[0].key.lower() not in ("and", "or"):
        return mention
    if text[mention.last : nxt.first].count(","):
        return mention
    last = tokens[mention.end - 1].key.lower()
    if last.endswith("s") and last != "arms":
        return mention
    return mention.of_category(nxt.category)


def _mark_definite(tokens: list[Token], mention: WeaponMention) -> WeaponMention:
    for back in range(1, 7):
        j = mention.start - back
        if j < 0:
            break
        word = tokens[j].key.lower()
        if word in _DETERMINERS:
            return WeaponMention(
                mention.start, mention.end, mention.first, mention.last, mention.category,
                mention.designation, mention.origin, mention.kind, True,
            )  # fmt: skip
        if word in ("a", "an") or not (tokens[j].text[:1].islower() or tokens[j].text[:1].isdigit()):
            break
    return mention
