"""An article prepared for reading: sentences, words and actor mentions, each computed at most once.

Splitting is done when `Document.clauses` is first read; a clause's words and
actor mentions only when a reader asks for them, so that sentences no reader
looks at (most of a long text) cost nothing beyond their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.extract.actors import Mention, Token, find_actors, tokenize
from ingest.extract.text import Sentence, Words, spanned_words, split_spans
from ingest.models import Actor, ArmsStatus, Item, Measure, SanctionStatus


class Clause:
    """One sentence of the document with its words and actor mentions (offsets within the sentence).

    The sentence (`text.Sentence`), its lower case, `tokens` and `actors` are computed on first access
    and kept: most clauses of ordinary news are never looked at, and are only their bounds.
    """

    __slots__ = ("_actors", "_lowered", "_sentence", "_source", "_tokens", "end", "index", "start")

    def __init__(self, index: int, source: str, start: int, end: int) -> None:
        self.index = index
        self.start = start
        """Where the sentence starts in `source`, the document's text."""
        self.end = end
        """Where it ends."""
        self._source = source
        self._sentence: Sentence | None = None
        self._tokens: list[Token] | None = None
        self._actors: list[Mention] | None = None
        self._lowered: str | None = None

    @property
    def sentence(self) -> Sentence:
        """The sentence, `Sentence(start, end, source[start:end])`: made once, so always the same object."""
        if self._sentence is None:
            self._sentence = Sentence(self.start, self.end, self._source[self.start : self.end])
        return self._sentence

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def tokens(self) -> list[Token]:
        """The sentence's words (`actors.tokenize`)."""
        if self._tokens is None:
            self._tokens = tokenize(self.sentence.text)
        return self._tokens

    @property
    def actors(self) -> list[Mention]:
        """The actors the sentence names (`actors.find_actors`)."""
        if self._actors is None:
            self._actors = find_actors(self.sentence.text, self.tokens)
        return self._actors

    @property
    def lowered(self) -> str:
        """The sentence in lower case (for cheap word tests before any tokenizing)."""
        if self._lowered is None:
            self._lowered = self.sentence.text.lower()
        return self._lowered

    def __repr__(self) -> str:
        return f"Clause({self.index}, {self.sentence.text[:40]!r})"


class Document:
    """The article text and its sentences; analyses are computed when first asked for and kept.

    A plain class that keeps what it computes in its own slots: `functools.cached_property` needs an
    instance `__dict__`, which a compiled class does not have, and there it would compute anew at every
    access (the sentences once for the clauses and again for the words, the clauses anew for each reader).
    The sentences are split once into their bounds (`text.split_spans`), which the clauses and the words
    share; a sentence is made only when asked for (`Clause.sentence`).
    """

    __slots__ = ("_clauses", "_ends", "_spans", "_starts", "_words", "_words_made", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._clauses: list[Clause] | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._words: Words | None = None
        self._words_made = False

    def _split(self) -> list[int]:
        """Where the sentences start (`text.split_spans`); where they end is then `_ends`."""
        if self._starts is None:
            self._starts, self._ends = split_spans(self.text)
        return self._starts

    @property
    def sentences(self) -> list[Sentence]:
        """The text's sentences (`text.split_sentences`), in order: those of the clauses."""
        return [clause.sentence for clause in self.clauses]

    @property
    def clauses(self) -> list[Clause]:
        if self._clauses is None:
            starts = self._split()
            ends, text = self._ends, self.text
            self._clauses = [Clause(index, text, start, ends[index]) for index, start in enumerate(starts)]
        return self._clauses

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The sentences' offsets into the text, in order."""
        if self._spans is None:
            starts = self._split()
            self._spans = list(zip(starts, self._ends, strict=True))
        return self._spans

    @property
    def words(self) -> Words | None:
        """The words of the whole text (`text.spanned_words`): None unless it is ASCII and every sentence
        begins and ends outside a word."""
        if not self._words_made:
            starts = self._split()
            self._words = spanned_words(self.text, starts, self._ends)
            self._words_made = True
        return self._words

    @property
    def made_words(self) -> Words | None:
        """`words` if they were asked for already, else None (without making them)."""
        return self._words

    def __repr__(self) -> str:
        return f"Document({self.text[:40]!r})"


@dataclass(slots=True)
class ArmsDraft:
    """An arms transfer as read, before ids and codes are attached."""

    supplier: Actor
    recipient: Actor
    items: list[Item]
    status: ArmsStatus
    evidence: list[Sentence]
    confidence: float = 0.7


@dataclass(slots=True)
class SanctionDraft:
    """A sanction as read, before ids and codes are attached."""

    imposers: list[Actor]
    targets: list[Actor]
    measures: list[Measure]
    status: SanctionStatus
    evidence: list[Sentence]
    authority: str | None = None
    legal_basis: list[str] = field(default_factory=list)
    confidence: float = 0.7
