"""The benchmark's virtual environments, kept apart from the project's `.venv`.

* `.cache/bench-venv`: the project under `constraints.txt` (so the service and
  the passthrough run on the pinned versions) plus `bench/requirements.txt`
  (FastStream, matplotlib, tqdm, py-spy).
* `.cache/bench-venv-quix`: Quix Streams, whose pins exclude the project's
  pydantic and pydantic-settings versions; the project is installed there under
  `constraints.txt` less those packages.

Each is (re)built when the files it was built from change; a stamp file holds
their digest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_VENV = ROOT / ".cache" / "bench-venv"
QUIX_VENV = ROOT / ".cache" / "bench-venv-quix"
_QUIX_UNPINNED = ("pydantic==", "pydantic_core==", "pydantic-settings==")


def python(venv: Path) -> Path:
    return venv / "bin" / "python"


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()


def _pip(venv: Path, *args: str) -> None:
    """pip install into `venv`; the project goes in as pure Python (`INGEST_COMPILE=0`): the jobs run from
    the source tree, where `make compile` has put the compiled extractor."""
    subprocess.run(
        [str(python(venv)), "-m", "pip", "install", "--quiet", *args],
        check=True,
        cwd=ROOT,
        env={**os.environ, "INGEST_COMPILE": "0"},
    )


def _build(venv: Path, digest: str, install: list[str]) -> None:
    stamp = venv / ".bench-stamp"
    if stamp.is_file() and stamp.read_text() == digest and python(venv).exists():
        return
    print(f"bench: building {venv.relative_to(ROOT)} (once; a minute or two)", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    _pip(venv, "--upgrade", "pip")
    _pip(venv, *install)
    stamp.write_text(digest)


def ensure() -> tuple[Path, Path]:
    """Build what is missing or stale; the Python of the benchmark venv and of the Quix venv."""
    constraints = ROOT / "constraints.txt"
    pyproject = ROOT / "pyproject.toml"
    requirements = ROOT / "bench" / "requirements.txt"
    quix_requirements = ROOT / "bench" / "requirements-quix.txt"
    _build(
        BENCH_VENV,
        _digest(constraints, pyproject, requirements),
        ["-c", str(constraints), "-e", str(ROOT), "-r", str(requirements)],
    )
    QUIX_VENV.mkdir(parents=True, exist_ok=True)
    relaxed = QUIX_VENV.parent / "bench-quix-constraints.txt"
    lines = constraints.read_text().splitlines()
    relaxed.write_text("\n".join(line for line in lines if not line.startswith(_QUIX_UNPINNED)) + "\n")
    _build(
        QUIX_VENV,
        _digest(relaxed, pyproject, quix_requirements),
        ["-c", str(relaxed), "-e", str(ROOT), "-r", str(quix_requirements)],
    )
    return python(BENCH_VENV), python(QUIX_VENV)
