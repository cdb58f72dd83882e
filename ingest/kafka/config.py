"""aiokafka client arguments from the settings: connection, security, group and producer options."""

from __future__ import annotations

import socket
import ssl
from typing import Any

from aiokafka.helpers import create_ssl_context

from ingest.settings import KafkaSettings, Settings

_ENVELOPE_BYTES = 64 * 1024


def ssl_context(kafka: KafkaSettings) -> ssl.SSLContext | None:
    """A TLS context for SSL and SASL_SSL (system CAs unless a CA file is set), else None."""
    if not kafka.security_protocol.endswith("SSL"):
        return None
    context: ssl.SSLContext = create_ssl_context(
        cafile=kafka.ssl_cafile,
        certfile=kafka.ssl_certfile,
        keyfile=kafka.ssl_keyfile,
        password=kafka.ssl_password.get_secret_value() if kafka.ssl_password else None,
    )
    return context


def connection_kwargs(kafka: KafkaSettings) -> dict[str, Any]:
    """Arguments every aiokafka client takes: brokers, client id, timeouts and security."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": kafka.bootstrap_servers,
        "client_id": kafka.client_id,
        "request_timeout_ms": kafka.request_timeout_ms,
        "security_protocol": kafka.security_protocol,
        "ssl_context": ssl_context(kafka),
    }
    if kafka.security_protocol.startswith("SASL"):
        kwargs["sasl_mechanism"] = kafka.sasl_mechanism
        kwargs["sasl_plain_username"] = kafka.sasl_username
        kwargs["sasl_plain_password"] = (
            kafka.sasl_password.get_secret_value() if kafka.sasl_password else None
        )
    return kwargs


def consumer_kwargs(settings: Settings) -> dict[str, Any]:
    """Arguments of the raw-topic consumer: manual commits, read_committed, bounded fetches."""
    kafka, processing = settings.kafka, settings.processing
    return {
        **connection_kwargs(kafka),
        "group_id": kafka.group_id,
        "group_instance_id": kafka.group_instance_id,
        "enable_auto_commit": False,
        "auto_offset_reset": kafka.auto_offset_reset,
        "isolation_level": "read_committed",
        "session_timeout_ms": kafka.session_timeout_ms,
        "heartbeat_interval_ms": kafka.heartbeat_interval_ms,
        "max_poll_interval_ms": kafka.max_poll_interval_ms,
        "max_poll_records": processing.batch_max_records,
        "fetch_max_bytes": processing.batch_max_bytes,
        "max_partition_fetch_bytes": min(
            processing.batch_max_bytes, processing.max_message_bytes + _ENVELOPE_BYTES
        ),
        "fetch_max_wait_ms": min(500, processing.batch_timeout_ms),
    }


def instance_name(settings: Settings) -> str:
    """This instance's name: the configured instance id, else the static member id, else the host name."""
    return settings.processing.instance_id or settings.kafka.group_instance_id or socket.gethostname()


def transactional_id(settings: Settings) -> str:
    """`<prefix>-<group>-<instance>`: stable across restarts of one instance, distinct between instances."""
    return (
        f"{settings.processing.transactional_id_prefix}-{settings.kafka.group_id}-{instance_name(settings)}"
    )


def producer_kwargs(settings: Settings) -> dict[str, Any]:
    """Arguments of the output producer: transactional (exactly-once) or idempotent (at-least-once)."""
    processing = settings.processing
    kwargs: dict[str, Any] = {
        **connection_kwargs(settings.kafka),
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "max_request_size": processing.max_message_bytes + _ENVELOPE_BYTES,
    }
    if processing.mode == "exactly_once":
        kwargs["transactional_id"] = transactional_id(settings)
        kwargs["transaction_timeout_ms"] = processing.transaction_timeout_ms
    return kwargs
