"""An article prepared for reading: sentences, words and actor mentions, computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ingest.extract.actors import Mention, Token, find_actors, tokenize
from ingest.extract.text import Sentence, split_sentences
from ingest.models import Actor, ArmsStatus, Item, Measure, SanctionStatus


@dataclass(slots=True)
class Clause:
    """One sentence of the document with its words and actor mentions (offsets within the sentence)."""

    index: int
    sentence: Sentence
    tokens: list[Token]
    actors: list[Mention]

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class Document:
    """The article text and its sentences; analyses are computed lazily and cached."""

    text: str

    @cached_property
    def clauses(self) -> list[Clause]:
        out = []
        for index, sentence in enumerate(split_sentences(self.text)):
            tokens = tokenize(sentence.text)
            out.append(Clause(index, sentence, tokens, find_actors(sentence.text, tokens)))
        return out


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
