"""Which extractor modules to load from their source files although a compiled one sits beside them.

`setup.py` can compile the extractor's modules with mypyc into extension
modules next to the sources (`arms.cpython-311-x86_64-linux-gnu.so` beside
`arms.py`); Python then imports the extension. A module whose source file is
newer than its extension (edited since `make compile`, in a checkout) makes every module
load from its source instead, with a warning, so that an edit is never
silently ignored; so does `INGEST_EXTRACT_COMPILED=0`. It is all or none
because the compiled modules import each other directly, past the import
system. Importing this module installs that rule; `ingest.extract` imports it
before any reader.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = __name__.rpartition(".")[0]
HERE = Path(__file__).resolve().parent
GROUP = "ingest_extract"
"""The name `setup.py` gives the compiled modules' shared library."""


def source_only() -> bool:
    """Whether `INGEST_EXTRACT_COMPILED` turns compiled modules off ("0", "false", "no")."""
    return os.environ.get("INGEST_EXTRACT_COMPILED", "").strip().lower() in ("0", "false", "no")


def stale_sources(directory: Path, *, force: bool, built: float = 0.0) -> dict[str, Path]:
    """Module name: source file, for every extension module in `directory` that has a source beside it,
    when one of those sources is newer than both its extension and `built` (the time the code they
    share was last built), or `force` is set; else nothing.

    Each module's extension is a small shim into one library holding the code of them all; a rebuild
    after an edit may rewrite only that library, so the library's time counts as the shims' too."""
    found: dict[str, Path] = {}
    stale = force
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for extension in directory.glob(f"*{suffix}"):
            name = extension.name[: -len(suffix)]
            source = directory / f"{name}.py"
            if source.is_file():
                found[name] = source
                stale = stale or source.stat().st_mtime > max(extension.stat().st_mtime, built)
    return found if stale else {}


def shared_library_time(root: Path) -> float:
    """When the library the compiled modules share (`ingest_extract__mypyc*` in `root`) was written;
    0 when there is none."""
    return max((path.stat().st_mtime for path in root.glob(f"{GROUP}__mypyc*")), default=0.0)


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the listed modules of the package in their source files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self._sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        source = self._sources.get(name) if package == PACKAGE else None
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def compiled_modules() -> list[str]:
    """The extractor modules imported so far that run compiled, by name."""
    return sorted(
        name.rpartition(".")[2]
        for name, module in list(sys.modules.items())
        if name.startswith(PACKAGE + ".")
        and str(getattr(module, "__file__", "")).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    )


def in_source_tree() -> bool:
    """Whether the package runs from a checkout (`setup.py` two levels up), where compiled modules are
    built in place and may fall behind an edit. An installed wheel was built from one tree, and the
    install does not keep its files' times, so there the times are not compared."""
    return (HERE.parents[1] / "setup.py").is_file()


def _install() -> None:
    forced = source_only()
    if not forced and not in_source_tree():
        return
    sources = stale_sources(HERE, force=forced, built=shared_library_time(HERE.parents[1]))
    if not sources:
        return
    if not forced:
        warnings.warn(
            f"{PACKAGE}: a compiled module is older than its source; using the sources (run `make compile`)",
            stacklevel=2,
        )
    sys.meta_path.insert(0, _SourceFirst(sources))


_install()
