"""How many: the quantity written just before (or, for units, just after) an item.

The contract's conventions: an exact number gives `min == max`; "more than N"
gives `{N, null}`; "up to N" gives `{null, N}`; "about N" gives `{N, N}`; vague
amounts are estimates ("dozens" 24..99, "hundreds" and "several hundred"
200..999, "thousands" 2000..9999, "millions" 2,000,000..9,999,999, and so on).
`text` is always the words read, verbatim.

Reading is a bounded scan over at most a few words, never a backtracking
pattern over the whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.extract.values import Shared
from ingest.models import Quantity

_WORD = re.compile(r"\d[\d,.]*\w*|[A-Za-z]+")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_IDIOMS = {"single": 1, "pair": 2, "couple": 2, "dozen": 12, "both": 2}

# Vague amounts: (words, min, max); longest first.
_VAGUE: tuple[tuple[tuple[str, ...], int, int], ...] = (
    (("hundreds", "of", "thousands"), 200_000, 999_999),
    (("tens", "of", "thousands"), 20_000, 99_999),
    (("several", "hundred", "thousand"), 200_000, 999_999),
    (("several", "thousand"), 2000, 9999),
    (("several", "hundred"), 200, 999),
    (("several", "dozen"), 24, 99),
    (("a", "few", "hundred"), 200, 999),
    (("a", "few", "thousand"), 2000, 9999),
    (("a", "few", "dozen"), 24, 99),
    (("many", "thousands"), 2000, 9999),
    (("many", "hundreds"), 200, 999),
    (("millions",), 2_000_000, 9_999_999),
    (("thousands",), 2000, 9999),
    (("hundreds",), 200, 999),
    (("dozens",), 24, 99),
)

_AT_LEAST = {("more", "than"), ("over",), ("at", "least"), ("upwards", "of"), ("in", "excess", "of")}
_OVER_VERBS = frozenset(["hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "pass", "passes", "passed", "passing", "sign", "signs", "signed", "signing"])  # fmt: skip
_AT_MOST = {("up", "to"), ("as", "many", "as"), ("no", "more", "than"), ("fewer", "than"), ("less", "than")}
# Words that name a group of items rather than the items: "two batches of drones" says nothing of how many.
_GROUPS = frozenset(
    [
        "batch",
        "batches",
        "installment",
        "installments",
        "instalment",
        "tranche",
        "tranches",
        "shipment",
        "shipments",
        "consignment",
        "company",
        "companies",
        "battalion",
        "battalions",
        "battery",
        "batteries",
        "squadron",
        "squadrons",
        "regiment",
        "brigade",
        "package",
        "packages",
        "lot",
        "lots",
        "set",
        "sets",
        "cargo",
        "kind",
        "kinds",
        "type",
        "types",
        "version",
        "versions",
    ]
)
_CURRENCIES = frozenset(
    ["euros", "euro", "dollars", "dollar", "pounds", "yen", "yuan", "won", "rubles", "roubles", "kroner",
     "krone", "kronor", "rupees", "shekels", "lira", "francs", "usd", "eur", "riyals", "dirhams"]
)  # fmt: skip
_PARENTHESISED_NUMBER = re.compile(r"\(\s?\d{1,7}(?:,\d{3})*\s?\)\s*$")
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "to",
        "from",
        "for",
        "with",
        "since",
        "until",
        "during",
        "against",
        "under",
        "into",
        "after",
        "before",
    ]
)


class _Word:
    """A run of word characters of the text read: its offsets, as written and in lower case.

    A plain class (where compiled, a named tuple is built and read through generic calls); never changed
    once made.
    """

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    for m in _WORD.finditer(text):
        word = m.group()
        out.append(_Word(m.start(), m.end(), word, word.lower()))
    return out


def _digits(word: str) -> float | None:
    if not word[0].isdigit():
        return None
    plain = word.replace(",", "").rstrip(".")
    if not plain.replace(".", "").isdigit():
        return None  # "155mm" is a calibre, not a count
    try:
        return float(plain)
    except ValueError:
        return None


def _number_at_end(words: list[_Word], end: int) -> tuple[int, int] | None:
    """A number whose last word is `words[end - 1]`: (value, index of its first word)."""
    i = end - 1
    low = words[i].low
    scale = 1
    if low in _SCALES and i > 0:
        scale = _SCALES[low]
        i -= 1
        low = words[i].low
    value = _digits(words[i].text)
    if value is not None:
        if "." in words[i].text and scale == 1:
            return None  # "1.5" without a scale is a measure, not a count
        return int(value * scale), i
    if low in _UNITS or low in _TENS:
        total = _UNITS.get(low) or _TENS.get(low, 0)
        first = i
        if low in _UNITS and i > 0 and words[i - 1].low in _TENS:
            total += _TENS[words[i - 1].low]
            first = i - 1
        if first > 1 and words[first - 1].low == "hundred" and words[first - 2].low in _UNITS:
            total += _UNITS[words[first - 2].low] * 100
            first -= 2
        return total * scale, first
    if low in ("a", "an") and scale > 1:
        return scale, i
    if low in _IDIOMS and scale == 1:
        first = i - 1 if i > 0 and words[i - 1].low in ("a", "an") else i
        return _IDIOMS[low], first
    if low == "dozen" and scale == 1:
        return 12, i
    return None


def _longest_first(table: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(table, key=len, reverse=True))


def _by_last(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases filed under their last word, each list in the order given."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[-1], []).append(phrase)
    return out


def _ends_with(words: list[_Word], end: int, phrase: tuple[str, ...]) -> bool:
    """Whether the words before `words[end]` are `phrase`."""
    n = len(phrase)
    return end - n >= 0 and tuple(w.low for w in words[end - n : end]) == phrase


def _prefix(words: list[_Word], first: int, table: dict[str, list[tuple[str, ...]]]) -> int | None:
    """Where a bound phrase of `table` (`_by_last` of the phrases, longest first) ends right before
    `words[first]`: its first word. Only the phrases ending in the word before can end there."""
    if first == 0:
        return None
    for phrase in table.get(words[first - 1].low, ()):
        n = len(phrase)
        if _ends_with(words, first, phrase):
            if phrase == ("over",) and first >= 2 and words[first - 2].low in _OVER_VERBS:
                return None  # "handed over 12 drones": a verb's particle, no bound
            return first - n
    return None


_AT_LEAST_FIRST = _by_last(_longest_first(_AT_LEAST))
_AT_MOST_FIRST = _by_last(_longest_first(_AT_MOST))
# `_VAGUE` filed under the last word of each phrase, in its order
_VAGUE_BY_LAST = {
    last: [vague for vague in _VAGUE if vague[0][-1] == last]
    for last in dict.fromkeys(v[0][-1] for v in _VAGUE)
}


_QUANTITIES: Shared[tuple[int | None, int | None, str], Quantity] = Shared()
"""`_quantity`'s quantities, by their fields."""


def _quantity(low: int | None, high: int | None, text: str) -> Quantity:
    """`Quantity(min=low, max=high, text=text)`, made once for each such quantity and shared: a Quantity
    is frozen, and a pydantic model takes microseconds to make."""
    key = (low, high, text)
    found = _QUANTITIES.get(key)
    if found is None:
        found = _QUANTITIES.keep(key, Quantity(min=low, max=high, text=text))
    return found


def _read(words: list[_Word], end: int, text: str) -> Quantity | None:
    """The quantity whose last word is `words[end - 1]`, if any."""
    vague = _VAGUE_BY_LAST.get(words[end - 1].low, ()) if end > 0 else ()
    for phrase, low, high in vague:  # in `_VAGUE`'s order: the first whose words end here
        n = len(phrase)
        if _ends_with(words, end, phrase):
            return _quantity(low, high, text[words[end - n].start : words[end - 1].end])
    number = _number_at_end(words, end)
    if number is None:
        return None
    value, first = number
    if words[first].start > 0 and text[words[first].start - 1].isalnum():
        return None  # "F100-" of "F100-PW-229 engines": part of a designation
    if text[max(words[first].start - 1, 0) : words[first].start] == "$" or (
        first and words[first - 1].low == "usd"
    ):
        return None  # money
    if 1900 <= value <= 2100 and first > 0 and words[first - 1].low in _PREPOSITIONS:
        return None  # a year
    low_bound: int | None = value
    high_bound: int | None = value
    start = first
    at_least = _prefix(words, first, _AT_LEAST_FIRST)
    at_most = _prefix(words, first, _AT_MOST_FIRST)
    if at_least is not None:
        high_bound, start = None, at_least
    elif at_most is not None:
        low_bound, start = None, at_most
    return _quantity(low_bound, high_bound, text[words[start].start : words[end - 1].end])


def quantity_before(text: str, skippable: int = 4) -> Quantity | None:
    """The quantity of an item whose name starts right after `text` (the words before it).

    Up to `skippable` modifier words may stand between the number and the item
    ("six China-made modern fighter aircraft"); "of" joins vague and group
    amounts ("hundreds of", "a pair of"); a group noun ("two batches of") says nothing.
    """
    tail = _PARENTHESISED_NUMBER.sub(" ", text[-120:])  # "ninety-six (96) helicopters"
    words = _words(tail)
    if not words or tail[words[-1].end :].strip(" \n\r\t-\u2011–"):
        return None
    i = len(words)
    for _ in range(skippable + 1):
        if i <= 0:
            return None
        quantity = _read(words, i, tail)
        if quantity is not None:
            return quantity
        word = words[i - 1]
        if word.low == "of":
            if i >= 2 and words[i - 2].low in _GROUPS:
                return None
            if i >= 3 and words[i - 2].low in ("units", "pieces", "examples"):
                return _read(words, i - 2, tail)  # "about 50 units of its Koksan guns"
            return _read(words, i - 1, tail)
        if word.low in _PREPOSITIONS or word.low in _GROUPS or word.low in ("and", "or", "than"):
            return None
        if word.low in _CURRENCIES:
            return None  # "a package worth 113 million euros including howitzers": money
        if i >= 2 and tail[words[i - 2].end : word.start].strip(" \n\r\t-\u2011–"):
            return None  # punctuation between the number and the item
        i -= 1
    return None


_APPROXIMATE = frozenset(
    ["roughly", "about", "around", "some", "approximately", "nearly", "almost", "total", "full"]
)
_WHOLE_OWNERS = frozenset(["the", "its", "their", "his", "her", "those", "an", "a"])


def share_before(text: str, skippable: int = 4) -> Quantity | None:
    """The part in "96 of the roughly 180 tanks", "the first three of the 42 jets": how many of a whole
    that is also counted; None when no whole is counted ("10 of the drones" is read by `quantity_before`)."""
    return share_of(text, quantity_before(text, skippable))


def share_of(text: str, whole: Quantity | None) -> Quantity | None:
    """`share_before(text)`, given `whole`, what `quantity_before(text)` reads (so that a caller that needs
    both reads it once)."""
    if whole is None or not whole.text:
        return None
    tail = text[-160:]
    at = tail.rfind(whole.text)
    if at < 0:
        return None
    words = _words(tail[:at])
    n = len(words)
    while n and words[n - 1].low in _APPROXIMATE:
        n -= 1
    if n < 3 or words[n - 1].low not in _WHOLE_OWNERS or words[n - 2].low != "of":
        return None
    return _read(words, n - 2, tail[:at])


_AFTER = re.compile(
    r"\s*,?\s*(?:which|that)?\s*(?:comprises|comprising|consisting of|consists of|made up of|totall?ing|"
    r"numbering)\s+(\d[\d,]*|[a-z]+(?:[- ][a-z]+)?)\b",
    re.IGNORECASE,
)


def quantity_after(text: str) -> Quantity | None:
    """A count given after a group of items: "one company of tanks, which comprises 14 vehicles"."""
    match = _AFTER.match(text[:80])
    if match is None:
        return None
    words = _words(match.group(1))
    if not words:
        return None
    quantity = _read(words, len(words), match.group(1))
    if quantity is None:
        return None
    return _quantity(quantity.min, quantity.max, match.group(1))
