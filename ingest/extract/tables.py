"""The extractor's data tables: tab-separated text files in `data/` beside this package.

Every reader of a table goes through `rows`, so that all tables share one
format: one record a line, cells separated by tabs, blank lines and lines
starting with `#` ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


def rows(name: str) -> Iterator[list[str]]:
    """The records of `data/<name>`, each split at tabs, in file order (comments and blank lines skipped).

    Reads the packaged file each time it is called: callers cache what they build from it.
    """
    text = resources.files("ingest.extract").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")
