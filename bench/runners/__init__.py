"""The jobs the benchmark runs against the broker, one module each, started as separate processes.

Each reads the same `INGEST_*` environment as the service (brokers, group,
topics, delivery mode) and runs until SIGTERM. The peers (`quix`,
`faststream`) run in their own virtual environments, so they import nothing
from `bench` but this package's modules.
"""
