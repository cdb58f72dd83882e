"""Legal bases of sanctions, recognised and written one canonical way.

- US executive orders: "Executive Order 14024", "E.O. 14024", "EO 14024",
  "Executive Order (E.O.) 13224", "Section 1(a)(i) of E.O. 14024",
  "E.O.s 13382 and 13224" -> "E.O. 14024" (one per number).
- UN Security Council resolutions: "UN Security Council Resolution 2231",
  "UNSCR 2231", "resolutions 1718 and 2270", "Resolution 2231 (2015)"
  -> "UNSCR 2231". A bare "resolution N" counts only where the text names the
  Security Council.
- EU acts: "Council Regulation (EU) No 833/2014" -> "Regulation (EU) 833/2014";
  "Council Decision (CFSP) 2022/327" -> "Decision (CFSP) 2022/327";
  "Decision 2014/512/CFSP" stays as written.
- "In a separate resolution, 2713, ..." -> "UNSCR 2713" (where the text
  names the Security Council); "Section 7031(c)" of the State Department's
  appropriations act stays "Section 7031(c)".
- Named laws and regimes, as written: "the Economic Crime (Transparency and
  Enforcement) Act", "Special Economic Measures (Iran) Regulations", "North
  Korea Sanctions and Policy Enhancement Act of 2016", "the Russia sanctions
  regime", "EU Global Human Rights Sanctions Regime", China's "Anti-Foreign
  Sanctions Law" and "Export Control Law".

A citation of something violated ("in violation of Resolution 2231") is kept
but marked, since a breached resolution is not the basis of a new measure.
Every pattern is linear: no nested unbounded repetition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final, Literal

from ingest.extract.values import Value

if TYPE_CHECKING:
    from mypy_extensions import i64  # a machine integer to mypyc; only an annotation, never imported to run

__all__ = ["Citation", "Family", "PhraseFinder", "find_legal", "normalise"]

Family = Literal["eo", "unscr", "eu", "law"]

_NUMBER_LIST = r"(\d{3,5}(?:(?:\s*,\s*|\s*,?\s*(?:and|&)\s+)(?:E\.O\.\s*|UNSCR\s*)?\d{3,5}){0,8})"
_EO = re.compile(
    r"\b(?:Executive\s+Orders?|E\.\s?O\.(?:s\b)?|EOs?\b)(?:\s*\((?:E\.O\.|EO)\))?\s*(?:No\.?\s*)?"
    + _NUMBER_LIST
)
_UNSCR = re.compile(
    r"(?:(?:\b(?:United\s+Nations|UN|U\.N\.)\s+)?\b(?:Security\s+Council\s+)?[Rr]esolutions?(?:\s*\(UNSCRs?\))?"
    r"|\bUNSCRs?)\s*(?:No\.?\s*)?" + _NUMBER_LIST
)
_UNSCR_APPOSED = re.compile(r"\b[Rr]esolution,\s+(\d{4})(?=\s*[,(])")  # "In a separate resolution, 2713, ..."
_SECTION = re.compile(r"(?:\b[Ss]ection\s+|§\s*)(7031)\s*\(c\)")  # the State Department's visa-ban authority
_ANCHORS = (
    "Order",
    "E.O",
    "E. O",
    "EO",
    "esolution",
    "UNSCR",
    "Regulation",
    "Decision",
    "Act",
    "Law",
    "egime",
    "7031",
)
_UN_NAMES = ("Security Council", "UNSC", "United Nations", "U.N.")
_UN_WORD = re.compile(r"\bUN\b")
_EU_ACT = re.compile(
    r"\b(?:Council\s+|Commission\s+)?(?:Implementing\s+)?(Regulation|Decision)\s*\((EU|EC|CFSP)\)\s*"
    r"(?:No\.?\s*)?(\d{1,4}/\d{1,4})"
)
_EU_DECISION = re.compile(r"\bDecision\s+(\d{4}/\d{1,4}/CFSP)\b")
_LAW_ANCHOR = re.compile(r"\b(?:Act|Regulations|Law|[Ss]anctions\s+[Rr]egime)\b")
_LAW_TAIL = re.compile(r"(?:\s+of)?\s+((?:19|20)\d\d)\b")
_VIOLATED = re.compile(r"(?:violat\w*|breach\w*|contraven\w*|defian\w*|defy\w*)\b[^.;]{0,60}$", re.IGNORECASE)
_WORD_BACK = re.compile(r"(\([^()]{1,60}\)|[\w'’&.-]+)\s*$")
_LAW_CONNECTORS = frozenset(["of", "and", "on", "for", "to", "in", "&", "through", "against"])
_NOT_LAW_START = frozenset(
    ["The", "This", "That", "These", "Such", "Its", "Their", "Our", "Under", "Pursuant", "New", "Its"]
)
_DIGITS = re.compile(r"\d{3,5}")
_OWNER_LEAD = re.compile(r"[A-Z][\w.]*['’]s\s+")  # "UK's ", "Canada's " before a law's own name
_LEADING_CONNECTOR = re.compile(r"(?:of|and|on|for|to|in|&|through|against)\s+")
_SPACES = re.compile(r"\s+")


class Citation(Value):
    """A legal basis cited in a text; `start`/`end` index into the text searched.

    A value, compared and hashed by its fields (as the frozen dataclass it was): never assigned to once
    built. A plain class with its own `__init__`, because a dataclass's generated one is interpreted even
    where this module is compiled.
    """

    __slots__ = ("basis", "end", "family", "start", "violated")

    def __init__(self, start: int, end: int, basis: str, family: Family, violated: bool = False) -> None:
        self.start = start
        self.end = end
        self.basis = basis
        self.family: Family = family
        self.violated = violated

    def _fields(self) -> tuple[int, int, str, str, bool]:
        return (self.start, self.end, self.basis, self.family, self.violated)


def normalise(basis: str) -> str:
    """The canonical form of one citation ("Executive Order 14024" -> "E.O. 14024"); others unchanged."""
    found = find_legal(basis)
    return found[0].basis if len(found) == 1 else basis.strip()


def find_legal(text: str) -> list[Citation]:
    """Every legal basis cited in `text`, left to right, one entry per number.

    Patterns run only in short windows around literal anchors ("Order",
    "esolution", "Regulation", "Act", ...) found with `str.find`, each anchor
    looked for once, so a long text without citations costs a few literal scans.
    """
    out: list[Citation] = []
    spots = _Spots(text)
    if not spots.any():
        return out
    for match in _matches(_EO, text, spots.of("Order", "E.O", "E. O", "EO"), 20, 200):
        out.extend(_numbers(text, match, "E.O. {}", "eo"))
    unscr = list(_matches(_UNSCR, text, spots.of("esolution", "UNSCR"), 50, 200))
    un_context = bool(unscr) and (
        any(name in text for name in _UN_NAMES) or _UN_WORD.search(text) is not None
    )
    for match in unscr:
        if match.group(0).startswith(("resolution", "Resolution")) and not un_context:
            continue
        out.extend(_numbers(text, match, "UNSCR {}", "unscr"))
    if un_context or ("esolution," in text and any(name in text for name in _UN_NAMES)):
        for match in _matches(_UNSCR_APPOSED, text, spots.of("esolution,"), 2, 30):
            out.extend(_numbers(text, match, "UNSCR {}", "unscr"))
    sections = [
        Citation(m.start(), m.end(), f"Section {m.group(1)}(c)", "law", _violated(text, m.start()))
        for m in _matches(_SECTION, text, spots.of("7031"), 10, 20)
    ]
    out.extend(sections)
    for match in _matches(_EU_ACT, text, spots.of("Regulation", "Decision"), 30, 60):
        basis = f"{match.group(1)} ({match.group(2)}) {match.group(3)}"
        out.append(Citation(match.start(), match.end(), basis, "eu", _violated(text, match.start())))
    out.extend(
        Citation(m.start(), m.end(), f"Decision {m.group(1)}", "eu")
        for m in _matches(_EU_DECISION, text, spots.of("Decision"), 0, 40)
    )
    for match in _matches(_LAW_ANCHOR, text, spots.of("Act", "Regulations", "Law", "egime"), 20, 20):
        law = _law(text, match.start(), match.end())
        if law is not None and not any(0 <= law.start - c.end < 120 for c in sections):
            out.append(law)  # not the appropriations act a section citation goes on to name
    out.sort(key=lambda c: c.start)
    return out


_COMMON = " etaoinsrhldcumfpgwybvkxjqz"  # bytes of lower-case English text, most frequent first
_MIX: Final = 1129  # the multiplier of `PhraseFinder`'s hash of a stretch of bytes
_MASK: Final = 0xFFFF  # the hash's bits kept


def _cost(data: bytes) -> int:
    """How common a stretch of bytes is in ordinary text, roughly (lower: rarer); a byte `_COMMON` does
    not list (a capital, a digit, a mark) counts as rare."""
    return sum(len(_COMMON) - _COMMON.find(chr(byte)) if chr(byte) in _COMMON else 0 for byte in data)


def _key(stretch: bytes) -> int:
    """The hash `PhraseFinder` files a stretch of bytes under (as `find_all` computes it)."""
    mixed = 0
    for byte in stretch:
        mixed = mixed * _MIX + byte
    return mixed & _MASK


class PhraseFinder:
    """Where each of a fixed set of ASCII phrases (two characters or more, no "?") occurs in a text, all
    found in one pass over its bytes.

    Each phrase is filed under its rarest stretch (by `_cost`) of `width` bytes, as many as the shortest
    phrase has and at most four, at the stretch's `_key`, a hash of 16 bits. The pass reads the text's
    bytes one by one, computes the key of the stretch that ends there, and only where phrases are
    filed under it (which a hash of 16 bits makes rare) compares them. A phrase that occurs has its
    stretch where the pass looks, so none is missed. A phrase's places are met in order (all through
    the same stretch), and each counts only when it begins at or past the end of the one counted
    before: exactly the places repeated `str.find` from there gives.
    """

    __slots__ = ("_marks", "_members", "phrases", "width")

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = tuple(phrases)
        encoded = [phrase.encode("ascii") for phrase in self.phrases]
        if any(len(data) < 2 or b"?" in data for data in encoded):
            raise ValueError(f"not all phrases of two or more characters without '?': {self.phrases!r}")
        width = self.width = min(4, *(len(data) for data in encoded))
        # a bit per key, set where phrases are filed: 8 KB, small enough to stay in the cache that the
        # readers' other work shares (a byte per key did not)
        marks = bytearray(1 << 13)
        self._members: dict[int, list[tuple[bytes, int, int]]] = {}
        for index, data in enumerate(encoded):
            last = min(range(width - 1, len(data)), key=lambda end: _cost(data[end - width + 1 : end + 1]))
            key = _key(data[last - width + 1 : last + 1])  # the stretch ends at `last` in the phrase
            marks[key >> 3] |= 1 << (key & 7)
            self._members.setdefault(key, []).append((data, last, index))
        self._marks = bytes(marks)

    def find_all(self, text: str) -> list[list[int]]:
        """For each phrase, in the order given, where it occurs in `text`, left to right, each place past
        the end of the one before (`_occurrences` without its cap).

        The text is read as ASCII with each other character made one "?", so that offsets stay those of
        the text; no phrase holds a "?", so each occurs in those bytes exactly where it occurs in the text.
        """
        data = text.encode("ascii", "replace")
        marks = self._marks
        width: i64 = self.width
        found: list[list[int]] = [[] for _ in self.phrases]
        free = [0] * len(self.phrases)  # where each phrase's next counted place may begin
        size: i64 = len(data)
        # the three bytes before `data[i]` (0 before the text: a stretch they begin starts before it, and
        # its phrases' places, which would begin before 0, are never counted)
        third: i64 = 0
        second: i64 = 0
        first: i64 = 0
        i: i64 = 0
        while i < size:  # machine integers where compiled: the scan's arithmetic is plain C
            char: i64 = data[i]
            if width == 4:
                key: i64 = (((third * _MIX + second) * _MIX + first) * _MIX + char) & _MASK
            elif width == 3:
                key = ((second * _MIX + first) * _MIX + char) & _MASK
            else:
                key = (first * _MIX + char) & _MASK
            if marks[key >> 3] >> (key & 7) & 1:
                self._compare(data, i, key, found, free)
            third, second, first = second, first, char
            i += 1
        return found

    def _compare(self, data: bytes, i: int, key: int, found: list[list[int]], free: list[int]) -> None:
        """Count the phrases filed under `key` that stand where their stretch ends at `data[i]`."""
        for phrase, last, index in self._members[key]:
            begin = i - last
            if begin >= free[index] and data.startswith(phrase, begin):
                found[index].append(begin)
                free[index] = begin + len(phrase)


_MAX_SPOTS = 2000  # anchor occurrences looked at per pattern


class _Spots:
    """Where each anchor occurs in a text, left to right, each looked for at most once.

    An anchor that extends another ("Regulations", "esolution,") is looked for
    only where the shorter one occurs at all.
    """

    __slots__ = ("_found", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        found = _ANCHOR_FINDER.find_all(text)  # one pass over the text instead of a search per anchor
        self._found = {anchor: places[:_MAX_SPOTS] for anchor, places in zip(_ANCHORS, found, strict=True)}

    def any(self) -> bool:
        """Whether any of `_ANCHORS` occurs in the text."""
        return any(self._found.values())

    def of(self, *anchors: str) -> list[int]:
        """Where the anchors occur: each anchor's occurrences in turn (a later occurrence starts past
        the end of the one before), at most `_MAX_SPOTS` in all, sorted."""
        spots: list[int] = []
        for anchor in anchors:
            found = self._found.get(anchor)
            if found is None:
                base = next(a for a in _ANCHORS if anchor.startswith(a))
                found = _occurrences(self._text, anchor) if self._found[base] else []
                self._found[anchor] = found
            spots.extend(found[: max(0, _MAX_SPOTS - len(spots))])
        spots.sort()
        return spots


_ANCHOR_FINDER = PhraseFinder(_ANCHORS)


def _occurrences(text: str, anchor: str) -> list[int]:
    """The first `_MAX_SPOTS` occurrences of `anchor`, each found past the end of the one before."""
    found: list[int] = []
    at = text.find(anchor)
    while at != -1 and len(found) < _MAX_SPOTS:
        found.append(at)
        at = text.find(anchor, at + len(anchor))
    return found


def _matches(
    pattern: re.Pattern[str], text: str, spots: list[int], before: int, after: int
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in windows around the anchors' occurrences `spots`, left to right, without
    repeats."""
    if not spots:
        return
    windows: list[list[int]] = []
    for at in spots:
        lo, hi = max(0, at - before), min(len(text), at + after)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last = -1
    for lo, hi in windows:
        for match in pattern.finditer(text, lo, hi):
            if match.start() >= last:
                last = match.end()
                yield match


def _numbers(text: str, match: re.Match[str], template: str, family: Family) -> list[Citation]:
    violated = _violated(text, match.start())
    numbers = _DIGITS.findall(match.group(1))
    minimum = 4 if family == "eo" else 3
    return [
        Citation(match.start(), match.end(), template.format(n), family, violated)
        for n in dict.fromkeys(numbers)
        if len(n) >= minimum
    ]


def _violated(text: str, start: int) -> bool:
    return _VIOLATED.search(text[max(0, start - 80) : start]) is not None


def _word_back(text: str, lo: int, end: int) -> re.Match[str] | None:
    """`_WORD_BACK.search(text, lo, end)`: the word or parenthesis that ends `text[lo:end]` (but for
    white space), tried only where it can start rather than at each place of the window.

    After the white space at the end, the last character decides: a closing parenthesis can only end
    one whose opening is the last before it; a word character or mark (`[\\w'’&.-]`) only a run of them,
    which starts where the run does; any other character, nothing.
    """
    last = end
    while last > lo and text[last - 1].isspace():
        last -= 1
    if last == lo:
        return None
    char = text[last - 1]
    if char == ")":
        at = text.rfind("(", lo, last - 1)
        if at == -1:
            return None
    elif _in_word(char):
        at = last - 1
        while at > lo and _in_word(text[at - 1]):
            at -= 1
    else:
        return None
    return _WORD_BACK.match(text, at, end)


def _in_word(char: str) -> bool:
    """Whether `[\\w'’&.-]` matches a character (`str.isalnum` is the Unicode data's test that `\\w` makes)."""
    return char.isalnum() or char in "_'’&.-"


def _law(text: str, anchor_start: int, anchor_end: int) -> Citation | None:
    """Walk back from "Act" / "Regulations" / "sanctions regime" over the capitalised words of its name."""
    start = anchor_start
    words = 0
    capitals = 0
    while words < 14:
        match = _word_back(text, max(0, start - 80), start)
        if match is None or "\n" in text[match.end() : start]:
            break
        word = match.group(1)
        if word.startswith("("):
            start = match.start(1)
            words += 1
            continue
        if word[:1].isupper() or word[:1].isdigit():
            if word in _NOT_LAW_START:
                break
            start = match.start(1)
            words += 1
            capitals += 1
            continue
        if word in _LAW_CONNECTORS and capitals:
            # keep a connector only if a capitalised word stands before it
            before = _word_back(text, max(0, match.start(1) - 80), match.start(1))
            if before is not None and (before.group(1)[:1].isupper() or before.group(1).startswith("(")):
                start = match.start(1)
                words += 1
                continue
        break
    while True:
        lead = _LEADING_CONNECTOR.match(text, start, anchor_start)
        if lead is None:
            break
        start = lead.end()
    owner = _OWNER_LEAD.match(text, start, anchor_start)
    if owner is not None:
        start = owner.end()  # "the UK's Russia sanctions regime": the owner is not part of the name
        capitals -= 1
    if capitals == 0 or start >= anchor_start:
        return None
    if text[max(0, start - 1) : start] in ("“", '"', "‘", "'"):
        return None  # a short name defined in the text ("the “Iran Regulations”")
    end = anchor_end
    tail = _LAW_TAIL.match(text, end)
    if tail is not None:
        end = tail.end()
    basis = _SPACES.sub(" ", text[start:end]).strip()
    if basis.split()[0] in ("Act", "Regulations", "Law"):
        return None
    return Citation(start, end, basis, "law", _violated(text, start))
