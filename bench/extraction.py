"""The extractor alone, on one core: articles per second for relevant and for irrelevant articles.

"Relevant" are the corpus articles with event sentences put in, "irrelevant"
the others. Each kind is run for a fixed time after a warm-up pass; the result
is one JSON object on stdout. Run it in a process of its own (the suite does):

    python -m bench.extraction --seconds 4
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence

from bench.corpus import GeneratedArticle, generate
from ingest.extract import extract


def rate(articles: Sequence[GeneratedArticle], seconds: float) -> dict[str, float]:
    """Articles per wall-clock and per CPU second, and MB/s, of `extract` cycling over `articles`.

    On a busy machine the process gets less than its core; the CPU-second figure is then the
    one to compare.
    """
    texts = [(a.text, a.article_id) for a in articles]
    for text, article_id in texts[: min(50, len(texts))]:
        extract(text, article_id)
    done = 0
    size = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    while True:
        for text, article_id in texts:
            extract(text, article_id)
            done += 1
            size += len(text.encode())
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            break
    cpu = time.process_time() - cpu_started
    return {
        "articles_per_s": done / elapsed,
        "articles_per_cpu_s": done / cpu,
        "mb_per_s": size / elapsed / 1e6,
        "articles": float(done),
    }


def measure(count: int, seconds: float, seed: int = 7) -> dict[str, object]:
    """Both figures plus how many of each kind gave at least one event."""
    articles = list(generate(count, seed))
    relevant = [a for a in articles if a.relevant]
    irrelevant = [a for a in articles if not a.relevant]
    found_relevant = sum(1 for a in relevant if extract(a.text, a.article_id))
    found_irrelevant = sum(1 for a in irrelevant if extract(a.text, a.article_id))
    return {
        "relevant": rate(relevant, seconds),
        "irrelevant": rate(irrelevant, seconds),
        "relevant_with_events": found_relevant / max(1, len(relevant)),
        "irrelevant_with_events": found_irrelevant / max(1, len(irrelevant)),
        "share_with_events": (found_relevant + found_irrelevant) / max(1, len(articles)),
        "cpu": sorted(os.sched_getaffinity(0)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=3000, help="corpus articles to draw from")
    parser.add_argument("--seconds", type=float, default=4.0, help="time per kind")
    parser.add_argument("--cpu", type=int, default=None, help="pin to this core (default: the last one)")
    args = parser.parse_args()
    cpu = args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    print(json.dumps(measure(args.count, args.seconds)))


if __name__ == "__main__":
    main()
