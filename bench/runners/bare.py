"""Run a job with the extractor replaced by one that finds nothing: what the job's loop alone costs.

    python -m bench.runners.bare MODULE [ARG ...]     e.g.  python -m bench.runners.bare ingest run

`ingest.extract.extract` is swapped before MODULE is imported, so every job that
takes its extractor from there (the service and both peers) reads, decodes,
commits and, with no events to publish, writes nothing. Set beside the full
jobs, the figures split each job's cost into its loop and the extractor.
"""

from __future__ import annotations

import runpy
import sys

import ingest.extract
from ingest.models import ArmsTransfer, Sanction


def find_nothing(text: str, article_id: str) -> list[ArmsTransfer | Sanction]:
    """The extractor's signature, no work: every article is ordinary news."""
    return []


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m bench.runners.bare MODULE [ARG ...]")
    ingest.extract.extract = find_nothing
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
