"""Build hook: the extractor's modules compiled to C extensions with mypyc.

The compiled modules are the same typed Python, translated to C; they give the
same events and run about 1.5 times as fast. All other metadata is in
`pyproject.toml`. Compiling needs mypy (which brings mypyc), the project's
dependencies (mypy type-checks the modules first) and a C compiler, so it runs
without build isolation, in an environment that has them:

    make compile                                       in the source tree, with .venv
    INGEST_COMPILE=1 pip wheel --no-build-isolation .  a compiled wheel (the Dockerfile)

INGEST_COMPILE=0 never compiles; unset, the build compiles when mypyc can be
imported and stays pure Python otherwise. A compiled module older than its
source file is not used (`ingest/extract/_sources.py`).
"""

from __future__ import annotations

import os

from setuptools import setup

GROUP = "ingest_extract"  # the shared library is GROUP__mypyc; ingest/extract/_sources.py looks for it
COMPILED = [
    "ingest/extract/values.py",
    "ingest/extract/text.py",
    "ingest/extract/tables.py",
    "ingest/extract/actors.py",
    "ingest/extract/weapons.py",
    "ingest/extract/quantity.py",
    "ingest/extract/document.py",
    "ingest/extract/arms.py",
    "ingest/extract/names.py",
    "ingest/extract/legal.py",
    "ingest/extract/sanctions.py",
]


def ext_modules() -> list[object]:
    wanted = os.environ.get("INGEST_COMPILE", "").strip().lower()
    if wanted in ("0", "false", "no"):
        return []
    try:
        from mypyc.build import mypycify  # noqa: PLC0415 - only a compiling build has mypyc
    except ImportError as missing:
        if wanted:
            raise SystemExit(
                "INGEST_COMPILE is set but mypyc is missing: install mypy in the build environment"
            ) from missing
        return []
    return list(mypycify(COMPILED, opt_level="3", group_name=GROUP, target_dir=".cache/mypyc"))


setup(ext_modules=ext_modules())
