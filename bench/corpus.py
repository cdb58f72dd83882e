"""A realistic article stream for the benchmarks, generated deterministically.

Articles are about 2 KB of JSON (the wire format of `ingest.models.Article`):
ordinary news sentences from `data/filler.txt`, and, in about one article in
ten, one or two sentences that report an arms transfer or a sanction, from
`data/events.txt` or from a paragraph of the project's `seeds/` articles.
The same seed always gives the same corpus, so every runner in a benchmark run
reads exactly the same bytes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[1] / "seeds"

TARGET_TEXT_CHARS = 1800
RELEVANT_SHARE = 0.10

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One article: its Kafka key, its JSON value and whether event sentences were put in."""

    key: bytes
    value: bytes
    relevant: bool

    @property
    def article_id(self) -> str:
        return self.key.decode()

    @property
    def text(self) -> str:
        text: str = json.loads(self.value)["text"]
        return text


def _templates(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


@cache
def _material() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, Any], tuple[str, ...]]:
    slots = json.loads((DATA / "slots.json").read_text(encoding="utf-8"))
    paragraphs: list[str] = []
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            lines = path.read_text(encoding="utf-8").splitlines()
            paragraphs.extend(line.strip() for line in lines if 120 <= len(line) <= 700)
    return _templates("filler.txt"), _templates("events.txt"), slots, tuple(paragraphs)


def _fill(template: str, rng: random.Random, slots: dict[str, Any]) -> str:
    supplier, capital, recipient = rng.choice(slots["pairs"])
    values = {
        "supplier": supplier,
        "supplier_capital": capital,
        "recipient": recipient,
        "target": rng.choice(slots["targets"]),
        "n": str(rng.choice((2, 4, 6, 12, 18, 24, 36, 48, 120, 300))),
        "pct": f"{rng.uniform(0.5, 9.5):.1f}",
    }
    countries = rng.sample(slots["country"], 2)
    values["country"], values["country2"] = countries

    def pick(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        return str(rng.choice(slots[name]))

    return _SLOT.sub(pick, template)


def _event_sentences(rng: random.Random) -> list[str]:
    _, events, slots, paragraphs = _material()
    if paragraphs and rng.random() < 0.25:
        return [rng.choice(paragraphs)]
    return [_fill(rng.choice(events), rng, slots) for _ in range(rng.choice((1, 1, 2)))]


def make_article(index: int, seed: int = 7) -> GeneratedArticle:
    """Article number `index` of the corpus with `seed`; the same arguments give the same bytes."""
    rng = random.Random(seed * 1_000_003 + index)
    filler, _, slots, _ = _material()
    relevant = rng.random() < RELEVANT_SHARE
    sentences: list[str] = []
    size = 0
    while size < TARGET_TEXT_CHARS:
        sentence = _fill(rng.choice(filler), rng, slots)
        sentences.append(sentence)
        size += len(sentence) + 1
    if relevant:
        chosen = _event_sentences(rng)
        for position, sentence in zip(rng.sample(range(len(sentences)), len(chosen)), chosen, strict=True):
            sentences[position] = sentence
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    article_id = f"bench-{seed}-{index:07d}"
    value = {
        "id": article_id,
        "title": sentences[0][:80],
        "source": "bench",
        "published_at": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T08:00:00Z",
        "language": "en",
        "text": "\n".join(paragraphs),
    }
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return GeneratedArticle(article_id.encode(), encoded, relevant)


def generate(count: int, seed: int = 7) -> Iterator[GeneratedArticle]:
    """The first `count` articles of the corpus with `seed`."""
    for index in range(count):
        yield make_article(index, seed)
