"""The `kafka` fixture: one test's topics, group and service processes on the local broker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import KafkaTest


@pytest.fixture
def kafka(bootstrap: str, unique: str, tmp_path: Path) -> Iterator[KafkaTest]:
    """This test's topics, group and service processes on the local broker (processes killed at the end)."""
    test = KafkaTest(bootstrap=bootstrap, prefix=unique, workdir=tmp_path)
    yield test
    test.close()
