"""The Grafana dashboard and the Prometheus alert rules only use series the service exports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from ingest.metrics import Metrics

DEPLOY = Path(__file__).parents[1] / "deploy"
DASHBOARD = DEPLOY / "grafana" / "ingest-dashboard.json"
ALERTS = DEPLOY / "prometheus" / "ingest-alerts.yaml"

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_NAME = re.compile(r"\bingest_[a-z0-9_]*[a-z0-9]\b")
_DURATION = re.compile(r"^\d+[smhd]$")


# A reader for the block-style YAML subset the rules file is written in: nested
# mappings, sequences of mappings, plain and double-quoted scalars and `|`
# literal blocks. Anything else fails the test rather than being guessed at.
class _Yaml:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.i = 0

    def _peek(self) -> tuple[int, str] | None:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                return len(line) - len(line.lstrip(" ")), stripped
            self.i += 1
        return None

    def document(self) -> Any:
        first = self._peek()
        assert first is not None, "empty YAML document"
        value = self._block(first[0])
        assert self._peek() is None, f"unparsed YAML from line {self.i + 1}: {self.lines[self.i]!r}"
        return value

    def _block(self, indent: int) -> Any:
        head = self._peek()
        assert head is not None
        return self._sequence(indent) if head[1].startswith("- ") else self._mapping(indent)

    def _sequence(self, indent: int) -> list[Any]:
        items = []
        while (head := self._peek()) and head[0] == indent and head[1].startswith("- "):
            self.lines[self.i] = " " * (indent + 2) + head[1][2:]
            items.append(self._block(indent + 2))
        return items

    def _mapping(self, indent: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while (head := self._peek()) and head[0] == indent and not head[1].startswith("- "):
            key, sep, rest = head[1].partition(":")
            assert sep, f"line {self.i + 1} is not `key: value`: {head[1]!r}"
            assert key, f"line {self.i + 1} has no key"
            assert " " not in key, f"line {self.i + 1} has a key with spaces: {key!r}"
            assert key not in out, f"duplicate key {key!r} on line {self.i + 1}"
            self.i += 1
            out[key] = self._value(rest.strip(), indent)
        return out

    def _value(self, rest: str, indent: int) -> Any:
        if rest == "|":
            block: list[str] = []
            while self.i < len(self.lines) and (
                not self.lines[self.i].strip()
                or len(self.lines[self.i]) - len(self.lines[self.i].lstrip()) > indent
            ):
                block.append(self.lines[self.i])
                self.i += 1
            while block and not block[-1].strip():
                block.pop()
            margin = min(len(line) - len(line.lstrip()) for line in block if line.strip())
            return "\n".join(line[margin:] for line in block) + "\n"
        if rest:
            if rest.startswith('"'):
                return json.loads(rest)
            assert not rest.startswith(("'", "{", "[", "&", "*", "!", ">")), f"unsupported YAML: {rest!r}"
            return int(rest) if rest.isdigit() else rest
        head = self._peek()
        if head and (head[0] > indent or (head[0] == indent and head[1].startswith("- "))):
            return self._block(head[0])
        return None


def exported_names() -> set[str]:
    """Every sample name (with _bucket/_sum/_count/_total suffixes) after each Metrics method ran once."""
    m = Metrics()
    m.record_consumed("articles.raw", 3)
    m.record_event("sanction", "imposed")
    m.record_dead_letter("invalid_json")
    m.observe_batch(3, 0.02)
    m.observe_article(0.001)
    m.observe_end_to_end_lag(0.5)
    m.set_partition_lag("articles.raw", 0, 10)
    m.record_transaction("committed")
    m.record_extractor_error()
    m.set_inflight(3)
    m.record_retry("send")
    m.set_ready(True)
    text = generate_latest(m.registry).decode()
    return {s.name for family in text_string_to_metric_families(text) for s in family.samples}


def referenced_names(expression: str) -> set[str]:
    """The `ingest_*` series names a PromQL expression reads (string literals ignored)."""
    return set(_NAME.findall(_STRING.sub('""', expression)))


def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def alert_rules() -> list[dict[str, Any]]:
    document = _Yaml(ALERTS.read_text(encoding="utf-8")).document()
    return [rule for group in document["groups"] for rule in group["rules"]]


def panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))


def dashboard_expressions() -> list[str]:
    return [target["expr"] for panel in panels(dashboard()["panels"]) for target in panel.get("targets", [])]


def assert_balanced(expression: str) -> None:
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for char in _STRING.sub('""', expression):
        if char in "([{":
            stack.append(char)
        elif char in pairs:
            assert stack, f"unbalanced {char!r} in {expression!r}"
            assert stack.pop() == pairs[char], f"mismatched {char!r} in {expression!r}"
    assert not stack, f"unclosed {stack} in {expression!r}"


def test_the_dashboard_is_importable_grafana_json() -> None:
    """The dashboard parses, has a uid and unique panel ids, fits the 24-column grid and picks its data source."""
    board = dashboard()
    assert board["uid"]
    assert board["title"]
    ids = [panel["id"] for panel in panels(board["panels"])]
    assert len(ids) == len(set(ids))
    for panel in panels(board["panels"]):
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        if panel["type"] != "row":
            assert panel["targets"], panel["title"]
            assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
    variables = {v["name"] for v in board["templating"]["list"]}
    assert {"datasource", "job"} <= variables


def test_every_dashboard_query_reads_exported_series() -> None:
    """Each PromQL query in the dashboard is balanced and names only series `Metrics` exports."""
    exported = exported_names()
    expressions = dashboard_expressions()
    assert len(expressions) >= 15
    used: set[str] = set()
    for expression in expressions:
        assert_balanced(expression)
        names = referenced_names(expression)
        assert names, f"no ingest_ series in {expression!r}"
        assert names <= exported, f"{sorted(names - exported)} in {expression!r} are not exported"
        used |= names
    families = {re.sub(r"_(bucket|sum|count)$", "", name) for name in used}
    assert len(families) >= 12


def test_the_alert_rules_are_a_valid_rules_file() -> None:
    """Each rule has a unique name, an expression, a duration, a severity and operator guidance."""
    rules = alert_rules()
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert set(rule) <= {"alert", "expr", "for", "labels", "annotations"}, rule["alert"]
        assert _DURATION.match(rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
        assert len(rule["annotations"]["description"]) > 80, rule["alert"]
        assert_balanced(rule["expr"])


@pytest.mark.parametrize(
    ("alert", "series"),
    [
        ("IngestConsumerLagGrowing", "ingest_consumer_lag_records"),
        ("IngestDeadLetterRate", "ingest_dead_letters_total"),
        ("IngestNoEventsPublished", "ingest_events_published_total"),
        ("IngestTransactionAborts", "ingest_transactions_total"),
        ("IngestNotReady", "ingest_ready"),
    ],
)
def test_the_required_alerts_exist(alert: str, series: str) -> None:
    """Lag growing, dead-letter rate, no events, transaction aborts and not-ready each have a rule on their series."""
    rules = {rule["alert"]: rule for rule in alert_rules()}
    assert series in referenced_names(rules[alert]["expr"])


def test_every_alert_reads_exported_series() -> None:
    """Alert expressions, and the metric names their descriptions point the operator to, are all exported."""
    exported = exported_names()
    for rule in alert_rules():
        names = referenced_names(rule["expr"])
        assert names, rule["alert"]
        assert names <= exported, f"{sorted(names - exported)} in {rule['alert']} are not exported"
        mentioned = referenced_names(rule["annotations"]["description"])
        families = {re.sub(r"_(bucket|sum|count)$", "", name) for name in exported}
        assert mentioned <= exported | families, (
            f"{sorted(mentioned - exported)} in {rule['alert']} are not exported"
        )


def test_a_misspelt_series_would_be_caught() -> None:
    """The name check rejects a query whose series the service does not export."""
    names = referenced_names('sum(rate(ingest_event_published_total{job="ingest_x"}[5m]))')
    assert names == {"ingest_event_published_total"}
    assert not names <= exported_names()
