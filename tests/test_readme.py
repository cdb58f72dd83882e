"""The README is the front door: its commands and settings match the project."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.settings import Settings

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    """An operator finds every INGEST_ variable the service reads, with its default, in the README."""
    for section, field in Settings.model_fields.items():
        model = field.annotation
        assert model is not None
        for name in model.model_fields:  # type: ignore[union-attr]
            assert f"`INGEST_{section.upper()}_{name.upper()}`" in README


def test_documented_settings_exist() -> None:
    """No README row names a setting the service would silently ignore."""
    known = {
        f"INGEST_{section.upper()}_{name.upper()}"
        for section, field in Settings.model_fields.items()
        for name in field.annotation.model_fields  # type: ignore[union-attr]
    }
    mentioned = set(re.findall(r"`(INGEST_[A-Z_]+)`", README)) - {"INGEST_SECRETS_DIR"}
    assert mentioned <= known


def test_the_two_commands_are_the_ones_ci_runs() -> None:
    """`make run` and `make test` are in the README, and CI calls `make test`."""
    assert "make run" in README
    assert "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
