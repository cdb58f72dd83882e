"""A bad setting stops the service with one clear line; secrets never show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.errors import ConfigError
from ingest.settings import load_settings

BAD_VALUES = [
    ("INGEST_KAFKA_BOOTSTRAP_SERVERS", "localhost"),
    ("INGEST_HTTP_PORT", "70000"),
    ("INGEST_LOG_LEVEL", "loud"),
    ("INGEST_PROCESSING_MODE", "sometimes"),
    ("INGEST_PROCESSING_BATCH_MAX_RECORDS", "0"),
]
SECRET = "hunter2-do-not-print"
SASL = {
    "INGEST_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "INGEST_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
    "INGEST_KAFKA_SASL_USERNAME": "ingest",
    "INGEST_KAFKA_SASL_PASSWORD": SECRET,
}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start every test from the defaults, whatever the shell running the tests exported."""
    for name in list(os.environ):
        if name.startswith("INGEST_"):
            monkeypatch.delenv(name)


def ingest_command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `python -m ingest ARGS` with only `env` as INGEST_* settings."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_")}
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_defaults_load_without_any_environment() -> None:
    """With nothing set, the service gets the documented defaults."""
    settings = load_settings()
    assert settings.kafka.bootstrap_servers == "127.0.0.1:9092"
    assert (settings.http.enabled, settings.http.port) == (True, 9100)
    assert (settings.log.level, settings.log.format) == ("info", "auto")


def test_environment_reaches_nested_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    """INGEST_HTTP_PORT and INGEST_LOG_FORMAT set the http and log sections."""
    monkeypatch.setenv("INGEST_HTTP_PORT", "9300")
    monkeypatch.setenv("INGEST_LOG_FORMAT", "json")
    settings = load_settings()
    assert settings.http.port == 9300
    assert settings.log.format == "json"


@pytest.mark.parametrize(("variable", "value"), BAD_VALUES)
def test_a_bad_value_names_its_variable_in_one_line(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """Each bad value raises ConfigError whose single-line message names the INGEST_ variable and the value."""
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert "\n" not in message
    assert variable in message
    assert repr(value) in message


def test_an_incomplete_sasl_setup_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """SASL without a mechanism is refused with the name of the variable to set."""
    monkeypatch.setenv("INGEST_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    with pytest.raises(ConfigError, match="INGEST_KAFKA_SASL_MECHANISM"):
        load_settings()


def test_secrets_are_masked_in_the_effective_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    """The password is usable by the service but masked in `masked()` and in the object's repr."""
    for name, value in SASL.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert settings.kafka.sasl_password is not None
    assert settings.kafka.sasl_password.get_secret_value() == SECRET
    assert settings.masked()["kafka"]["sasl_password"] == "**********"
    assert SECRET not in str(settings.masked())
    assert SECRET not in repr(settings)


def test_secrets_come_from_a_mounted_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A password file in INGEST_SECRETS_DIR (a Kubernetes Secret volume) is read and stays masked."""
    (tmp_path / "ingest_kafka_sasl_password").write_text(SECRET + "\n", encoding="utf-8")
    for name, value in SASL.items():
        if name != "INGEST_KAFKA_SASL_PASSWORD":
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("INGEST_SECRETS_DIR", str(tmp_path))
    settings = load_settings()
    assert settings.kafka.sasl_password is not None
    assert settings.kafka.sasl_password.get_secret_value() == SECRET
    assert SECRET not in str(settings.masked())


def test_a_missing_secrets_directory_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A secrets directory that does not exist is a configuration error naming INGEST_SECRETS_DIR."""
    monkeypatch.setenv("INGEST_SECRETS_DIR", str(tmp_path / "absent"))
    with pytest.raises(ConfigError, match="INGEST_SECRETS_DIR"):
        load_settings()


@pytest.mark.parametrize(("variable", "value"), BAD_VALUES[:3])
def test_run_with_a_bad_value_exits_2_with_one_line(variable: str, value: str) -> None:
    """`ingest run` with a bad setting prints one stderr line naming the variable and exits 2, before any I/O."""
    done = ingest_command("run", "--until-idle", "1", env={variable: value})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert variable in lines[0]
    assert done.stdout == ""


def test_config_command_masks_secrets() -> None:
    """`ingest config` prints the effective configuration with the password masked, never in clear."""
    done = ingest_command("config", env={**SASL, "INGEST_HTTP_PORT": "9333"})
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stdout
    assert SECRET not in done.stderr
    assert "**********" in done.stdout
    assert "9333" in done.stdout
