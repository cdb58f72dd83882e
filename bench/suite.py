"""The benchmark suite: every figure of the report, measured in one run against the local broker.

Order of work: generate the corpus and load it into a fresh input topic (4
partitions); extraction alone on one core; then each job (passthrough,
service, the service with two extraction worker processes, Quix Streams,
FastStream, and the service and both peers again with an extractor that finds
nothing, their loops alone) in at-least-once and exactly-once mode, each
in its own consumer group on the same input, each into fresh output topics;
two service instances in one group (in both modes); latency of the service and of the
passthrough at half the service's measured rate. All topics of the run carry
the run id and are deleted at the end.

Throughput of a job is the corpus size divided by the time from its group
becoming Stable to the group's committed offsets covering the whole input: what
a user waits for, with the job's own commit cadence included. A job whose
read_committed output holds another number of events than the in-process
service's is marked invalid rather than reported with a figure.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition
from tqdm import tqdm

from bench import broker, latency, procs, report
from bench.corpus import GeneratedArticle, generate
from bench.env import BENCH_VENV, QUIX_VENV, ROOT, python

MODES = ("at_least_once", "exactly_once")


@dataclass(frozen=True)
class Job:
    """A job under test and how to start it."""

    name: str
    argv: tuple[str, ...]
    modes: tuple[str, ...] = MODES
    env: tuple[tuple[str, str], ...] = ()


BARE = "bench.runners.bare"
"""Runs a job with an extractor that finds nothing (`bench.runners.bare`): its loop alone."""


def jobs() -> list[Job]:
    py, quix = str(python(BENCH_VENV)), str(python(QUIX_VENV))
    return [
        Job("passthrough", (py, "-m", "bench.runners.passthrough")),
        Job("service", (py, "-m", "ingest", "run")),
        Job("service-w2", (py, "-m", "ingest", "run"), env=(("INGEST_PROCESSING_WORKERS", "2"),)),
        Job("quixstreams", (quix, "-m", "bench.runners.quix")),
        Job("faststream", (py, "-m", "bench.runners.faststream"), ("at_least_once",)),
        Job("service-bare", (py, "-m", BARE, "ingest", "run")),
        Job("quixstreams-bare", (quix, "-m", BARE, "bench.runners.quix")),
        Job("faststream-bare", (py, "-m", BARE, "bench.runners.faststream"), ("at_least_once",)),
    ]


class Run:
    """One benchmark run: its id, broker, corpus and the topics it made."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.id = f"{dt.datetime.now(dt.UTC):%m%d%H%M}-{uuid.uuid4().hex[:6]}"
        self.bootstrap: str = args.bootstrap
        self.partitions: int = args.partitions
        self.logs = ROOT / ".cache" / "bench-logs" / self.id
        self.topics: list[str] = []
        self.procs: list[procs.Proc] = []
        self.input = self.topic("articles")
        self.articles: list[GeneratedArticle] = []
        self.bytes = 0

    def topic(self, name: str) -> str:
        full = f"bench-{self.id}-{name}"
        self.topics.append(full)
        return full

    def env(self, label: str, mode: str, raw: str, instance: int = 0) -> tuple[dict[str, str], list[str]]:
        outputs = [self.topic(f"{label}-arms"), self.topic(f"{label}-sanctions"), self.topic(f"{label}-dlq")]
        env = {
            "INGEST_KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "INGEST_KAFKA_GROUP_ID": f"bench-{self.id}-{label}",
            "INGEST_TOPICS_RAW": raw,
            "INGEST_TOPICS_ARMS": outputs[0],
            "INGEST_TOPICS_SANCTIONS": outputs[1],
            "INGEST_TOPICS_DEAD_LETTER": outputs[2],
            "INGEST_PROCESSING_MODE": mode,
            "INGEST_PROCESSING_INSTANCE_ID": f"{label}-{instance}",
            "INGEST_HTTP_PORT": "0",
        }
        return env, outputs


def bar(desc: str, total: int, unit: str = "msg") -> tqdm:  # type: ignore[type-arg]
    return tqdm(total=total, desc=desc.ljust(28), unit=unit, unit_scale=True, file=sys.stderr, leave=True)


async def broker_up(bootstrap: str) -> None:
    """Start the local broker with deploy/local/kafka.sh when nothing answers on the default address."""
    try:
        await broker.delete_topics(bootstrap, [])
    except Exception:
        if bootstrap != "127.0.0.1:9092":
            raise
        script = str(ROOT / "deploy" / "local" / "kafka.sh")
        await asyncio.to_thread(subprocess.run, ["bash", script, "start"], check=True)


async def count_records(bootstrap: str, topics: list[str], partitions: int, within: float = 30.0) -> int:
    """Records a read_committed reader finds in `topics` (transaction markers not counted)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, isolation_level="read_committed", enable_auto_commit=False
    )
    await consumer.start()
    try:
        tps = [TopicPartition(t, p) for t in topics for p in range(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning()
        ends = await consumer.end_offsets(tps)
        count = 0
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=200, max_records=5000)
            count += sum(len(v) for v in batches.values())
            positions = [await consumer.position(tp) for tp in tps]
            if all(pos >= ends[tp] for pos, tp in zip(positions, tps, strict=True)):
                break
        return count
    finally:
        await consumer.stop()


async def throughput(run: Run, job: Job, mode: str, instances: int = 1, round_no: int = 1) -> dict[str, Any]:
    """Run `job` (`instances` processes in one group) over the whole input; its figures."""
    label = (
        f"{job.name}-{mode}"
        + (f"-x{instances}" if instances > 1 else "")
        + (f"-r{round_no}" if round_no > 1 else "")
    )
    env, outputs = run.env(label, mode, run.input)
    env.update(job.env)
    await broker.create_topics(run.bootstrap, dict.fromkeys(outputs, run.partitions))
    running = []
    for n in range(instances):
        env_n = {**env, "INGEST_PROCESSING_INSTANCE_ID": f"{label}-{n}"}
        running.append(procs.start(f"{label}-{n}", list(job.argv), env_n, run.logs, ROOT))
    run.procs.extend(running)
    stop_sampling = asyncio.Event()
    sampler = asyncio.create_task(procs.sample_memory(running, stop_sampling))
    watch = broker.GroupWatch(
        run.bootstrap, env["INGEST_KAFKA_GROUP_ID"], run.input, run.partitions, len(run.articles)
    )
    progress = bar(label, len(run.articles))
    last = [0]

    def advance(committed: int) -> None:
        progress.update(max(0, committed - last[0]))
        last[0] = max(last[0], committed)

    watcher = asyncio.create_task(watch.run(run.args.job_timeout, advance))
    while not watcher.done():
        if not any(p.alive() for p in running):
            watcher.cancel()
            break
        await asyncio.sleep(0.2)
    try:
        found = await watcher
    except asyncio.CancelledError:
        found = watch.progress
    progress.close()
    stop_sampling.set()
    await sampler
    codes = [await procs.stop(p) for p in running]
    result: dict[str, Any] = {
        "job": job.name,
        "mode": mode,
        "instances": instances,
        "round": round_no,
        "ok": False,
    }
    if found.done_at is None or found.joined_at is None:
        result["error"] = "did not finish: " + " | ".join(p.tail(3) for p in running)[-600:]
        print(f"bench: {label} did not finish; log in {run.logs}", file=sys.stderr)
        return result
    seconds = found.done_at - found.joined_at
    result.update(
        ok=True,
        seconds=seconds,
        articles_per_s=len(run.articles) / seconds,
        mb_per_s=run.bytes / seconds / 1e6,
        exit_codes=codes,
    )
    used = [(p.cpu_at(found.done_at), p.cpu_at(found.joined_at)) for p in running]
    if all(end is not None for end, _ in used):
        cpu = sum((end or 0.0) - (begin or 0.0) for end, begin in used)
        result["cpu_ms_per_article"] = cpu * 1000 / len(run.articles)
        result["articles_per_cpu_s"] = len(run.articles) / cpu if cpu else None
    main = running[0]
    t10 = found.committed_at(0.10)
    if main.rss:
        result["rss_peak"] = max(v for _, v in main.rss)
        result["rss_end"] = main.rss_at(found.done_at)
        result["rss_at_10pct"] = main.rss_at(t10) if t10 is not None else None
        origin = found.joined_at
        span = max(1e-9, found.done_at - origin)
        result["rss_timeline"] = [
            (round((t - origin) / span, 4), v) for t, v in main.rss[:: max(1, len(main.rss) // 200)]
        ]
    if job.name != "passthrough":
        result["events"] = await count_records(run.bootstrap, outputs[:2], run.partitions)
        result["dead_letters"] = await count_records(run.bootstrap, outputs[2:], run.partitions)
    return result


def validate(rows: list[dict[str, Any]]) -> None:
    """Mark invalid every row whose event count differs from the in-process service's in the same mode.

    A job that loses or repeats output has not done the work its figure claims.
    """
    for row in rows:
        reference = next(
            (r for r in rows if r["job"] == "service" and r["mode"] == row["mode"] and r.get("ok")), None
        )
        if not row.get("ok") or row["job"] in ("service", "passthrough"):
            continue
        if row["job"].endswith("-bare"):
            reference = {"events": 0}  # its extractor finds nothing, so anything published is a fault
        elif reference is None:
            continue
        if row.get("events") != reference.get("events"):
            row["ok"] = False
            row["note"] = f"invalid: published {row.get('events', 0):,} of {reference['events']:,} events"
            print(f"bench: {row['job']} {row['mode']}: {row['note']}", file=sys.stderr)


async def steady_latency(run: Run, job: Job, mode: str, rate: float) -> dict[str, Any]:
    """Latency percentiles of `job` at `rate` articles/s for `--latency-seconds`."""
    label = f"latency-{job.name}"
    raw = run.topic(label)
    env, outputs = run.env(label, mode, raw)
    await broker.create_topics(run.bootstrap, dict.fromkeys([raw, *outputs], run.partitions))
    proc = procs.start(label, list(job.argv), env, run.logs, ROOT)
    run.procs.append(proc)
    count = max(200, int(rate * run.args.latency_seconds))
    articles = list(generate(count, seed=run.args.seed + 1))
    try:
        await broker.wait_stable(run.bootstrap, env["INGEST_KAFKA_GROUP_ID"], proc.alive)
        progress = bar(f"{label} @{rate:.0f}/s", count)
        found = await latency.measure(
            run.bootstrap,
            raw,
            outputs[:2] if job.name != "passthrough" else outputs[:1],
            run.partitions,
            articles,
            rate,
            progress.update,
        )
        progress.close()
    finally:
        await procs.stop(proc)
    return {
        "job": job.name,
        "mode": mode,
        "rate": rate,
        "samples": len(found),
        "p50_ms": latency.percentile(found, 0.50),
        "p95_ms": latency.percentile(found, 0.95),
        "p99_ms": latency.percentile(found, 0.99),
    }


def extraction_alone(run: Run) -> dict[str, Any]:
    progress = bar("extraction alone (1 core)", 2, unit="kind")
    out = subprocess.run(
        [str(python(BENCH_VENV)), "-m", "bench.extraction", "--seconds", str(run.args.extract_seconds)],
        check=True,
        capture_output=True,
        cwd=ROOT,
        text=True,
    )
    progress.update(2)
    progress.close()
    found: dict[str, Any] = json.loads(out.stdout)
    return found


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in ("aiokafka", "faststream", "pydantic"):
        found[name] = metadata.version(name)
    quix = subprocess.run(
        [str(python(QUIX_VENV)), "-c", "import importlib.metadata as m; print(m.version('quixstreams'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    found["quixstreams"] = quix.stdout.strip() or "?"
    return found


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        if task is not None:
            loop.add_signal_handler(signum, task.cancel)
    await broker_up(args.bootstrap)
    run = Run(args)
    print(f"bench: run {run.id}, {args.messages} articles, {args.partitions} partitions", file=sys.stderr)
    results: dict[str, Any] = {
        "run_id": run.id,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "machine": platform.machine(),
        "messages": args.messages,
        "partitions": args.partitions,
        "versions": versions(),
    }
    try:
        run.articles = list(generate(args.messages, args.seed))
        run.bytes = sum(len(a.value) for a in run.articles)
        results["corpus_bytes"] = run.bytes
        results["share_relevant"] = sum(a.relevant for a in run.articles) / len(run.articles)
        await broker.create_topics(args.bootstrap, {run.input: args.partitions})
        loading = bar("load corpus", len(run.articles))
        await broker.produce(args.bootstrap, run.input, run.articles, loading.update)
        loading.close()

        results["extraction"] = extraction_alone(run)
        selected = [j for j in jobs() if j.name in args.jobs]
        # the jobs in turn, then all of them again: each job's figure is its best round (`report.best_of_rounds`)
        rows = [
            await throughput(run, job, mode, round_no=n)
            for n in range(1, args.rounds + 1)
            for mode in MODES
            for job in selected
            if mode in job.modes
        ]
        for n in range(1, args.rounds + 1):
            validate([r for r in rows if r["round"] == n])
        rows = report.best_of_rounds(rows)
        results["rounds"] = args.rounds
        results["throughput"] = rows
        service = next((j for j in selected if j.name == "service"), None)
        passthrough = next((j for j in selected if j.name == "passthrough"), None)
        if service is not None and not args.skip_scale_out:
            results["scale_out"] = [await throughput(run, service, mode, instances=2) for mode in MODES]
        if service is not None and passthrough is not None and not args.skip_latency:
            measured = [r for r in rows if r["job"] == "service" and r["mode"] == "exactly_once" and r["ok"]]
            rate = args.latency_rate or (measured[0]["articles_per_s"] / 2 if measured else 200.0)
            results["latency"] = [
                await steady_latency(run, service, "exactly_once", rate),
                await steady_latency(run, passthrough, "exactly_once", rate),
            ]
    finally:
        run.articles = []
        for proc in run.procs:
            if proc.alive():
                await procs.stop(proc)
        if not args.keep_topics:
            try:
                await broker.delete_topics(args.bootstrap, run.topics)
            except Exception as exc:
                print(f"bench: could not delete topics: {exc!r}", file=sys.stderr)
    results["duration_s"] = time.monotonic() - started
    return results


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bootstrap", default=os.environ.get("BENCH_BOOTSTRAP", "127.0.0.1:9092"))
    parser.add_argument("--messages", type=int, default=50_000, help="articles in the corpus")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--jobs", nargs="+", default=[j.name for j in jobs()], choices=[j.name for j in jobs()]
    )
    parser.add_argument("--job-timeout", type=float, default=240.0, help="seconds one job may take")
    parser.add_argument(
        "--rounds", type=int, default=2, help="times each throughput job runs; its best round is reported"
    )
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--latency-rate", type=float, default=None, help="default: half the service's rate")
    parser.add_argument("--extract-seconds", type=float, default=4.0)
    parser.add_argument("--skip-scale-out", action="store_true")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--keep-topics", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    results = asyncio.run(main_async(args))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    report.write(results, args.out)
    print(report.summary(results))
    return 0
