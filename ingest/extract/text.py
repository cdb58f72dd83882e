"""Sentences with their offsets into the article text as received.

Splitting is a single left-to-right scan with no backtracking-prone patterns.
`.`, `!` or `?` followed by space and a capital, digit, quote or bullet ends a
sentence, unless the word before the stop is a known abbreviation ("U.S.",
"Sec.", "No.", "Gen.") or a single initial ("John F. Kennedy"). Blank lines,
bullets, numbered items and headlines end a sentence too; a single line break
inside a hard-wrapped paragraph does not: the break is read as a space when
the next line starts in lower case, or when the line breaks after a comma or
a word that cannot end a sentence ("and", "of", "the").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ingest.extract.values import Value

if TYPE_CHECKING:
    from mypy_extensions import i64  # a machine integer to mypyc; only an annotation, never imported to run

MONTH_ABBREVIATIONS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_ABBREVIATIONS: Final = MONTH_ABBREVIATIONS | frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "sec",
        "secs",
        "no",
        "nos",
        "art",
        "arts",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "llc",
        "plc",
        "pvt",
        "pte",
        "sdn",
        "dept",
        "govt",
        "est",
        "approx",
        "vs",
        "etc",
        "fig",
        "figs",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "u.a.e",
        "p.m",
        "a.m",
        "e.g",
        "i.e",
        "al",
        "ph",
        "d.c",
        "op",
        "para",
        "paras",
        "vol",
        "pp",
        "mt",
        "ft",
        "cal",
        "reg",
        "regs",
        "div",
        "bn",
        "bde",
        "sq",
        "no.s",
    ]
)

# A run of stops (with closing quotes) before space and a capital, digit, quote or bullet; or a run of
# line breaks. Written to open with one character class, so that the search skips straight from one
# candidate character to the next instead of trying both alternatives at every position.
_BOUNDARY: Final = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9•\-–—*])|(?<=\n)\n*)"
)
_LEADING: Final = re.compile(r"\s*(?:[•*·▪◦‣–—-]\s+|\d{1,2}[.)]\s+|\([a-z0-9]{1,3}\)\s+)?")
_MAYBE_LEADING: Final = frozenset(" \t\r\n\f\v\u00a0•*·▪◦‣–—-(0123456789")
_LIST_MARK: Final = re.compile(r"[ \t]*(?:[•*·▪◦‣–—-]\s|\d{1,2}[.)]\s|\([a-z0-9]{1,3}\)\s)")
_LAST_WORD: Final = re.compile(r"[a-z]+\Z")  # the open endings are lower-case ASCII words
_MARKER: Final = re.compile(r"\s*(?:\d{1,2}|[a-zA-Z])[.)]")
_OPEN_ENDINGS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "over",
        "under",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "its",
        "their",
        "his",
        "her",
        "our",
        "whether",
        "between",
        "among",
        "against",
        "through",
        "including",
        "such",
        "per",
        "via",
    ]
)


class Sentence(Value):
    """A sentence: `text == article[start:end]`; never changed once made.

    A plain class rather than a named tuple: the splitter makes one for every sentence, and where this
    module is compiled a plain class is built and read directly, a tuple subclass only through generic
    calls. It compares and hashes as the tuple of its fields.
    """

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def _fields(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.text)

    def __repr__(self) -> str:
        return f"Sentence(start={self.start!r}, end={self.end!r}, text={self.text!r})"


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `text[stop - 1]` closes an abbreviation rather than the sentence begun at `start`."""
    if stop - start <= 8 and _MARKER.fullmatch(text, start, stop):
        return True  # a list marker ("1.", "a)") starts its item, it does not end a sentence
    low = max(start, stop - 40)
    space = text.rfind(" ", low, stop - 1)
    last = text[space + 1 if space >= 0 else low : stop - 1]
    if last.isalpha():  # the common case, letters alone between a space and the stop: the word below
        word = last.lower()
        return word in _ABBREVIATIONS or (len(word) == 1 and "a" <= word <= "z")
    words = text[low:stop].rsplit(None, 1)
    if not words:
        return False
    word = words[-1].lstrip("\"'“‘([").lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if len(word) != 1 and word[1:2] != ".":
        return False  # its first part is longer than one letter
    # A lone initial ("F.") or dotted acronym ("U.S.", "D.P.R.K.").
    return all(len(part) == 1 and "a" <= part <= "z" for part in word.split("."))


def _wrapped(text: str, start: int, brk: int) -> bool:
    """Whether the single line break at `text[brk]` only wraps a line of the sentence begun at `start`."""
    nxt = text[brk + 1 : brk + 2]
    if nxt in (" ", "\t"):
        nxt = text[brk + 1 : brk + 4].lstrip(" \t")[:1]
    if not nxt or not (nxt.isalnum() or nxt in "\"“'‘("):
        return False
    end = brk
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    if end == start or text[end - 1] in '.!?:;"”’)':
        return False
    if not nxt.islower() and text[end - 1] != ",":
        last = _LAST_WORD.search(text, max(start, end - 12), end)
        if (
            last is None
            or last.group() not in _OPEN_ENDINGS
            or text[last.start() - 1 : last.start()].isalpha()
        ):
            return False
    return _LIST_MARK.match(text, brk + 1, brk + 12) is None


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, dropping empty ones; offsets index into `text` (`split_spans`)."""
    starts, ends = split_spans(text)
    return [Sentence(start, end, text[start:end]) for start, end in zip(starts, ends, strict=True)]


def split_spans(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence of `text` (`split_sentences`) starts, and where it ends, in order: the sentences
    themselves, `text[start:end]`, are made only by those that ask for them.

    The common sentence (a capital at its start, or one space and then a capital; a stop or closing
    quote at its end, which is no space) is noted here directly: it is exactly what `_append` makes of
    it, with nothing to strip but that one space.
    """
    starts: list[int] = []
    ends: list[int] = []
    start: i64 = 0  # machine integers where compiled: offsets into one text
    size: i64 = len(text)
    # `_BOUNDARY.finditer(text)`, found by `str.find`: a match begins with a stop or a line break, so only
    # those places are tried, in order, each from where the last match ended (`_boundary_end`)
    # the next ".", "!" or "?", and line break from `pos` on (`size`: none; -1: not yet looked for)
    dot: i64 = -1
    stop: i64 = -1
    brk: i64 = -1
    pos: i64 = 0
    ascii_text = text.isascii()
    while True:
        if dot < pos:
            dot = text.find(".", pos)
            if dot < 0:
                dot = size
        if brk < pos:
            brk = text.find("\n", pos)
            if brk < 0:
                brk = size
        if stop < pos:
            stop = _next_stop(text, pos, size)
        at: i64 = dot if dot < brk else brk
        at = stop if stop < at else at  # compiled, `min` would box both
        if at >= size:
            break
        end: i64 = _boundary_end(text, at, size)
        if end < 0:
            pos = at + 1
            continue
        pos = end
        first = ord(text[at])  # compared by its code: compiled, no one-character string is made
        if first == 10:  # a line break
            if at == start:  # the line breaks right after a stop: nothing between, nothing to append
                start = end
                continue
            if end - at == 1 and _wrapped(text, start, at):
                continue
        elif first == 46 and _closes_abbreviation(text, start, at, ascii_text):  # "."
            continue
        lead = ord(text[start])  # `start < at` unless the text breaks a line before a stop: no common case
        if first == 10 or end - start > MAX_SENTENCE or start == at:
            _append(text, start, end, starts, ends)
        elif 65 <= lead <= 90:  # a capital ends no leading space, bullet or number
            starts.append(start)
            ends.append(end)
        elif lead == 32 and 65 <= ord(text[start + 1]) <= 90:  # one space: `_append` would strip just that
            starts.append(start + 1)
            ends.append(end)
        else:
            _append(text, start, end, starts, ends)
        start = end
    _append(text, start, len(text), starts, ends)
    return starts, ends


def _closes_abbreviation(text: str, start: i64, at: i64, ascii_text: bool) -> bool:
    """Whether the "." at `text[at]` closes an abbreviation rather than the sentence begun at `start`
    (`_is_abbreviation`), in `text` (`ascii_text`: whether `text.isascii()`).

    Seven letters before the stop make a word longer than any abbreviation. Else the common case of
    `_is_abbreviation`, a word of letters after a space (no list marker so far into the sentence), is
    tested here (`_abbreviation`). The ASCII letters before the stop are counted first, up to seven
    and not before `start`: where they end at a space, or at `start`, that tells the case without
    another search; anything else (another letter) takes the tests written out in `_closing_tests`.
    """
    low: i64 = at - 7 if at - 7 > start else start
    k: i64 = at - 1
    # back over ASCII letters (a capital's code with bit 5 set is its small letter's)
    while k >= low and 97 <= (ord(text[k]) | 32) <= 122:
        k -= 1
    letters: i64 = at - 1 - k  # the ASCII letters just before the stop
    if letters == 7:
        return False
    if k < start:  # all of the sentence before the stop, fewer than seven letters
        return _is_abbreviation(text, start, at + 1)
    code = ord(text[k])
    if code == 32 and at - start >= 8:  # the last space before the stop (no other after it)
        if letters >= 2:
            return _abbreviation(text, k + 1, at, ascii_text)
        return _is_abbreviation(text, start, at + 1)
    return _closing_tests(text, start, at, ascii_text)


def _closing_tests(text: str, start: i64, at: i64, ascii_text: bool) -> bool:
    """`_closes_abbreviation`, the tests written out."""
    if at - start >= 7 and _letters(text, at - 7, at):
        return False
    if at - start >= 8:
        space: i64 = text.rfind(" ", at - 39 if at - 39 > start else start, at)
        if space >= 0 and at - space > 2 and _letters(text, space + 1, at):
            return _abbreviation(text, space + 1, at, ascii_text)
    return _is_abbreviation(text, start, at + 1)


def _letters(text: str, start: i64, end: i64) -> bool:
    """`text[start:end].isalpha()` for `start < end`, without making the slice: an ASCII character is a
    letter when its code is a capital's or a small letter's, any other is asked (`str.isalpha`)."""
    k: i64 = start
    while k < end:
        code = ord(text[k])
        if code < 128:
            if not (97 <= (code | 32) <= 122):  # a capital's code with bit 5 set is its small letter's
                return False
        elif not text[k].isalpha():
            return False
        k += 1
    return True


def _abbreviation(text: str, start: i64, end: i64, ascii_text: bool) -> bool:
    """`text[start:end].lower() in _ABBREVIATIONS`, for a word of two or more letters (`_letters`) in
    `text` (`ascii_text`: whether `text.isascii()`).

    A word of ASCII letters in lower case is its letters each with bit 5 set, as long as the word: it
    is an abbreviation only if an abbreviation of letters has its length and its first and last
    letters (`_ABBREVIATION_SHAPES`), and only then is it looked up. Other words are looked up.
    """
    size: i64 = end - start
    if ascii_text:
        if size > 7:
            return False  # longer than any abbreviation
        first: i64 = (ord(text[start]) | 32) - 97
        last: i64 = (ord(text[end - 1]) | 32) - 97
        if not _ABBREVIATION_SHAPES[first * 26 + last] >> size & 1:
            return False
    return text[start:end].lower() in _ABBREVIATIONS


def _abbreviation_shapes() -> bytes:
    """For each first and last small letter (`26 * first + last`, "a" 0), a byte with bit `n` set when an
    abbreviation of `n` letters begins and ends with them (`_abbreviation`)."""
    shapes = bytearray(26 * 26)
    for word in _ABBREVIATIONS:
        if word.isascii() and word.isalpha() and word.islower():
            if not 2 <= len(word) <= 7:
                raise ValueError(f"an abbreviation of letters of 2 to 7 letters expected: {word!r}")
            shapes[(ord(word[0]) - 97) * 26 + ord(word[-1]) - 97] |= 1 << len(word)
    return bytes(shapes)


_ABBREVIATION_SHAPES: Final = _abbreviation_shapes()


def _next_stop(text: str, pos: int, size: int) -> int:
    """Where the first "!" or "?" from `pos` on stands in `text`; `size` when neither does."""
    bang = text.find("!", pos)
    ask = text.find("?", pos)
    if bang < 0:
        return ask if ask >= 0 else size
    return bang if ask < 0 or bang < ask else ask


_OPENING: Final = "\"'“‘(["  # what may stand between the spaces after a stop and the sentence it begins
_BEGINNING: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789•-–—*"  # what such a sentence may begin with
_CLOSING: Final = ".!?\"'”’)]"  # what may follow a stop within the stop that ends a sentence


def _boundary_end(text: str, at: i64, size: i64) -> i64:
    """Where `_BOUNDARY.match(text, at)` ends; -1 when it does not match. `text[at]` is a stop or a break.

    Only a stop followed by more stops or closing quotes needs the pattern. A run of line breaks
    always matches whole. A stop followed by anything else but white space never matches. One followed
    by white space (`str.isspace` is what `\\s` matches) matches just the stop when, after all of it, a
    capital, digit, bullet or dash begins the sentence, maybe after an opening quote: backing off leaves
    white space before it, which is none of those.
    """
    if ord(text[at]) == 10:  # a line break
        end: i64 = at + 1
        while end < size and ord(text[end]) == 10:
            end += 1
        return end
    after: i64 = at + 1
    if after == size:
        return -1
    code = ord(text[after])
    if code in (32, 10) and after + 1 < size and 65 <= ord(text[after + 1]) <= 90:
        return after  # the common case of the test below: a space or line break, then a capital
    if 48 <= code <= 57 or 97 <= (code | 32) <= 122:
        return -1  # a digit or an ASCII letter: no white space, and no closing character
    char = text[after]
    if char.isspace():
        begin: i64 = after + 1
        while begin < size and text[begin].isspace():
            begin += 1
        if begin == size:
            return -1
        char = text[begin]
        if char in _OPENING and begin + 1 < size and text[begin + 1] in _BEGINNING:
            return after
        return after if char in _BEGINNING else -1
    if char not in _CLOSING:
        return -1
    match = _BOUNDARY.match(text, at)
    return -1 if match is None else match.end()


MAX_SENTENCE: Final = 1500
"""No sentence is longer than this many characters: a run-on stretch (a list without stops, noise) is
cut at spaces, so that the work spent on any one sentence stays bounded."""


def _append(text: str, start: int, end: int, starts: list[int], ends: list[int]) -> None:
    """Note the sentence `text[start:end]` (a piece between boundaries), stripped, and cut when too long."""
    if text[start : start + 1] in _MAYBE_LEADING:
        after = text[start + 1 : start + 2]
        if text[start] == " " and after.isascii() and after.isupper():
            start += 1  # the common case, one space before a capital: what `_LEADING` would strip
        else:
            lead = _LEADING.match(text, start, end)
            if lead is not None:
                start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(text, start, cut, starts, ends)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        starts.append(start)
        ends.append(end)


_ALNUM_ONLY = "".join(char if char.isalnum() else " " for char in map(chr, range(128)))
"""A `str.translate` table for ASCII text: each character that is not a letter or digit becomes a space."""

_LOWER_ALNUM_ONLY = _ALNUM_ONLY.lower()
"""`_ALNUM_ONLY` with capitals made small: for ASCII text, `text.lower().translate(_ALNUM_ONLY)` in one pass."""


def byte_table(table: str) -> bytes:
    """A `bytes.translate` table doing for ASCII what the 128-character `str.translate` table `table` does."""
    return table.encode("ascii") + bytes(range(128, 256))


def ascii_translate(text: str, table: bytes) -> str:
    """`text.translate(t)` for ASCII `text`, with `table == byte_table(t)`: the same string, made by
    translating bytes, several times faster than `str.translate` (which looks each character up)."""
    return text.encode("ascii").translate(table).decode("ascii")


_ALNUM_BYTES: Final = byte_table(_ALNUM_ONLY)
_LOWER_ALNUM_BYTES: Final = byte_table(_LOWER_ALNUM_ONLY)


def _shape(char: str) -> str:
    if char.isupper():
        return "A"
    if char.islower():
        return "a"
    if char.isdigit():
        return "0"
    return "-" if char == "-" else " "


_SHAPES = "".join(map(_shape, map(chr, range(128))))
"""A `str.translate` table for ASCII text: capitals become "A", small letters "a", digits "0", "-" stays."""

_SHAPE_BYTES: Final = byte_table(_SHAPES)


_MARK_MASK: Final = (
    0xFFFF  # the hashes `Vocabulary` marks: 16 bits, a table of 64 Kibit (8 KiB, which stays in cache)
)
_MARK_FACTOR: Final = 37


def _mark(word: bytes) -> int:
    """The hash `Words.among` computes for a word (its bytes) as it scans the text."""
    mark = 0
    for char in word:
        mark = (mark * _MARK_FACTOR + char) & _MARK_MASK
    return mark


class Vocabulary:
    """A fixed set of words (runs of letters and digits, in lower case), ready for `Words.among`.

    Beside the words, a table marks the hash (`_mark`) of each ASCII one, one bit for each hash (bit
    `mark & 7` of byte `mark >> 3`): a text's word whose hash is not marked is not in the set, which the
    scan can tell without making a string of the word. The ASCII
    words are numbered too (`listed`), and a second table gives, for each hash, the number of a word
    with that hash, so that `Words.hits` can tell which word a text's word is by comparing its bytes,
    again without making a string.
    """

    __slots__ = ("_chained", "_letters", "_numbers", "_offsets", "listed", "marks", "words")

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        listed = sorted(word for word in words if word.isascii())  # others are never a word of `Words.spaced`
        if len(listed) > 0xFFFF:
            raise ValueError("a vocabulary numbers at most 65535 ASCII words")
        self.listed = ["", *listed]
        """The ASCII words by their numbers, from 1 (0 is no word)."""
        marks = bytearray((_MARK_MASK + 1) // 8)
        numbers = bytearray(2 * (_MARK_MASK + 1))  # hash: the last word with it, in two bytes (0: none)
        chained = bytearray(2 * len(self.listed))  # number: the word before it with the same hash (0: none)
        letters = bytearray()
        offsets = [0, 0]  # word `n` is `letters[offsets[n] : offsets[n + 1]]`
        for number, word in enumerate(listed, 1):
            data = word.encode("ascii")
            mark = _mark(data)
            marks[mark >> 3] |= 1 << (mark & 7)
            chained[2 * number : 2 * number + 2] = numbers[2 * mark : 2 * mark + 2]
            numbers[2 * mark : 2 * mark + 2] = number.to_bytes(2, "big")
            letters += data
            offsets.append(len(letters))
        self.marks = bytes(marks)
        self._numbers = bytes(numbers)
        self._chained = bytes(chained)
        self._letters = bytes(letters)
        self._offsets = offsets

    def number(self, data: bytes, start: i64, end: i64, mark: i64) -> i64:
        """The number of the word `data[start:end]` (`listed`), whose hash (`_mark`) is `mark`; 0 when it
        is none of the vocabulary's. Compares bytes with the words of that hash: no string is made."""
        numbers, chained, letters, offsets = self._numbers, self._chained, self._letters, self._offsets
        size: i64 = end - start
        number: i64 = numbers[2 * mark] * 256 + numbers[2 * mark + 1]
        while number:
            low: i64 = offsets[number]
            if offsets[number + 1] - low == size:
                k: i64 = 0
                while k < size and letters[low + k] == data[start + k]:
                    k += 1
                if k == size:
                    return number
            number = chained[2 * number] * 256 + chained[2 * number + 1]
        return 0

    def letter_words(self, lowered: str) -> list[str]:
        """The words of the vocabulary that stand as runs of letters in `lowered`, an ASCII text in lower
        case (runs of "a" to "z"), in order, each time they stand: `[w for w in runs if w in words]`.

        The same scan as `Words.among`, with anything but a small letter between words.
        """
        data = lowered.encode("ascii")
        return self.letter_words_in(data, 0, len(data))

    def letter_words_in(self, data: bytes, low: i64, high: i64) -> list[str]:
        """`letter_words` of `data[low:high]` (ASCII bytes in lower case), read in place: no slice is made,
        and each word found is the vocabulary's own (`listed`, by `number`), not a slice of the text."""
        listed, marks = self.listed, self.marks
        found: list[str] = []
        i: i64 = low
        while i < high:
            char: i64 = data[i]
            i += 1
            if char < 97 or char > 122:  # not "a" to "z"
                continue
            start: i64 = i - 1
            mark: i64 = char
            while i < high:
                char = data[i]
                if char < 97 or char > 122:
                    break
                mark = (mark * _MARK_FACTOR + char) & _MARK_MASK
                i += 1
            if marks[mark >> 3] >> (mark & 7) & 1:
                number = self.number(data, start, i, mark)
                if number:  # a run of small letters is ASCII: in `words` just when it is listed
                    found.append(listed[number])
        return found


class Words:
    """The words of a text, found in one pass: runs of letters and digits, in lower case.

    Only built for a text whose letters and digits are all ASCII and whose sentences each begin and
    end outside a word, so that the words of a sentence are exactly the words of the text within its
    span. Never changed once made.
    """

    __slots__ = ("_shape", "data", "designates", "ends", "lacks", "source", "spaced", "starts")

    def __init__(self, source: bytes, spaced: bytes, starts: list[int], ends: list[int]) -> None:
        self.source = source
        """The text in ASCII (`plain`), as bytes."""
        self.data = spaced
        """`spaced` as bytes."""
        self.spaced = spaced.decode("ascii")
        """The text in lower case with each character that is not a letter or digit made a space (offsets
        kept): ASCII."""
        self._shape: str | None = None
        self.starts = starts
        """Where each sentence starts, in order."""
        self.ends = ends
        """Where each sentence ends."""
        self.lacks: PhraseScreen | None = None
        """A screen none of whose phrases the text holds, as `hits` found while scanning (else None)."""
        self.designates = False
        """Whether the text holds a capital just before a digit ("M777"), or a letter, a hyphen and a digit
        ("CH-92"): `"A0" in shape or "A-0" in shape or "a-0" in shape`, as `hits` found while scanning
        (not before)."""

    @property
    def shape(self) -> str:
        """The text with capitals made "A", small letters "a", digits "0", hyphens (also U+2011, U+2013)
        "-" and all else spaces (made when first asked for)."""
        if self._shape is None:
            self._shape = self.source.translate(_SHAPE_BYTES).decode("ascii")
        return self._shape

    def mixed(self) -> bool:
        """Whether a word of the text mixes letters and digits ("M777", "covid19")."""
        shape = self.shape
        return "a0" in shape or "0a" in shape or "A0" in shape or "0A" in shape

    def among(self, vocabulary: Vocabulary) -> dict[str, list[int]]:
        """The words of `vocabulary` that the text holds, each with where it stands in `spaced` (every
        place, in order): `vocabulary.words.intersection(spaced.split())`, with the places (`hits`)."""
        return _places(vocabulary, self.hits(vocabulary, None))

    def screened_among(self, vocabulary: Vocabulary, phrases: PhraseScreen) -> dict[str, list[int]]:
        """`among(vocabulary)`, and in the same pass `phrases.found_in` of `spaced` (`hits`)."""
        return _places(vocabulary, self.hits(vocabulary, phrases))

    def hits(self, vocabulary: Vocabulary, phrases: PhraseScreen | None, places: bool = True) -> list[int]:
        """Where the words of `vocabulary` stand in `spaced`, in order, as one flat list of (number,
        start, sentence) triples: the word's number (`Vocabulary.listed`), where it starts, and the index
        of the sentence it stands in (-1 if none: `sentences_at`); every word of `spaced.split()` that is
        in `vocabulary.words`, at each place it stands. Without `places`, (number, sentence) pairs: the
        same, without where each word starts (one number fewer to make and keep for each).

        The words are the runs of characters other than spaces (`spaced` has no other white space). Each
        run's hash (`_mark`) is computed as the scan passes over it, and only a run whose hash the
        vocabulary marks is compared with its words (`Vocabulary.number`): no string is made.

        With `phrases` given, the same pass makes `phrases.found_in` of `spaced`: when it is false, the
        screen is kept as `lacks`, and no phrase of it stands in the text in lower case. That follows when
        `phrases.spaced` (each phrase is letters, digits and spaces in lower case): a phrase in the text in
        lower case is made of ASCII characters, which stand for themselves in the ASCII text the words were
        read from (`plain` changes only others), and `spaced` keeps the letters, digits and spaces of that
        text in lower case at the same offsets. The screen's test is `PhraseScreen.found_in`'s, on the same
        bytes, read by the scan that finds the words. Other screens are not tested here.

        The same pass sets `designates`. Its pairs and triples in `shape` are, in the ASCII text (`source`),
        a capital before a digit, and a letter, "-" and a digit (`plain` makes U+2011 and U+2013 "-" too):
        in `spaced`, a letter before a digit in a word, and a word that begins with a digit after one space
        with a letter before it; only there is `source` looked at.
        """
        if phrases is None or not phrases.spaced:
            return self._hits(vocabulary, places)
        data, source = self.data, self.source
        starts, ends = self.starts, self.ends
        sentence: i64 = (
            -1
        )  # the last sentence that starts at or before the word: `bisect_right(starts, at) - 1`
        marks = vocabulary.marks
        firsts, seconds = phrases._firsts, phrases._seconds
        out: list[int] = []
        seen = False
        designates = False
        size: i64 = len(data)
        prev: i64 = 32  # the byte before `data[i]` (`found_in` compares from the fourth byte on)
        i: i64 = 0
        while i < size:  # the spaces between words, and the first byte of each word
            char: i64 = data[i]
            key: i64 = prev * 256 + char
            lead: i64 = firsts[key]
            if lead and i >= 3 and (lead == 0xFF or (lead == data[i - 3] and seconds[key] == data[i - 2])):
                seen = seen or phrases._stands(data, key, i)
            prev = char
            i += 1
            if char == 32:
                continue
            start: i64 = i - 1
            if char <= 57 and start >= 2 and data[start - 2] >= 97 and source[start - 1] == 45:
                designates = True  # a letter, "-" and a digit (a hyphen's space before the word)
            mark: i64 = char
            while i < size:  # in a word, up to the space that ends it (tested for phrases here too)
                char = data[i]
                key = prev * 256 + char
                lead = firsts[key]
                if (
                    lead
                    and i >= 3
                    and (lead == 0xFF or (lead == data[i - 3] and seconds[key] == data[i - 2]))
                ):
                    seen = seen or phrases._stands(data, key, i)
                if char == 32:
                    prev = 32
                    break
                if char <= 57 and prev >= 97 and source[i - 1] <= 90:
                    designates = True  # a capital just before a digit
                prev = char
                mark = (mark * _MARK_FACTOR + char) & _MARK_MASK
                i += 1
            if marks[mark >> 3] >> (mark & 7) & 1:
                number = vocabulary.number(data, start, i, mark)
                if number:
                    sentence = _note_hit(
                        out, number, start, i, sentence, starts=starts, ends=ends, places=places
                    )
            i += 1  # past that space, tested already
        if not seen:
            self.lacks = phrases
        self.designates = designates
        return out

    def _hits(self, vocabulary: Vocabulary, places: bool) -> list[int]:
        """`hits(vocabulary, None, places)`: the scan of `holds` over the whole text, each marked run
        compared (`Vocabulary.number`), and the test for `designates`."""
        data, source = self.data, self.source
        starts, ends = self.starts, self.ends
        sentence: i64 = (
            -1
        )  # the last sentence that starts at or before the word: `bisect_right(starts, at) - 1`
        marks = vocabulary.marks
        out: list[int] = []
        designates = False
        size: i64 = len(data)
        i: i64 = 0
        while i < size:
            char: i64 = data[i]
            i += 1
            if char == 32:  # a space
                continue
            start: i64 = i - 1
            if char <= 57 and start >= 2 and data[start - 2] >= 97 and source[start - 1] == 45:
                designates = True
            mark: i64 = char
            while i < size:
                char = data[i]
                if char == 32:
                    break
                if char <= 57 and data[i - 1] >= 97 and source[i - 1] <= 90:
                    designates = True
                mark = (mark * _MARK_FACTOR + char) & _MARK_MASK
                i += 1
            if marks[mark >> 3] >> (mark & 7) & 1:
                number = vocabulary.number(data, start, i, mark)
                if number:
                    sentence = _note_hit(
                        out, number, start, i, sentence, starts=starts, ends=ends, places=places
                    )
        self.designates = designates
        return out

    def holds(self, vocabulary: Vocabulary, low: i64, high: i64) -> bool:
        """Whether a word of `vocabulary` stands in `spaced[low:high]`, a stretch that begins and ends
        outside words (a sentence's span): `not vocabulary.words.isdisjoint(spaced[low:high].split())`.

        The words are the runs of characters other than spaces (`spaced` has no other white space). Each
        run's hash (`_mark`) is computed as the scan passes over it, and only a run whose hash the
        vocabulary marks is compared with its words, in place (`Vocabulary.number`: a word of `spaced` is
        ASCII, so it is in `words` just when it is listed); no string is made.
        """
        data, marks = self.data, vocabulary.marks
        i: i64 = low  # machine integers where compiled: the scan's arithmetic is plain C
        while i < high:
            char: i64 = data[i]
            i += 1
            if char == 32:  # a space
                continue
            start: i64 = i - 1
            mark: i64 = char
            while i < high:
                char = data[i]
                if char == 32:
                    break
                mark = (mark * _MARK_FACTOR + char) & _MARK_MASK
                i += 1
            if marks[mark >> 3] >> (mark & 7) & 1 and vocabulary.number(data, start, i, mark):
                return True
        return False

    def sentences_at(self, places: list[int], length: int) -> list[int]:
        """The indexes of the sentences in which words of `length` characters at `places` (in order) stand,
        in order, each once: `sentences_with(word)` when `places` are where `word` stands (`among`)."""
        starts, ends = self.starts, self.ends
        out: list[int] = []
        for at in places:
            k = bisect_right(starts, at) - 1
            if k >= 0 and at + length <= ends[k] and (not out or out[-1] != k):
                out.append(k)
        return out

    def sentences_with(self, word: str) -> list[int]:
        """The indexes of the sentences in which `word` (in lower case) stands as a whole word, in order."""
        spaced = self.spaced
        size = len(spaced)
        starts, ends = self.starts, self.ends
        out: list[int] = []
        at = spaced.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or spaced[at - 1] == " ") and (end == size or spaced[end] == " "):
                k = bisect_right(starts, at) - 1
                if k >= 0 and end <= ends[k] and (not out or out[-1] != k):
                    out.append(k)
            at = spaced.find(word, at + 1)
        return out


def _places(vocabulary: Vocabulary, hits: list[int]) -> dict[str, list[int]]:
    """The words of `hits` (`Words.hits`), each with where it stands (every place, in order)."""
    listed = vocabulary.listed
    found: dict[str, list[int]] = {}
    for k in range(0, len(hits), 3):
        found.setdefault(listed[hits[k]], []).append(hits[k + 1])
    return found


_RARITY: Final = " etaoinsrhldcumfpgwybvkxjqz"
"""The space and the small letters, from the most to the least frequent in English text."""


def _rarity(window: str) -> int:
    """How rare a stretch of characters is in ordinary text, roughly (higher: rarer)."""
    return sum(_RARITY.find(char) for char in window)


def _bytes_at(data: bytes, part: bytes, at: i64) -> bool:
    """`data.startswith(part, at)` for `at >= 0`, compared byte by byte (compiled, `bytes.startswith` is a
    generic method call, slower than comparing a short part in place)."""
    size: i64 = len(part)
    if at + size > len(data):
        return False
    k: i64 = 0
    while k < size:
        if data[at + k] != part[k]:
            return False
        k += 1
    return True


_SPACED_CHARACTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")


class PhraseScreen:
    """Whether a text holds any of a fixed set of ASCII phrases (four characters or more), in one pass.

    Each phrase is filed under one stretch of four of its characters, the rarest (`_rarity`), keyed by
    the stretch's last two; stretches that share a key share their first two characters too, where the
    phrase has such a stretch. The pass reads the text's UTF-8 bytes pair by pair, and only where a pair
    is a key and the two bytes before it begin its stretch does it compare the phrases filed there. A
    phrase that occurs has its stretch where the pass looks, so none is missed; and in UTF-8 an ASCII
    byte only ever stands for its own character, so the phrases occur in the bytes exactly where they
    occur in the text.
    """

    __slots__ = ("_firsts", "_members", "_seconds", "spaced")

    def __init__(self, phrases: Sequence[str]) -> None:
        self.spaced = all(char in _SPACED_CHARACTERS for phrase in phrases for char in phrase)
        """Whether each phrase is made of small letters, digits and spaces only: those `Words.spaced` keeps."""
        firsts = bytearray(1 << 16)  # key: the first byte of its stretches; 0 none, 0xFF several
        seconds = bytearray(1 << 16)  # key: the second byte of its stretches
        self._members: dict[int, list[tuple[bytes, int]]] = {}
        for phrase in phrases:
            data = phrase.encode("ascii")
            if len(data) < 4 or 0 in data:
                raise ValueError(f"not a phrase of four or more characters: {phrase!r}")
            windows = sorted(range(len(data) - 3), key=lambda at: -_rarity(phrase[at : at + 4]))
            free = [
                at
                for at in windows
                if firsts[data[at + 2] * 256 + data[at + 3]] in (0, data[at])
                and seconds[data[at + 2] * 256 + data[at + 3]] in (0, data[at + 1])
            ]
            at = free[0] if free else windows[0]
            key = data[at + 2] * 256 + data[at + 3]
            if free:
                firsts[key], seconds[key] = data[at], data[at + 1]
            else:
                firsts[key] = 0xFF  # no byte of UTF-8: any bytes may begin the stretch
            self._members.setdefault(key, []).append((data, at + 3))
        self._firsts = bytes(firsts)
        self._seconds = bytes(seconds)

    def _stands(self, data: bytes, key: int, i: i64) -> bool:
        """Whether a phrase filed under `key` ends its stretch at `data[i]` (`found_in`, where it compares)."""
        return any(i >= end and _bytes_at(data, phrase, i - end) for phrase, end in self._members[key])

    def found_in(self, text: str) -> bool:
        """Exactly `any(phrase in text for phrase in phrases)`."""
        data = text.encode("utf-8", "surrogatepass")
        firsts, seconds = self._firsts, self._seconds
        size: i64 = len(data)  # machine integers where compiled: the scan's arithmetic is plain C
        if size < 4:
            return False
        prev: i64 = data[2]
        i: i64 = 3
        while i < size:
            char: i64 = data[i]
            key: i64 = prev * 256 + char
            prev = char
            lead: i64 = firsts[key]
            if (
                lead
                and (lead == 0xFF or (lead == data[i - 3] and seconds[key] == data[i - 2]))
                and self._stands(data, key, i)
            ):
                return True
            i += 1
        return False


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
# the non-ASCII hyphens that join the parts of a name ("Shahed–136")
_DASHES: Final = frozenset("\u2011\u2013")


def _dash_or_space(found: re.Match[str]) -> str:
    return "-" if found.group() in _DASHES else " "


def plain(text: str) -> str | None:
    """`text` in ASCII, offsets kept: each character outside ASCII made a space (or a hyphen, for the
    hyphens U+2011 and U+2013); None when one of them is a letter or digit (then the words would change)."""
    if text.isascii():
        return text
    if any(char.isalnum() for char in set(_NON_ASCII.findall(text))):
        return None
    return _NON_ASCII.sub(_dash_or_space, text)


_WORD: Final = re.compile(r"[^\W_]+")


def ascii_words(text: str) -> set[str]:
    """The words (runs of letters and digits) of a text, as written; fast when `plain` accepts it."""
    ascii_text = plain(text)
    if ascii_text is None:
        return set(_WORD.findall(text))
    return set(ascii_translate(ascii_text, _ALNUM_BYTES).split())


def may_cut_words(text: str) -> bool:
    """Whether `split_sentences` may end a sentence inside a word; False proves it does not.

    Only a run-on stretch cut at `MAX_SENTENCE` can: each cut falls at the last space of the cut
    piece's second half, and only where those `MAX_SENTENCE // 2` characters hold no space does it
    fall at a character count, inside a word. Any such space-free window covers a whole block of
    `MAX_SENTENCE // 4` characters at a multiple of that size, so a space in every block rules it out.
    """
    step = MAX_SENTENCE // 4
    return any(text.find(" ", k, k + step) < 0 for k in range(0, len(text) - step + 1, step))


def text_words(text: str, sentences: Sequence[Sentence]) -> Words | None:
    """The `Words` of `text` with `sentences` its `split_sentences` (`spanned_words`)."""
    return spanned_words(
        text, [sentence.start for sentence in sentences], [sentence.end for sentence in sentences]
    )


def _note_hit(
    out: list[int],
    number: i64,
    start: i64,
    end: i64,
    sentence: i64,
    *,
    starts: list[int],
    ends: list[int],
    places: bool,
) -> i64:
    """Add a marked word's triple to `out` (`Words.hits`): its number, where it starts (only with
    `places`), and the sentence it stands in (-1 when it runs past that sentence's end). `sentence` is the
    last sentence found to start at or before an earlier word (-1 for none yet); the one found for this
    word is returned, so that the search goes on from there for the next."""
    count: i64 = len(starts)
    while sentence + 1 < count and starts[sentence + 1] <= start:
        sentence += 1
    out.append(number)
    if places:
        out.append(start)
    out.append(sentence if sentence >= 0 and end <= ends[sentence] else -1)
    return sentence


def spanned_words(text: str, starts: list[int], ends: list[int]) -> Words | None:
    """The `Words` of `text` with `starts` and `ends` its `split_spans` (kept in it, not copied); None when a
    character outside ASCII in it is a letter or digit (`plain`), or a sentence begins or ends inside a
    word (only a run-on stretch cut at `MAX_SENTENCE` can: `may_cut_words`)."""
    ascii_text = plain(text)
    if ascii_text is None:
        return None
    text = ascii_text
    data = text.encode("ascii")
    spaced = data.translate(_LOWER_ALNUM_BYTES)  # `ascii_translate`, from that encoding
    if may_cut_words(text):
        size = len(spaced)
        for start, end in zip(starts, ends, strict=True):
            if (start > 0 and spaced[start - 1] != 32) or (end < size and spaced[end] != 32):
                return None
    return Words(data, spaced, starts, ends)
