"""Typed arms-transfer and sanction events from raw news articles on Kafka."""

__version__ = "0.1.0"
