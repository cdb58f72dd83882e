"""The compiled extractor (mypyc, `make compile`) gives what the source gives, and is never used stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.extract import _sources, extract

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ".cpython-311-x86_64-linux-gnu.so"

_DUMP = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bench.corpus import generate
from ingest.extract import extract
from ingest.extract._sources import compiled_modules
texts = [p.read_text(encoding="utf-8") for p in sorted((__import__("pathlib").Path(sys.argv[1]) / "seeds").glob("*.txt"))]
texts += [a.text for a in generate(400, 3)]
texts += ["Iran " * 5000, "; ".join(["Russia delivered 12 Su-35 jets to Iran"] * 300)]
print(json.dumps({"compiled": compiled_modules(),
                  "events": [[e.model_dump(mode="json") for e in extract(t, str(i))] for i, t in enumerate(texts)]}))
"""


def _dump(*, source_only: bool) -> dict[str, object]:
    env = {**os.environ, "INGEST_EXTRACT_COMPILED": "0" if source_only else "1"}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(ROOT)], env=env, capture_output=True, text=True, check=True
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_make_test_runs_the_compiled_extractor() -> None:
    """Under `make test` (INGEST_REQUIRE_COMPILED=1) every extractor module runs compiled, not from source."""
    running = _sources.compiled_modules()
    if os.environ.get("INGEST_REQUIRE_COMPILED") != "1" and not running:
        pytest.skip("the extractor is not compiled here (run `make compile`)")
    assert {"arms", "sanctions", "text", "actors", "weapons", "names"} <= set(running)


def test_compiled_and_source_extractors_give_the_same_events() -> None:
    """The seeds, 400 generated articles and two hostile texts give identical events compiled and from source."""
    if not _sources.compiled_modules():
        pytest.skip("the extractor is not compiled here (run `make compile`)")
    compiled, source = _dump(source_only=False), _dump(source_only=True)
    assert compiled["compiled"]
    assert not source["compiled"]
    assert compiled["events"] == source["events"]
    assert any(compiled["events"])  # the comparison covered texts with events


def _module_pair(directory: Path, name: str, *, source_newer: bool) -> None:
    source, extension = directory / f"{name}.py", directory / f"{name}{EXTENSION}"
    source.write_text("x = 1\n")
    extension.write_bytes(b"")
    older, newer = 1_700_000_000, 1_700_000_100
    os.utime(source, (newer, newer) if source_newer else (older, older))
    os.utime(extension, (older, older) if source_newer else (newer, newer))


def test_fresh_compiled_modules_are_kept(tmp_path: Path) -> None:
    """Extensions built after their sources are used: nothing is sent back to the source."""
    _module_pair(tmp_path, "arms", source_newer=False)
    _module_pair(tmp_path, "text", source_newer=False)
    assert _sources.stale_sources(tmp_path, force=False) == {}


def test_one_edited_source_sends_every_module_back_to_source(tmp_path: Path) -> None:
    """A source edited after compiling makes all compiled modules load from source, so the edit takes effect."""
    _module_pair(tmp_path, "arms", source_newer=False)
    _module_pair(tmp_path, "text", source_newer=True)
    (tmp_path / f"helper{EXTENSION}").write_bytes(b"")  # an extension without a source is not ours
    assert _sources.stale_sources(tmp_path, force=False) == {
        "arms": tmp_path / "arms.py",
        "text": tmp_path / "text.py",
    }


def test_switch_turns_compiled_modules_off(tmp_path: Path) -> None:
    """INGEST_EXTRACT_COMPILED=0 loads every module from source even when the builds are fresh."""
    _module_pair(tmp_path, "arms", source_newer=False)
    assert _sources.stale_sources(tmp_path, force=True) == {"arms": tmp_path / "arms.py"}


def test_extract_still_reads_events_whichever_way_it_runs() -> None:
    """The extractor imported here, compiled or not, reads a plain transfer sentence."""
    events = extract("Russia delivered 12 Su-35 fighter jets to Iran in March.", "a")
    assert [e.type for e in events] == ["arms_transfer"]


def test_a_rebuilt_shared_library_counts_for_the_shims(tmp_path: Path) -> None:
    """After an edit and a rebuild that rewrote only the shared library, the compiled modules are used."""
    _module_pair(tmp_path, "arms", source_newer=True)  # the shim kept its old time
    edited = (tmp_path / "arms.py").stat().st_mtime
    assert _sources.stale_sources(tmp_path, force=False, built=edited + 50) == {}
    assert _sources.stale_sources(tmp_path, force=False, built=edited - 50) == {"arms": tmp_path / "arms.py"}
