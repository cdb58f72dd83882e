"""Shared fixtures: a stand-in extractor for service tests, and the real broker when it answers.

`bootstrap` is the local broker's address, or a skip when none answers; with
INGEST_REQUIRE_KAFKA=1 (as `make test` sets) a missing broker is a failure.
"""

from __future__ import annotations

import os
import socket
import uuid

import pytest
from fakes import Extractor, fake_extract

BOOTSTRAP = "127.0.0.1:9092"


@pytest.fixture(name="fake_extract")
def _fake_extract() -> Extractor:
    """The stand-in extractor."""
    return fake_extract


def broker_answers(address: str, timeout: float = 2.0) -> bool:
    """True when something accepts connections at `address` (host:port)."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=timeout):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def bootstrap() -> str:
    """The local broker's address; skip without one, unless INGEST_REQUIRE_KAFKA=1 makes that a failure."""
    if broker_answers(BOOTSTRAP):
        return BOOTSTRAP
    if os.environ.get("INGEST_REQUIRE_KAFKA") == "1":
        pytest.fail(f"no Kafka broker answers on {BOOTSTRAP} and INGEST_REQUIRE_KAFKA=1")
    pytest.skip(f"no Kafka broker on {BOOTSTRAP} (start one with `make kafka`)")


@pytest.fixture
def unique() -> str:
    """A fresh name prefix for topics and groups, so tests never share state."""
    return f"t{uuid.uuid4().hex[:10]}"
