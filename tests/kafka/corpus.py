"""Raw-article records for real-broker tests: seeds, synthetic reports and bad records, with what they must give.

The synthetic texts are written from small word lists, so thousands of
distinct articles exist without shipping any; their events are whatever the
extractor reads from them at test time.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.extract import extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SUPPLIERS = ["Iran", "Russia", "China", "the United States", "France", "Turkey", "North Korea", "Germany"]
RECIPIENTS = ["Ukraine", "Russia", "Venezuela", "Armenia", "Serbia", "Egypt", "Indonesia", "Israel"]
WEAPONS = [
    "{n} Shahed-136 drones",
    "{n} Su-35 fighter jets",
    "{n} artillery shells",
    "{n} Bayraktar TB2 drones",
    "{n} HIMARS launchers",
    "{n} Leopard 2 tanks",
    "{n} ballistic missiles",
    "a batch of air defence radars",
]
ARMS_SENTENCES = [
    "{supplier} has delivered {weapon} to {recipient}, officials said on {day}.",
    "{supplier} signed a deal to supply {recipient} with {weapon}.",
    "{recipient} is seeking to buy {weapon} from {supplier}, according to diplomats.",
    "Satellite images suggest {supplier} shipped {weapon} to {recipient} last month.",
]
SANCTION_SENTENCES = [
    "The {imposer} imposed sanctions on {target} over its support for the war, freezing its assets.",
    "{imposer} announced an asset freeze and travel ban against {target} on {day}.",
    "The {imposer} threatened new sanctions on {target} if the shipments continue.",
]
IMPOSERS = ["United States", "European Union", "United Kingdom", "Canada", "Japan"]
TARGETS = ["Rosoboronexport", "the Islamic Revolutionary Guard Corps", "Belarus", "Iran", "Wagner Group"]
FILLER = [
    "Analysts expect the talks to continue next week.",
    "The ministry did not respond to a request for comment.",
    "Markets were calm after the announcement.",
    "Weather delayed several flights in the region.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Corpus:
    """Records to publish and what the service must make of them."""

    records: list[tuple[bytes | None, bytes | None]]
    events: Counter[str]
    bad_keys: Counter[bytes]

    def event_ids(self) -> Counter[str]:
        return Counter(json.loads(event)["event_id"] for event in self.events.elements())


def synthetic_text(rng: random.Random, index: int) -> str:
    """A short news report with a transfer, a sanction, both or neither."""
    sentences = [f"Report {index}."]
    kind = rng.randrange(4)
    if kind in (0, 2):
        sentences.append(
            rng.choice(ARMS_SENTENCES).format(
                supplier=rng.choice(SUPPLIERS),
                recipient=rng.choice(RECIPIENTS),
                weapon=rng.choice(WEAPONS).format(n=rng.choice([12, 40, 100, 400, "dozens of"])),
                day=rng.choice(DAYS),
            )
        )
    if kind in (1, 2):
        sentences.append(
            rng.choice(SANCTION_SENTENCES).format(
                imposer=rng.choice(IMPOSERS), target=rng.choice(TARGETS), day=rng.choice(DAYS)
            )
        )
    sentences.extend(rng.sample(FILLER, 2))
    return " ".join(sentences) + "\n"


def bad_values(rng: random.Random, max_bytes: int) -> list[bytes | None]:
    """One record of each kind the service must dead-letter."""
    return [
        None,
        b"",
        b" \n\t ",
        bytes([0xFF, 0xFE]) + rng.randbytes(40),
        b'{"id": "x", "text": ',
        b'{"text": 12}',
        b'{"title": "no text at all"}',
        b'{"text": "   "}',
        b'{"text": "a", "more": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
        b"y" * (max_bytes + 1),
    ]


def build(count: int, *, seed: int, bad_every: int = 10, max_bytes: int = 65_536) -> Corpus:
    """`count` records: the seeds, synthetic articles, and a bad record every `bad_every`."""
    rng = random.Random(seed)
    good: list[tuple[str, str]] = [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    ]
    records: list[tuple[bytes | None, bytes | None]] = []
    events: Counter[str] = Counter()
    bad_keys: Counter[bytes] = Counter()
    bad_pool = bad_values(rng, max_bytes)
    index = 0
    while len(records) < count:
        index += 1
        if index % bad_every == 0:
            key = f"bad-{seed}-{index}".encode()
            records.append((key, bad_pool[index // bad_every % len(bad_pool)]))
            bad_keys[key] += 1
            continue
        article_id, text = good.pop(0) if good else (f"syn-{seed}-{index}", synthetic_text(rng, index))
        if index % 3 == 0:
            value = text.encode("utf-8")
        else:
            value = json.dumps({"id": article_id, "text": text, "source": "test"}).encode("utf-8")
        records.append((article_id.encode(), value))
        events.update(event.model_dump_json() for event in extract(text, article_id))
    return Corpus(records=records, events=events, bad_keys=bad_keys)
