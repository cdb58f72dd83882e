"""aiokafka's exceptions sorted into the service's two kinds: retry, or stop.

Fatal: credentials, permissions, a broker certificate we do not trust, fencing
by another producer with our transactional id, a broker too old for what we
ask. Everything else aiokafka raises (connection loss, timeouts, leader and
coordinator moves, an abortable transaction error) is transient: the operation
is retried after a backoff.

aiokafka's bootstrap hides a refused login or an untrusted certificate behind a
plain KafkaConnectionError; `ingest.kafka.login` finds the real cause.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

import structlog
from aiokafka import errors as kafka_errors

from ingest.errors import FatalKafkaFault, KafkaFault, TransientKafkaFault

log = structlog.get_logger()

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
    ssl.SSLCertVerificationError,
)

TRANSIENT: tuple[type[BaseException], ...] = (
    kafka_errors.KafkaError,
    kafka_errors.IllegalOperation,
    ConnectionError,
    asyncio.TimeoutError,
    TimeoutError,
)


_FENCED_ADVICE = (
    "another live instance took over this instance's transactional id: give each instance its own "
    "INGEST_PROCESSING_INSTANCE_ID (default: INGEST_KAFKA_GROUP_INSTANCE_ID, else the host name)"
)


def is_fenced(exc: BaseException | None) -> bool:
    """True when `exc` says another producer took over our transactional id (or our transaction expired)."""
    return isinstance(exc, kafka_errors.ProducerFenced | kafka_errors.InvalidProducerEpoch)


def wrap(exc: BaseException, operation: str) -> KafkaFault:
    """The service's fault for an exception raised by aiokafka during `operation`."""
    name = type(exc).__name__
    detail = str(exc) or name
    message = f"{operation} failed: {detail if detail.startswith(name) else f'{name}: {detail}'}"
    if isinstance(exc, kafka_errors.ProducerFenced):
        return FatalKafkaFault(f"{message}; {_FENCED_ADVICE}")
    if isinstance(exc, FATAL):
        return FatalKafkaFault(message)
    return TransientKafkaFault(message)


def quiet_abandoned_futures(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """An event-loop exception handler: the default one, minus aiokafka's abandoned futures.

    When a producer fails for good (fenced, say) aiokafka fails every pending
    message's future and internal waiter with the same error; nobody awaits them
    once the service has given up on the producer, and asyncio would log each
    one as "Future exception was never retrieved", burying the one line that
    says what happened. Those go to the debug log; anything else to the default
    handler.
    """
    exc = context.get("exception")
    if isinstance(exc, kafka_errors.KafkaError) and "future" in context:
        log.debug("abandoned_kafka_future", error=str(exc) or type(exc).__name__)
        return
    loop.default_exception_handler(context)
