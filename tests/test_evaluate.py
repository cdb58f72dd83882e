"""`ingest eval` agrees with the reference scorer shipped beside the project."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ingest.evaluate import Report, evaluate, render, score_article

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
DEV = SHARED / "gold" / "dev"

pytestmark = pytest.mark.skipif(
    not SCORER.is_file(), reason="../shared (gold and scorer) is not beside the project"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold() -> list[dict[str, Any]]:
    rows = []
    for path in (SHARED / "gold" / "seeds.jsonl", DEV / "gold.jsonl"):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def _actor(gold: dict[str, Any]) -> dict[str, Any]:
    names = gold.get("names") or ["Unknown"]
    return {
        "name": names[0],
        "country": gold.get("country"),
        "kind": gold.get("kind", "state"),
        "aliases": names[1:],
    }


def _perturbed_predictions(rows: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Predictions made from gold with some tuples dropped, statuses changed and inventions added."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for row in rows:
        article = row["article"].removesuffix(".txt")
        for g in row.get("arms", []):
            if rng.random() < 0.2:
                continue
            categories = g["category"] if isinstance(g["category"], list) else [g["category"]]
            statuses = g.get("status") or ["unknown"]
            out.append(
                {
                    "type": "arms_transfer",
                    "article_id": article,
                    "supplier": _actor(g["supplier"]),
                    "recipient": _actor(g["recipient"]),
                    "status": rng.choice([*statuses, "considered"]),
                    "items": [
                        {
                            "category": rng.choice([*categories, "other"]),
                            "designation": None,
                            "quantity": None,
                        }
                    ],
                }
            )
        for g in row.get("sanctions", []):
            if rng.random() < 0.2:
                continue
            out.append(
                {
                    "type": "sanction",
                    "article_id": article,
                    "imposers": [_actor(g["imposer"])],
                    "targets": [
                        _actor(g["target"]),
                        {"name": "Invented Holdings", "country": None, "kind": "company"},
                    ],
                    "measures": g.get("measures") or ["other"],
                    "legal_basis": g.get("legal_basis") or [],
                    "status": rng.choice(g.get("status") or ["imposed"]),
                }
            )
    return out


def _ours(rows: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Report:
    report = Report()
    for row in rows:
        article = row["article"].removesuffix(".txt")
        score_article(report, row, [p for p in predictions if p["article_id"] == article])
    return report


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_and_attributes_agree_with_the_reference_scorer(seed: int) -> None:
    """On the same gold and the same predictions, both scorers give the same figures."""
    rows = _gold()
    predictions = _perturbed_predictions(rows, seed)
    reference = _scorer().score(rows, predictions)
    ours = _ours(rows, predictions)
    for kind in ("arms_transfer", "sanction"):
        counts = ours.counts[kind]
        assert (counts.tp, counts.fp, counts.fn, counts.gold) == tuple(
            reference[kind][k] for k in ("tp", "fp", "fn", "gold")
        )
        assert counts.scores() == tuple(reference[kind][k] for k in ("precision", "recall", "f1"))
    assert ours.attribute_accuracy() == reference["attributes"]
    assert ours.negative_false_positives == reference["false_positives_on_negative_articles"]


def test_eval_command_prints_what_the_reference_scorer_prints(tmp_path: Path) -> None:
    """`ingest eval` on the dev set prints the reference scorer's figures for the extractor's output."""
    predictions = tmp_path / "pred.jsonl"
    with predictions.open("w") as out:
        subprocess.run(
            [sys.executable, "-m", "ingest", "extract", str(DEV / "articles")], stdout=out, check=True
        )
    reference = subprocess.run(
        [sys.executable, str(SCORER), str(DEV / "gold.jsonl"), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ours = subprocess.run(
        [sys.executable, "-m", "ingest", "eval", str(DEV / "gold.jsonl"), str(DEV / "articles")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ours.splitlines() == reference.splitlines()


def test_render_lists_every_type_and_the_negative_count() -> None:
    """The printed report names both event types, the total and the negatives line."""
    rows = [row for row in _gold() if row["article"].startswith("0")][:5]
    text = render(evaluate(rows, DEV / "articles"))
    for word in ("arms_transfer", "sanction", "all", "false positives on negative articles"):
        assert word in text
