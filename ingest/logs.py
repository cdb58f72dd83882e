"""Logging: one structlog configuration for the service and the libraries under it.

Every line is an event with fields: `timestamp` (ISO 8601, UTC), `level`,
`event` (a fixed snake_case name, never a formatted sentence) and whatever was
bound. Lines about one record carry `topic`, `partition`, `offset` and
`article_id` (see `bind_record`). In production the lines are JSON objects, one
per line, for the log stack to index; on a terminal they are readable console
lines. Exceptions are rendered into the line (`exception` in JSON).

Standard-library loggers (aiokafka's) go through the same renderer from
WARNING up, so the output has one format whoever writes it.
"""

from __future__ import annotations

import logging
import sys
from typing import Final, TextIO

import structlog
from structlog.typing import FilteringBoundLogger, Processor

from ingest.settings import LogSettings

RECORD_FIELDS: Final = ("topic", "partition", "offset", "article_id")

_LEVELS: Final = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


class _Handler(logging.StreamHandler[TextIO]):
    """The root handler this module installs; replaced, never stacked, on reconfiguration."""


def uses_console(settings: LogSettings, stream: TextIO) -> bool:
    """Whether lines to `stream` are rendered for people: format console, or auto on a terminal."""
    if settings.format == "auto":
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty())
    return settings.format == "console"


def configure_logging(settings: LogSettings, stream: TextIO | None = None) -> None:
    """Configure structlog and the standard library to write to `stream` (stderr by default).

    Call once at start, before the event loop; calling again replaces the
    previous configuration (no handler is added twice). Loggers are not cached,
    so module-level `structlog.get_logger()` objects follow a reconfiguration.
    """
    out = stream if stream is not None else sys.stderr
    level = _LEVELS[settings.level]
    console = uses_console(settings, out)

    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    renderer: Processor
    if console:
        # The console renderer formats exc_info itself, with the traceback below the line.
        renderer = structlog.dev.ConsoleRenderer(colors=bool(out.isatty()))
        finish: list[Processor] = [renderer]
    else:
        renderer = structlog.processors.JSONRenderer()
        finish = [structlog.processors.format_exc_info, renderer]

    structlog.configure(
        processors=[*shared, *finish],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        context_class=dict,
        logger_factory=structlog.WriteLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )

    handler = _Handler(out)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *finish],
        )
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(max(logging.WARNING, level))
    logging.captureWarnings(True)


def bind_record(
    logger: FilteringBoundLogger, *, topic: str, partition: int, offset: int, article_id: str | None = None
) -> FilteringBoundLogger:
    """`logger` with the fields that locate one input record bound, for every line about it."""
    return logger.bind(topic=topic, partition=partition, offset=offset, article_id=article_id)
