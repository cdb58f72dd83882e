"""The benchmark's pure parts: the corpus it feeds and the report it writes (no broker, no timing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# `bench/` sits beside `ingest/` at the repository root, which pytest does not put on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import report
from bench.corpus import generate, make_article
from bench.latency import percentile
from bench.profile import summarise
from ingest.extract import extract

FAKE = {
    "run_id": "test",
    "date": "2025-01-01T00:00:00+00:00",
    "cores": 2,
    "machine": "x86_64",
    "messages": 50_000,
    "partitions": 4,
    "corpus_bytes": 100_000_000,
    "share_relevant": 0.1,
    "duration_s": 600.0,
    "versions": {"python": "3.11", "aiokafka": "0.14.0", "quixstreams": "3", "faststream": "0.7"},
    "throughput": [
        {"job": "passthrough", "mode": "at_least_once", "ok": True, "articles_per_s": 4000.0,
         "mb_per_s": 8.0, "seconds": 12.5, "rss_peak": 60 * 2**20, "rss_end": 58 * 2**20,
         "rss_at_10pct": 55 * 2**20, "rss_timeline": [(0.0, 50 * 2**20), (1.0, 58 * 2**20)]},
        {"job": "service", "mode": "at_least_once", "ok": True, "articles_per_s": 3400.0,
         "mb_per_s": 6.8, "seconds": 14.7, "events": 6000, "cpu_ms_per_article": 0.4,
         "articles_per_cpu_s": 2500.0},
        {"job": "quixstreams", "mode": "at_least_once", "ok": False, "error": "did not finish"},
        {"job": "passthrough", "mode": "exactly_once", "ok": True, "articles_per_s": 3000.0,
         "mb_per_s": 6.0, "seconds": 16.7},
        {"job": "service", "mode": "exactly_once", "ok": True, "articles_per_s": 1500.0,
         "mb_per_s": 3.0, "seconds": 33.3},
    ],
    "latency": [
        {"job": "service", "mode": "exactly_once", "rate": 750.0, "samples": 1500,
         "p50_ms": 120.0, "p95_ms": 300.0, "p99_ms": 450.0},
        {"job": "passthrough", "mode": "exactly_once", "rate": 750.0, "samples": 15000,
         "p50_ms": 60.0, "p95_ms": 150.0, "p99_ms": 225.0},
    ],
}  # fmt: skip


def test_corpus_articles_are_about_two_kilobytes_of_article_json() -> None:
    """Each generated record is a JSON article of roughly 2 KB whose id is the record key."""
    articles = list(generate(300))
    sizes = [len(a.value) for a in articles]
    assert 1700 <= sum(sizes) / len(sizes) <= 2400
    first = json.loads(articles[0].value)
    assert first["id"] == articles[0].key.decode()
    assert len(first["text"]) > 1000


def test_corpus_is_deterministic() -> None:
    """The same index and seed give the same bytes, so every job reads the same input."""
    assert make_article(42).value == make_article(42).value
    assert make_article(42).value != make_article(42, seed=8).value


def test_about_one_article_in_ten_carries_events() -> None:
    """About 10 % of the corpus has event sentences; the extractor reads events there and not elsewhere."""
    articles = list(generate(600))
    relevant = [a for a in articles if a.relevant]
    assert 0.06 <= len(relevant) / len(articles) <= 0.14
    found = sum(1 for a in relevant if extract(a.text, a.article_id))
    if found == 0:
        pytest.skip("the extractor reads no events yet")
    assert found >= len(relevant) / 4
    stray = sum(1 for a in articles if not a.relevant and extract(a.text, a.article_id))
    assert stray <= 0.02 * len(articles)


def test_report_shows_every_figure_with_its_ratio() -> None:
    """The report has the throughput ratios, latency percentiles and goals from the figures it is given."""
    text = report.markdown(FAKE)
    assert "| service | at-least-once | 3,400 | 6.80 | 0.85 |  | 0.40 | 6,000 |" in text
    assert "| service | exactly-once | 1,500 | 3.00 | 0.50 |" in text
    assert "| quixstreams | at-least-once | failed |" in text
    assert "| service | exactly-once | 750 | 1,500 | 120.0 | 300.0 | 450.0 | 2.00 |" in text
    goals = {goal: met for goal, _, _, _, met in report.verdicts(FAKE)}
    assert goals["service / passthrough, at-least-once"] is True
    assert goals["service / passthrough, exactly-once"] is False
    assert "MISS" in report.summary(FAKE)


def test_percentile_is_nearest_rank() -> None:
    """p50 and p99 of 1..100 are 50 and 99; no samples give NaN rather than an error."""
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([], 0.5) != percentile([], 0.5)


def test_profile_summary_ranks_functions_by_share() -> None:
    """Folded stacks become own-time and total-time shares, largest first."""
    folded = "main (a.py:1);work (b.py:2) 3\nmain (a.py:1);idle (c.py:3) 1\n"
    text = summarise(folded)
    assert "75.0%  work (b.py)" in text
    assert "100.0%  main (a.py)" in text


def test_report_sets_each_loop_beside_the_passthrough_and_its_full_job() -> None:
    """The loops-alone table shows a bare job's rate against the passthrough and how much slower the full job is."""
    results = {
        **FAKE,
        "throughput": [
            *FAKE["throughput"],
            {"job": "service-bare", "mode": "at_least_once", "ok": True, "articles_per_s": 20000.0,
             "mb_per_s": 40.0, "seconds": 2.5, "events": 0, "cpu_ms_per_article": 0.02},
            {"job": "quixstreams-bare", "mode": "at_least_once", "ok": True, "articles_per_s": 10000.0,
             "mb_per_s": 20.0, "seconds": 5.0, "events": 0, "cpu_ms_per_article": 0.05},
        ],
    }  # fmt: skip
    text = report.markdown(results)
    assert "| service | at-least-once | 20,000 | 5.00 |  | 0.020 | 0.400 | 0.17 |" in text
    assert "| quixstreams | at-least-once | 10,000 | 2.50 | 2.00 | 0.050 |" in text
    assert "| service-bare |" not in text.split("## The loops alone")[0]


def test_bare_runner_runs_the_module_with_an_extractor_that_finds_nothing(tmp_path: Path) -> None:
    """A module started through `bench.runners.bare` sees `ingest.extract.extract` return no events."""
    import subprocess  # noqa: PLC0415

    probe = tmp_path / "probe_module.py"
    probe.write_text(
        "import sys\nfrom ingest.extract import extract\n"
        "print(len(extract('Russia delivered 12 Su-35 fighter jets to Iran.', 'a')), sys.argv[1:])\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {"PYTHONPATH": f"{root}{':'}{tmp_path}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.runners.bare", "probe_module", "x"],
        cwd=root, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "0 ['x']"
    assert extract("Russia delivered 12 Su-35 fighter jets to Iran.", "a")  # the real one does find it


def test_scale_out_is_reported_in_both_modes_against_one_instance_and_the_passthrough() -> None:
    """Two instances in one group are set beside one instance and the passthrough, in each delivery mode,
    and rated against each mode's aim."""
    figures = {
        **FAKE,
        "scale_out": [
            {"job": "service", "mode": "at_least_once", "instances": 2, "ok": True, "articles_per_s": 6120.0},
            {"job": "service", "mode": "exactly_once", "instances": 2, "ok": True, "articles_per_s": 2850.0},
        ],
    }
    text = report.markdown(figures)
    assert "| at-least-once | 3,400 | 6,120 | 2 | 1.80 | 1.53 |" in text
    assert "| exactly-once | 1,500 | 2,850 | 2 | 1.90 | 0.95 |" in text
    goals = {goal: met for goal, _, _, _, met in report.verdicts(figures)}
    assert goals["service, 2 instances in one group / passthrough, at-least-once"] is True
    assert goals["service, 2 instances in one group / passthrough, exactly-once"] is True


def test_each_job_is_reported_by_its_best_valid_round() -> None:
    """With two rounds, a job's figure is its faster valid round, and both rounds' rates stay in the row."""
    rows = [
        {"job": "service", "mode": "at_least_once", "round": 1, "ok": True, "articles_per_s": 900.0},
        {"job": "passthrough", "mode": "at_least_once", "round": 1, "ok": True, "articles_per_s": 1200.0},
        {"job": "service", "mode": "at_least_once", "round": 2, "ok": True, "articles_per_s": 1000.0},
        {"job": "passthrough", "mode": "at_least_once", "round": 2, "ok": True, "articles_per_s": 1100.0},
        {"job": "quixstreams", "mode": "at_least_once", "round": 1, "ok": False, "articles_per_s": 5000.0},
        {"job": "quixstreams", "mode": "at_least_once", "round": 2, "ok": True, "articles_per_s": 800.0},
    ]
    best = {row["job"]: row for row in report.best_of_rounds(rows)}
    assert (best["service"]["round"], best["service"]["rounds_articles_per_s"]) == (2, [900.0, 1000.0])
    assert best["passthrough"]["articles_per_s"] == 1200.0
    assert best["quixstreams"]["articles_per_s"] == 800.0  # an invalid round never counts
    assert best["quixstreams"]["rounds_articles_per_s"] == [None, 800.0]
