"""`python -m bench [options]`: build the benchmark environments if needed, then run the suite in them."""

from __future__ import annotations

import os
import sys

from bench.env import BENCH_VENV, ensure


def main() -> int:
    if os.path.realpath(sys.prefix) != os.path.realpath(BENCH_VENV):
        bench_python, _ = ensure()
        os.execv(bench_python, [str(bench_python), "-m", "bench", *sys.argv[1:]])
    from bench.suite import main as suite  # noqa: PLC0415 - needs the benchmark environment's packages

    return suite()


if __name__ == "__main__":
    sys.exit(main())
