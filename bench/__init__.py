"""Benchmarks of the service against its limit (a passthrough) and against peers, on a real broker.

`python -m bench` builds its virtual environments on first use (see
`bench.env`), re-runs itself inside the benchmark one and runs the suite
(`bench.suite`); `python -m bench.profile` samples the service's hot path.
"""
