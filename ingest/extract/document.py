"""An article prepared for reading: sentences, words and actor mentions, each computed at most once.

Splitting is done when `Document.clauses` is first read; a clause's words and
actor mentions only when a reader asks for them, so that sentences no reader
looks at (most of a long text) cost nothing beyond their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ingest.extract.actors import Mention, Token, find_actors, tokenize
from ingest.extract.text import Sentence, Words, split_sentences, text_words
from ingest.models import Actor, ArmsStatus, Item, Measure, SanctionStatus


class Clause:
    """One sentence of the document with its words and actor mentions (offsets within the sentence).

    `tokens` and `actors` are computed on first access and kept; passing them to
    the constructor supplies them ready-made.
    """

    __slots__ = ("_actors", "_lowered", "_tokens", "index", "sentence")

    def __init__(
        self,
        index: int,
        sentence: Sentence,
        tokens: list[Token] | None = None,
        actors: list[Mention] | None = None,
    ) -> None:
        self.index = index
        self.sentence = sentence
        self._tokens = tokens
        self._actors = actors
        self._lowered: str | None = None

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


@dataclass
class Document:
    """The article text and its sentences; analyses are computed lazily and cached."""

    text: str

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The text's sentences (`text.split_sentences`), in order."""
        return split_sentences(self.text)

    @cached_property
    def clauses(self) -> list[Clause]:
        return [Clause(index, sentence) for index, sentence in enumerate(self.sentences)]

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """The sentences' offsets into the text, in order."""
        return [(clause.sentence.start, clause.sentence.end) for clause in self.clauses]

    @cached_property
    def words(self) -> Words | None:
        """The words of the whole text (`text.text_words`): None unless it is ASCII and every sentence
        begins and ends outside a word."""
        return text_words(self.text, self.sentences)


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
