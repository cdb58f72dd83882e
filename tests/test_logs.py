"""What the service's log lines look like to the log stack and to a person at a terminal."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import structlog

from ingest.logs import bind_record, configure_logging
from ingest.settings import LogSettings


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Leave structlog and the root logger as they were, whatever a test configured."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    structlog.reset_defaults()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.captureWarnings(False)


def json_lines(buffer: io.StringIO) -> list[dict[str, Any]]:
    """Every line written, each parsed as one JSON object (fails if any line is not)."""
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_json_lines_carry_the_bound_record_fields() -> None:
    """A processing line is one JSON object with topic, partition, offset and article_id, level and UTC time."""
    out = io.StringIO()
    configure_logging(LogSettings(format="json", level="info"), out)
    log = bind_record(
        structlog.get_logger(), topic="articles.raw", partition=2, offset=41, article_id="reuters-7"
    )
    log.info("article_processed", events=3)
    (line,) = json_lines(out)
    assert line["event"] == "article_processed"
    assert line["level"] == "info"
    assert (line["topic"], line["partition"], line["offset"], line["article_id"]) == (
        "articles.raw",
        2,
        41,
        "reuters-7",
    )
    assert line["events"] == 3
    assert datetime.fromisoformat(line["timestamp"]).utcoffset() is not None
    assert line["timestamp"].endswith("Z")


def test_level_setting_filters_lines() -> None:
    """With level warning, info and debug lines are dropped and warnings kept."""
    out = io.StringIO()
    configure_logging(LogSettings(format="json", level="warning"), out)
    log = structlog.get_logger()
    log.debug("noise")
    log.info("noise")
    log.warning("broker_unreachable", action="check INGEST_KAFKA_BOOTSTRAP_SERVERS")
    assert [line["event"] for line in json_lines(out)] == ["broker_unreachable"]


def test_library_logs_share_the_format_from_warning_up() -> None:
    """aiokafka's standard-library warnings come out as the same JSON lines; its info chatter does not."""
    out = io.StringIO()
    configure_logging(LogSettings(format="json", level="debug"), out)
    library = logging.getLogger("aiokafka.consumer.group_coordinator")
    library.info("Joined group %s", "ingest")
    library.warning("Heartbeat failed for group %s", "ingest")
    (line,) = json_lines(out)
    assert line["event"] == "Heartbeat failed for group ingest"
    assert line["level"] == "warning"
    assert line["logger"] == "aiokafka.consumer.group_coordinator"


def test_exceptions_are_rendered_into_the_line() -> None:
    """An exception logged with its traceback stays inside one JSON object."""
    out = io.StringIO()
    configure_logging(LogSettings(format="json", level="info"), out)
    try:
        {}["missing"]
    except KeyError:
        structlog.get_logger().exception("batch_failed")
    (line,) = json_lines(out)
    assert line["level"] == "error"
    assert "KeyError: 'missing'" in line["exception"]


def test_configuring_twice_does_not_double_lines() -> None:
    """Reconfiguring replaces the previous setup: each library warning is written once, to the new stream."""
    first, second = io.StringIO(), io.StringIO()
    configure_logging(LogSettings(format="json"), first)
    configure_logging(LogSettings(format="json"), second)
    logging.getLogger("aiokafka").warning("once")
    structlog.get_logger().info("once")
    assert first.getvalue() == ""
    assert [line["event"] for line in json_lines(second)] == ["once", "once"]


def test_console_format_is_readable_text() -> None:
    """Console lines are plain text with the event name and fields, not JSON, and no colour codes off a TTY."""
    out = io.StringIO()
    configure_logging(LogSettings(format="console"), out)
    structlog.get_logger().info("event_published", type="sanction")
    text = out.getvalue()
    assert "event_published" in text
    assert "type=sanction" in text
    assert not text.startswith("{")
    assert "\x1b[" not in text


def test_auto_format_is_json_off_a_terminal() -> None:
    """With format auto and output that is not a terminal (a pod's stderr), lines are JSON."""
    out = io.StringIO()
    configure_logging(LogSettings(format="auto"), out)
    structlog.get_logger().info("started")
    assert json_lines(out)[0]["event"] == "started"
