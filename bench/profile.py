"""Where the service spends its time: `ingest run` under py-spy over a generated corpus.

Loads `--messages` articles into a fresh topic, runs the service under
`py-spy record` until its group has committed the whole input, stops it with
SIGTERM and prints the functions with the largest share of samples, by own
time (the frame on top of the stack) and by total time (anywhere on the
stack). The folded stacks stay in `.cache/bench-logs/` for a flame graph.

    .cache/bench-venv/bin/python -m bench.profile --mode at_least_once
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench.env import BENCH_VENV, ROOT, python

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def _short(frame: str) -> str:
    found = _FRAME.match(frame)
    if not found:
        return frame
    path = found["file"]
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{found['func']} ({path})"


def summarise(folded: str, top: int = 20) -> str:
    """Own-time and total-time shares of the functions in py-spy's folded (raw) output."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in folded.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_short(f) for f in stack.split(";")]
        # The first frame is the thread's name when py-spy runs with --threads; here it is a function.
        samples += count
        own[frames[-1]] += count
        for name in set(frames):
            total[name] += count
    lines = [f"{samples} samples", "", "own time (top of stack):"]
    lines += [f"  {n / samples:6.1%}  {name}" for name, n in own.most_common(top)]
    lines += ["", "total time (anywhere on the stack):"]
    lines += [f"  {n / samples:6.1%}  {name}" for name, n in total.most_common(top)]
    return "\n".join(lines)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


async def profile(args: argparse.Namespace) -> Path:
    """Run the service under py-spy over a fresh corpus; the path of the folded stacks."""
    from bench import broker, procs  # noqa: PLC0415 - the summary above needs none of these
    from bench.corpus import generate  # noqa: PLC0415
    from bench.suite import Run, bar  # noqa: PLC0415

    run = Run(
        argparse.Namespace(bootstrap=args.bootstrap, partitions=args.partitions, job_timeout=args.timeout)
    )
    run.articles = list(generate(args.messages, seed=11))
    await broker.create_topics(run.bootstrap, {run.input: run.partitions})
    loading = bar("load corpus", len(run.articles))
    await broker.produce(run.bootstrap, run.input, run.articles, loading.update)
    loading.close()
    env, outputs = run.env(f"profile-{args.mode}", args.mode, run.input)
    await broker.create_topics(run.bootstrap, dict.fromkeys(outputs, run.partitions))
    folded = run.logs / f"profile-{args.mode}.folded"
    spy = Path(python(BENCH_VENV)).parent / "py-spy"
    argv = [str(spy), "record", "--format", "raw", "--rate", "200", "-o", str(folded), "--"]
    argv += [str(python(BENCH_VENV)), "-m", "ingest", "run"]
    proc = procs.start(f"profile-{args.mode}", argv, env, run.logs, ROOT)
    watch = broker.GroupWatch(
        run.bootstrap, env["INGEST_KAFKA_GROUP_ID"], run.input, run.partitions, len(run.articles)
    )
    progress = bar(f"profile {args.mode}", len(run.articles))
    seen = [0]

    def advance(committed: int) -> None:
        progress.update(max(0, committed - seen[0]))
        seen[0] = max(seen[0], committed)

    try:
        found = await watch.run(args.timeout, advance)
        progress.close()
        if found.done_at and found.joined_at:
            rate = len(run.articles) / (found.done_at - found.joined_at)
            print(f"service under py-spy: {rate:,.0f} articles/s", file=sys.stderr)
        # Stop the service, not py-spy: py-spy writes its output once the process it runs exits.
        for child in _children(proc.process.pid):
            os.kill(child, signal.SIGTERM)
        try:
            await asyncio.to_thread(proc.process.wait, 60)
        except subprocess.TimeoutExpired:
            await procs.stop(proc)
    finally:
        await broker.delete_topics(run.bootstrap, run.topics)
    return folded


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--mode", choices=("at_least_once", "exactly_once"), default="at_least_once")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    folded = asyncio.run(profile(args))
    text = summarise(folded.read_text(), args.top)
    print(f"folded stacks: {folded}\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
