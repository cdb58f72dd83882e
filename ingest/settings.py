"""Configuration: one frozen object, read from `INGEST_*` environment variables.

Sections map to variable prefixes: `INGEST_KAFKA_BOOTSTRAP_SERVERS` is
`settings.kafka.bootstrap_servers`. Secrets (`*_PASSWORD`) may also come from
files in the directory named by `INGEST_SECRETS_DIR` (Kubernetes Secret
volumes), one file per variable name, lower case. Build the object once, before
the event loop, with `load_settings()`; a bad value raises `ConfigError` whose
message is the one line the operator needs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.errors import ConfigError

_SECTION = ConfigDict(frozen=True, extra="forbid")

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
DeliveryMode = Literal["exactly_once", "at_least_once"]


class KafkaSettings(BaseModel):
    """How to reach the brokers and join the consumer group."""

    model_config = _SECTION

    bootstrap_servers: str = Field(
        default="127.0.0.1:9092", description="Comma-separated host:port list of brokers."
    )
    client_id: str = Field(default="ingest", description="Client id reported to the brokers.")
    group_id: str = Field(default="ingest", description="Consumer group shared by all instances.")
    group_instance_id: str | None = Field(
        default=None,
        description="Static membership id (e.g. the pod name); a restart within the session timeout "
        "then causes no rebalance.",
    )
    auto_offset_reset: Literal["earliest", "latest"] = Field(
        default="earliest", description="Where a group with no committed offset starts."
    )
    session_timeout_ms: int = Field(
        default=10_000, ge=1_000, le=300_000, description="Group session timeout."
    )
    heartbeat_interval_ms: int = Field(default=3_000, ge=100, le=60_000, description="Heartbeat interval.")
    max_poll_interval_ms: int = Field(
        default=300_000, ge=1_000, description="Longest pause between polls before the member is dropped."
    )
    request_timeout_ms: int = Field(default=30_000, ge=1_000, description="Broker request timeout.")
    security_protocol: SecurityProtocol = Field(default="PLAINTEXT", description="Transport security.")
    sasl_mechanism: SaslMechanism | None = Field(default=None, description="SASL mechanism, for SASL_*.")
    sasl_username: str | None = Field(default=None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(default=None, description="SASL password (secret).")
    ssl_cafile: Path | None = Field(
        default=None, description="CA bundle that signs the brokers' certificates."
    )
    ssl_certfile: Path | None = Field(default=None, description="Client certificate, for mutual TLS.")
    ssl_keyfile: Path | None = Field(default=None, description="Client private key, for mutual TLS.")
    ssl_password: SecretStr | None = Field(default=None, description="Password of the client key (secret).")

    @field_validator("bootstrap_servers")
    @classmethod
    def _servers(cls, value: str) -> str:
        hosts = [h.strip() for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError("must name at least one host:port")
        for host in hosts:
            name, sep, port = host.rpartition(":")
            if not sep or not name or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(f"{host!r} is not host:port")
        return ",".join(hosts)

    @model_validator(mode="after")
    def _security(self) -> KafkaSettings:
        if self.security_protocol.startswith("SASL"):
            if self.sasl_mechanism is None:
                raise ValueError("security_protocol SASL_* needs INGEST_KAFKA_SASL_MECHANISM")
            if not self.sasl_username or self.sasl_password is None:
                raise ValueError("SASL needs INGEST_KAFKA_SASL_USERNAME and INGEST_KAFKA_SASL_PASSWORD")
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ValueError(f"{name} {str(path)!r} is not a readable file")
        if self.heartbeat_interval_ms >= self.session_timeout_ms:
            raise ValueError("heartbeat_interval_ms must be below session_timeout_ms")
        return self


class TopicSettings(BaseModel):
    """Topic names."""

    model_config = _SECTION

    raw: str = Field(default="articles.raw", min_length=1, description="Input topic of raw articles.")
    arms: str = Field(default="events.arms-transfers", min_length=1, description="Arms-transfer events.")
    sanctions: str = Field(default="events.sanctions", min_length=1, description="Sanction events.")
    dead_letter: str = Field(
        default="articles.dead-letter", min_length=1, description="Records that could not be processed."
    )


class ProcessingSettings(BaseModel):
    """Delivery guarantees, batching and limits."""

    model_config = _SECTION

    mode: DeliveryMode = Field(
        default="exactly_once",
        description="exactly_once: events, dead letters and offsets commit in one transaction; "
        "at_least_once: idempotent producer, offsets committed after the batch is acknowledged.",
    )
    transactional_id_prefix: str = Field(
        default="ingest",
        min_length=1,
        description="Prefix of the transactional id, which is `<prefix>-<group_id>-<instance id>`.",
    )
    instance_id: str | None = Field(
        default=None,
        min_length=1,
        description="Names this instance in its transactional id; a restart under the same name fences "
        "the previous incarnation. Default: the group_instance_id, else the host name (the pod name).",
    )
    transaction_timeout_ms: int = Field(
        default=60_000,
        ge=1_000,
        le=900_000,
        description="How long the broker lets a transaction stay open before aborting it (e.g. after a crash).",
    )
    batch_max_records: int = Field(default=500, ge=1, le=100_000, description="Most records in one batch.")
    batch_max_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1024, description="Most bytes fetched for one batch (per fetch)."
    )
    batch_timeout_ms: int = Field(
        default=200, ge=1, le=60_000, description="Longest wait for a batch to fill before it is processed."
    )
    max_message_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="Larger article records go to the dead-letter topic."
    )
    chunk_records: int = Field(
        default=64,
        ge=1,
        description="Most records extracted between yields to the event loop, which also gets one every "
        "2 ms of extraction (keeps heartbeats, publishing and fetching going); with workers, the records of "
        "one task.",
    )
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Processes that extract a batch's records: 1 extracts in the service process; "
        "N > 1 starts N worker processes at start and spreads each batch over them (about one per core).",
    )
    shutdown_grace_seconds: float = Field(
        default=20.0, gt=0, le=3_600, description="Time to finish the batch and leave the group on SIGTERM."
    )
    retry_backoff_max_seconds: float = Field(
        default=10.0, gt=0, description="Ceiling of the exponential backoff for transient broker faults."
    )


class HttpSettings(BaseModel):
    """The health and metrics endpoint."""

    model_config = _SECTION

    enabled: bool = Field(default=True, description="Serve /metrics, /livez and /readyz.")
    host: str = Field(default="0.0.0.0", description="Listen address.")  # noqa: S104 - pods listen on all addresses
    port: int = Field(default=9100, ge=0, le=65535, description="Listen port (0 picks a free one).")
    liveness_timeout_seconds: float = Field(
        default=60.0, gt=0, description="/livez fails when the service loop has not gone round for this long."
    )


class LogSettings(BaseModel):
    """Logging."""

    model_config = _SECTION

    level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Lowest level logged."
    )
    format: Literal["auto", "json", "console"] = Field(
        default="auto", description="json lines, readable console lines, or auto: console on a terminal."
    )


class Settings(BaseSettings):
    """Everything the service can be told, read once at start."""

    model_config = SettingsConfigDict(
        env_prefix="INGEST_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        frozen=True,
        extra="ignore",
        case_sensitive=False,
    )

    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    topics: TopicSettings = Field(default_factory=TopicSettings)
    processing: ProcessingSettings = Field(default_factory=ProcessingSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    log: LogSettings = Field(default_factory=LogSettings)

    def masked(self) -> dict[str, Any]:
        """The effective configuration as plain data, secrets shown as `**********`."""
        return self.model_dump(mode="json")


def _secret_files(directory: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for name in ("sasl_password", "ssl_password"):
        path = directory / f"ingest_kafka_{name}"
        if path.is_file():
            found.setdefault("kafka", {})[name] = path.read_text(encoding="utf-8").strip()
    return found


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = "_".join(str(part) for part in first["loc"] if not isinstance(part, int))
    variable = f"INGEST_{where.upper()}" if where else "INGEST_*"
    value = first.get("input")
    shown = "" if isinstance(value, dict) or "password" in where else f" (got {value!r})"
    message = first["msg"].removeprefix("Value error, ")
    more = f"; {error.error_count() - 1} more" if error.error_count() > 1 else ""
    return f"invalid setting {variable}{shown}: {message}{more}"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings from the environment (and secret files), or raise ConfigError.

    `overrides` are section dictionaries that take precedence, for the CLI and tests.
    """
    init: dict[str, Any] = {}
    secrets_dir = os.environ.get("INGEST_SECRETS_DIR")
    if secrets_dir:
        directory = Path(secrets_dir)
        if not directory.is_dir():
            raise ConfigError(f"invalid setting INGEST_SECRETS_DIR: {secrets_dir!r} is not a directory")
        init.update(_secret_files(directory))
    try:
        base = Settings(**init)
        if not overrides:
            return base
        merged = base.model_dump()
        for section, values in overrides.items():
            merged.setdefault(section, {}).update(values)
        for section in merged.values():
            for key, value in list(section.items()):
                if isinstance(value, SecretStr):
                    section[key] = value.get_secret_value()
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None
