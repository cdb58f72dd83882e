"""The validation tools `make tools` installs in `.cache/tools`, for the deployment tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TOOLS_BIN = Path(__file__).resolve().parents[1] / ".cache" / "tools" / "bin"


def validation_tool(name: str) -> Path:
    """The tool's path; a missing tool fails the test under CI and skips it elsewhere."""
    path = TOOLS_BIN / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: `make tools` installs the validation tools")
        pytest.skip(f"{path} is missing: run `make tools`")
    return path
