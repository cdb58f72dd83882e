"""aiokafka's exceptions sorted into the service's two kinds: retry, or stop.

Fatal: credentials, permissions, fencing by another producer with our
transactional id, a broker too old for what we ask. Everything else aiokafka
raises (connection loss, timeouts, leader and coordinator moves, an abortable
transaction error) is transient: the operation is retried after a backoff.
"""

from __future__ import annotations

import asyncio

from aiokafka import errors as kafka_errors

from ingest.errors import FatalKafkaFault, KafkaFault, TransientKafkaFault

FATAL: tuple[type[BaseException], ...] = (
    kafka_errors.AuthenticationFailedError,
    kafka_errors.AuthenticationMethodNotSupported,
    kafka_errors.SaslAuthenticationFailed,
    kafka_errors.UnsupportedSaslMechanismError,
    kafka_errors.IllegalSaslStateError,
    kafka_errors.TopicAuthorizationFailedError,
    kafka_errors.GroupAuthorizationFailedError,
    kafka_errors.ClusterAuthorizationFailedError,
    kafka_errors.TransactionalIdAuthorizationFailed,
    kafka_errors.ProducerFenced,
    kafka_errors.UnsupportedVersionError,
    kafka_errors.IncompatibleBrokerVersion,
    kafka_errors.UnrecognizedBrokerVersion,
    kafka_errors.KafkaConfigurationError,
    kafka_errors.InvalidTopicError,
    kafka_errors.MessageSizeTooLargeError,
    kafka_errors.RecordTooLargeError,
)

TRANSIENT: tuple[type[BaseException], ...] = (
    kafka_errors.KafkaError,
    kafka_errors.IllegalOperation,
    ConnectionError,
    asyncio.TimeoutError,
    TimeoutError,
)


def is_fenced(exc: BaseException | None) -> bool:
    """True when `exc` says another producer took over our transactional id (or our transaction expired)."""
    return isinstance(exc, kafka_errors.ProducerFenced | kafka_errors.InvalidProducerEpoch)


def wrap(exc: BaseException, operation: str) -> KafkaFault:
    """The service's fault for an exception raised by aiokafka during `operation`."""
    name = type(exc).__name__
    detail = str(exc) or name
    if isinstance(exc, FATAL):
        return FatalKafkaFault(f"{operation} failed: {name}: {detail}")
    return TransientKafkaFault(f"{operation} failed: {name}: {detail}")
