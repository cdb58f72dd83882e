"""Telling a broker that refuses us from a broker that is down, when a client cannot start.

aiokafka's clients try each bootstrap broker in turn and, when none lets them
in, raise a plain KafkaConnectionError ("Unable to bootstrap") whatever the
reason. A broker that is down is worth waiting for; one that rejects our SASL
password or presents a certificate our CA file did not sign is not, and the
service would retry forever. One direct connection, made the way the clients
make theirs (TLS handshake, then SASL), raises the real cause instead.
"""

from __future__ import annotations

import ssl
from typing import Final

from aiokafka import errors as kafka_errors
from aiokafka.conn import create_conn

from ingest.errors import FatalKafkaFault, KafkaFault
from ingest.kafka.config import ssl_context
from ingest.kafka.faults import FATAL, wrap
from ingest.settings import KafkaSettings

_PROBE_TIMEOUT_MS: Final = 10_000
_SASL_REFUSED: Final = (
    kafka_errors.SaslAuthenticationFailed,
    kafka_errors.AuthenticationFailedError,
    kafka_errors.AuthenticationMethodNotSupported,
    kafka_errors.UnsupportedSaslMechanismError,
    kafka_errors.IllegalSaslStateError,
)


async def start_fault(kafka: KafkaSettings, exc: BaseException, operation: str) -> KafkaFault:
    """The fault to raise when a client failed to start with `exc`.

    A failed bootstrap on a TLS or SASL connection is looked into: when a
    broker refuses the login or its certificate, that FatalKafkaFault is
    returned; otherwise (the brokers are unreachable, or the probe got in, so
    the failure was passing) `exc` wrapped as usual, which for a connection
    error is transient.
    """
    if isinstance(exc, kafka_errors.KafkaConnectionError):
        refused = await login_refusal(kafka)
        if refused is not None:
            return refused
    return wrap(exc, operation)


async def login_refusal(kafka: KafkaSettings) -> FatalKafkaFault | None:
    """Why the bootstrap brokers refuse this client, or None.

    Connects to each bootstrap broker in turn (at most 10 s each) with the
    configured security, and closes the connection again. Returns a
    FatalKafkaFault naming the cause and the settings to check for the first
    broker that rejects the SASL login or whose certificate is not trusted;
    None once a broker lets the client in, or when none can be reached. Plain
    connections have nothing to refuse: None without connecting.
    """
    protocol = kafka.security_protocol
    if protocol == "PLAINTEXT":
        return None
    context = ssl_context(kafka)
    password = kafka.sasl_password.get_secret_value() if kafka.sasl_password else None
    sasl = protocol.startswith("SASL")
    for host, port in bootstrap_addresses(kafka.bootstrap_servers):
        try:
            conn = await create_conn(
                host,
                port,
                client_id=kafka.client_id,
                request_timeout_ms=min(kafka.request_timeout_ms, _PROBE_TIMEOUT_MS),
                ssl_context=context,
                security_protocol=protocol,
                sasl_mechanism=kafka.sasl_mechanism if sasl else None,
                sasl_plain_username=kafka.sasl_username if sasl else None,
                sasl_plain_password=password if sasl else None,
            )
        except ssl.SSLCertVerificationError as exc:
            return FatalKafkaFault(
                f"TLS certificate of the broker at {host}:{port} is not trusted: "
                f"{exc.verify_message or exc}; check INGEST_KAFKA_SSL_CAFILE "
                "(the CA that signed the brokers' certificates)"
            )
        except _SASL_REFUSED as exc:
            return FatalKafkaFault(
                f"SASL authentication of {kafka.sasl_username!r} ({kafka.sasl_mechanism}) refused by the "
                f"broker at {host}:{port}: {exc}; check INGEST_KAFKA_SASL_USERNAME, "
                "INGEST_KAFKA_SASL_PASSWORD and INGEST_KAFKA_SASL_MECHANISM"
            )
        except FATAL as exc:
            return FatalKafkaFault(f"the broker at {host}:{port} refused the connection: {exc}")
        except (OSError, kafka_errors.KafkaError, TimeoutError):
            continue  # unreachable: try the next broker
        conn.close()
        return None
    return None


def bootstrap_addresses(servers: str) -> list[tuple[str, int]]:
    """`host:port,host:port` (IPv6 hosts in brackets) as (host, port) pairs."""
    addresses: list[tuple[str, int]] = []
    for server in servers.split(","):
        host, _, port = server.strip().rpartition(":")
        addresses.append((host.removeprefix("[").removesuffix("]"), int(port)))
    return addresses
