"""`ingest eval GOLD ARTICLES_DIR`: measure the extractor against gold annotations.

Gold is JSON Lines, one article a line (`article`, `arms`, `sanctions`), in the
format of the project's annotation guide. Events are exploded into atomic
tuples: an arms transfer into (supplier, recipient, category) per item, a
sanction into (imposer, target) per imposer and target. A predicted tuple is a
true positive when it matches a required gold tuple not yet credited; a tuple
that matches only optional gold, or only gold already credited, counts neither
way; anything else is a false positive. Attributes (status, designation,
quantity, measures, legal basis) are scored on the gold tuples that were found.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ingest.extract import extract

KINDS = ("arms_transfer", "sanction")


def normalise_name(text: str) -> str:
    """Lower case ASCII words, without parentheses, possessives or a leading "the"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"\([^)]*\)", " ", ascii_text.lower())
    ascii_text = ascii_text.replace("'s ", " ").replace("’s ", " ")
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    return words.removeprefix("the ")


def normalise_basis(text: str) -> str:
    """A legal basis reduced to letters and digits, with E.O. and UNSCR spellings unified."""
    lowered = re.sub(r"executive order|\be\.?\s?o\.?(?=\s*\d)", "eo", text.lower())
    lowered = re.sub(r"(un)?\s*security council resolution|\bunscr\b|\bresolution\b", "unscr", lowered)
    return re.sub(r"[^a-z0-9]+", "", lowered)


def _names(actor: dict[str, Any]) -> set[str]:
    raw = [*(actor.get("names") or []), actor.get("name") or "", *(actor.get("aliases") or [])]
    return {n for n in (normalise_name(r) for r in raw if r) if n}


def _names_overlap(left: set[str], right: set[str]) -> bool:
    if left & right:
        return True
    for a in left:
        a_words = set(a.split())
        for b in right:
            b_words = set(b.split())
            small, big = sorted((a_words, b_words), key=len)
            if len(small) >= 2 and small <= big and len(big - small) <= 2:
                return True
    return False


def _same_actor(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("country") and gold.get("country"):
        return bool(pred["country"] == gold["country"])
    return _names_overlap(_names(pred), _names(gold))


def _same_target(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("kind") == "state" and gold.get("kind") == "state":
        return bool(pred.get("country")) and pred.get("country") == gold.get("country")
    return _names_overlap(_names(pred), _names(gold))


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@dataclass(frozen=True)
class Tuple:
    """One atomic predicted tuple."""

    kind: str
    left: dict[str, Any]
    right: dict[str, Any]
    category: str | None
    status: str | None
    detail: dict[str, Any]
    identity: tuple[Any, ...]


def _actor_key(actor: dict[str, Any]) -> str:
    return str(actor.get("country") or normalise_name(actor.get("name") or ""))


def _target_key(actor: dict[str, Any]) -> str:
    if actor.get("kind") == "state" and actor.get("country"):
        return str(actor["country"])
    return normalise_name(actor.get("name") or "")


def explode(event: dict[str, Any]) -> list[Tuple]:
    """The atomic tuples of one predicted event."""
    status = event.get("status")
    if event.get("type") == "arms_transfer":
        supplier, recipient = event.get("supplier") or {}, event.get("recipient") or {}
        out = []
        for item in event.get("items") or []:
            designation_quantity = json.dumps([item.get("designation"), item.get("quantity")], sort_keys=True)
            identity = (
                "arms_transfer",
                _actor_key(supplier),
                _actor_key(recipient),
                item.get("category"),
                status,
                designation_quantity,
            )
            out.append(
                Tuple("arms_transfer", supplier, recipient, item.get("category"), status, item, identity)
            )
        return out
    if event.get("type") == "sanction":
        detail = {"measures": event.get("measures") or [], "legal_basis": event.get("legal_basis") or []}
        return [
            Tuple(
                "sanction",
                imposer,
                target,
                None,
                status,
                detail,
                ("sanction", _actor_key(imposer), _target_key(target), status, None),
            )
            for imposer in event.get("imposers") or []
            for target in event.get("targets") or []
        ]
    return []


def _matches(pred: Tuple, gold: dict[str, Any]) -> bool:
    if pred.kind == "arms_transfer":
        return (
            pred.category in _listed(gold.get("category"))
            and _same_actor(pred.left, gold["supplier"])
            and _same_actor(pred.right, gold["recipient"])
        )
    return _same_actor(pred.left, gold["imposer"]) and _same_target(pred.right, gold["target"])


def _attributes(pred: Tuple, gold: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if "status" in gold:
        out["status"] = pred.status in _listed(gold["status"])
    if pred.kind == "arms_transfer":
        if gold.get("designations"):
            wanted = {normalise_name(d) for d in gold["designations"]}
            out["designation"] = normalise_name(pred.detail.get("designation") or "") in wanted
        if gold.get("quantity"):
            quantity = pred.detail.get("quantity") or {}
            out["quantity"] = (quantity.get("min"), quantity.get("max")) == (
                gold["quantity"].get("min"),
                gold["quantity"].get("max"),
            )
        return out
    if gold.get("measures"):
        out["measures"] = bool(set(pred.detail["measures"]) & set(gold["measures"]))
    if gold.get("legal_basis"):
        wanted = {normalise_basis(b) for b in gold["legal_basis"]}
        out["legal_basis"] = bool({normalise_basis(b) for b in pred.detail["legal_basis"]} & wanted)
    return out


@dataclass
class Counts:
    """True and false positives, misses and gold size of one event type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold: int = 0

    def scores(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = (self.gold - self.fn) / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return round(precision, 3), round(recall, 3), round(f1, 3)


@dataclass
class Report:
    """The outcome of an evaluation."""

    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    negative_false_positives: int = 0
    articles: int = 0

    @property
    def overall(self) -> Counts:
        return Counts(*(sum(getattr(c, f) for c in self.counts.values()) for f in ("tp", "fp", "fn", "gold")))

    def attribute_accuracy(self) -> dict[str, float]:
        return {name: round(ok / total, 3) for name, (ok, total) in sorted(self.attributes.items()) if total}


def score_article(report: Report, gold_row: dict[str, Any], events: Iterable[dict[str, Any]]) -> None:
    """Add one article's predictions, scored against its gold, to `report`."""
    gold = [dict(g, kind="arms_transfer") for g in gold_row.get("arms", [])]
    gold += [dict(g, kind="sanction") for g in gold_row.get("sanctions", [])]
    unique: dict[tuple[Any, ...], Tuple] = {}
    for event in events:
        for atom in explode(event):
            unique.setdefault(atom.identity, atom)
    credited: set[int] = set()
    matched: dict[int, list[Tuple]] = defaultdict(list)
    for atom in unique.values():
        hits = [i for i, g in enumerate(gold) if g["kind"] == atom.kind and _matches(atom, g)]
        required = [i for i in hits if not gold[i].get("optional")]
        for i in required:
            matched[i].append(atom)
        if hits and (not required or set(required) <= credited):
            continue
        if required:
            report.counts[atom.kind].tp += 1
            credited.update(required)
        else:
            report.counts[atom.kind].fp += 1
            report.negative_false_positives += not gold
    for i, g in enumerate(gold):
        if g.get("optional"):
            continue
        report.counts[g["kind"]].gold += 1
        if i not in credited:
            report.counts[g["kind"]].fn += 1
            continue
        judged = [_attributes(atom, g) for atom in matched[i]]
        for name in {n for result in judged for n in result}:
            tally = report.attributes[f"{g['kind']}.{name}"]
            tally[0] += any(result.get(name) for result in judged)
            tally[1] += 1
    report.articles += 1


def _progress(done: int, total: int, stream: TextIO) -> None:
    if not stream.isatty() and done not in (total,):
        return
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
    if done == total:
        stream.write("\n")
    stream.flush()


def evaluate(gold_rows: list[dict[str, Any]], articles: Path, progress: TextIO | None = None) -> Report:
    """Extract every gold article found in `articles` and score it."""
    report = Report()
    for done, row in enumerate(gold_rows, start=1):
        name = str(row["article"])
        stem = re.sub(r"\.(txt|json)$", "", name)
        path = articles / name if (articles / name).is_file() else articles / f"{stem}.txt"
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        events = [e.model_dump(mode="json") for e in extract(text, stem)] if text else []
        score_article(report, row, events)
        if progress is not None:
            _progress(done, len(gold_rows), progress)
    return report


def render(report: Report) -> str:
    """The report as the lines `ingest eval` prints."""
    lines = []
    for kind, counts in [*report.counts.items(), ("all", report.overall)]:
        p, r, f = counts.scores()
        lines.append(
            f"{kind:14} P={p:.3f} R={r:.3f} F1={f:.3f}  "
            f"(tp={counts.tp} fp={counts.fp} fn={counts.fn} gold={counts.gold})"
        )
    lines.extend(f"  {name:28} {value:.3f}" for name, value in report.attribute_accuracy().items())
    lines.append(f"false positives on negative articles: {report.negative_false_positives}")
    lines.append(f"F1={report.overall.scores()[2]:.3f}")
    return "\n".join(lines)


def main(gold: Path, articles: Path) -> int:
    """Print the evaluation of the extractor on `articles` against `gold`."""
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    report = evaluate(rows, articles, progress=sys.stderr)
    print(render(report))
    elapsed = time.perf_counter() - started
    print(f"{report.articles} articles in {elapsed:.2f} s", file=sys.stderr)
    return 0
