"""The report of a benchmark run: REPORT.md, a PNG plot and a summary table, from the results dictionary.

Pure functions from results to text; only `write` touches files. Every figure
is shown next to its baseline from the same run (a ratio), because the machine
the run shares makes absolute numbers noisy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TARGETS = {"at_least_once": 0.8, "exactly_once": 0.6}
MODE_NAMES = {"at_least_once": "at-least-once", "exactly_once": "exactly-once"}
PLOT = "throughput.png"
WORKERS = "service-w2"
BARE = "-bare"
"""Suffix of the jobs run with an extractor that finds nothing: the loop alone."""


def _bare(row: dict[str, Any]) -> bool:
    return str(row["job"]).endswith(BARE)


def _num(value: float | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def _mib(value: float | None) -> str:
    return "–" if value is None else f"{value / 2**20:,.0f} MiB"


def _ratio(value: float | None, base: float | None) -> float | None:
    if value is None or not base:
        return None
    return value / base


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _row(results: dict[str, Any], job: str, mode: str) -> dict[str, Any] | None:
    for row in results.get("throughput", []):
        if row["job"] == job and row["mode"] == mode and row.get("ok"):
            return dict(row)
    return None


def _rate(results: dict[str, Any], job: str, mode: str, key: str = "articles_per_s") -> float | None:
    row = _row(results, job, mode)
    return None if row is None or row.get(key) is None else float(row[key])


def _efficiency(results: dict[str, Any], job: str, mode: str) -> float | None:
    return _rate(results, job, mode, "articles_per_cpu_s")


Verdict = tuple[str, float | None, float | None, str, bool | None]


def verdicts(results: dict[str, Any]) -> list[Verdict]:
    """(goal, throughput ratio, articles-per-CPU-second ratio, target text, met) for each goal.

    Met is judged on the throughput ratio, the figure the issue asks for.
    """
    out: list[Verdict] = []
    for mode, target in TARGETS.items():
        ratio = _ratio(_rate(results, "service", mode), _rate(results, "passthrough", mode))
        cpu = _ratio(_efficiency(results, "service", mode), _efficiency(results, "passthrough", mode))
        met = None if ratio is None else ratio >= target
        out.append((f"service / passthrough, {MODE_NAMES[mode]}", ratio, cpu, f">= {target}", met))
    for mode, target in TARGETS.items():
        ratio = _ratio(_rate(results, WORKERS, mode), _rate(results, "passthrough", mode))
        cpu = _ratio(_efficiency(results, WORKERS, mode), _efficiency(results, "passthrough", mode))
        if ratio is not None:
            out.append(
                (
                    f"service, 2 workers / passthrough, {MODE_NAMES[mode]}",
                    ratio,
                    cpu,
                    f">= {target}",
                    ratio >= target,
                )
            )
    for job, name in (("service", "service"), (WORKERS, "service, 2 workers")):
        for peer in ("quixstreams", "faststream"):
            for mode in TARGETS:
                ratio = _ratio(_rate(results, job, mode), _rate(results, peer, mode))
                cpu = _ratio(_efficiency(results, job, mode), _efficiency(results, peer, mode))
                if ratio is not None:
                    out.append((f"{name} / {peer}, {MODE_NAMES[mode]}", ratio, cpu, "> 1", ratio > 1))
    for row in results.get("scale_out", []):
        mode = row["mode"]
        ratio = _ratio(
            row.get("articles_per_s") if row.get("ok") else None, _rate(results, "passthrough", mode)
        )
        if ratio is not None and mode in TARGETS:
            goal = f"service, {row['instances']} instances in one group / passthrough, {MODE_NAMES[mode]}"
            out.append((goal, ratio, None, f">= {TARGETS[mode]}", ratio >= TARGETS[mode]))
    return out


def best_of_rounds(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per job and mode: the round with the highest rate among the valid ones (else the first),
    carrying every round's rate in `rounds_articles_per_s`.

    Every job gets the same treatment. Interference on this machine (the broker's own work, other
    processes) only ever slows a job down, so the best round is the figure least disturbed by it.
    """
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((row["job"], row["mode"]), []).append(row)
    best = []
    for group in grouped.values():
        valid = [r for r in group if r.get("ok")]
        chosen = dict(max(valid, key=lambda r: r["articles_per_s"]) if valid else group[0])
        chosen["rounds_articles_per_s"] = [r.get("articles_per_s") if r.get("ok") else None for r in group]
        best.append(chosen)
    return best


def _events(row: dict[str, Any], service: dict[str, Any] | None) -> str:
    """The job's event count, flagged when it differs from the service's (the job lost or added output)."""
    count = row.get("events")
    expected = None if service is None else service.get("events")
    if count is None or expected is None or count == expected:
        return _num(count)
    return f"{_num(count)} (service: {_num(expected)})"


def throughput_table(results: dict[str, Any]) -> str:
    rows = []
    for mode in TARGETS:
        base = _rate(results, "passthrough", mode)
        service = _rate(results, "service", mode)
        for row in results.get("throughput", []):
            if row["mode"] != mode or _bare(row):
                continue
            if not row.get("ok"):
                rows.append(
                    [row["job"], MODE_NAMES[mode], row.get("note", "failed"), "", "", "", "", "", "", ""]
                )
                continue
            rate = row["articles_per_s"]
            rows.append(
                [
                    row["job"],
                    MODE_NAMES[mode],
                    _num(rate),
                    _num(row["mb_per_s"], 2),
                    _num(_ratio(rate, base), 2),
                    _num(_ratio(service, rate), 2)
                    if row["job"] not in ("service", "passthrough", WORKERS)
                    else "",
                    _num(row.get("cpu_ms_per_article"), 2),
                    _events(row, _row(results, "service", mode)),
                    _num(row["seconds"], 1),
                    " / ".join(_num(r) for r in row.get("rounds_articles_per_s", [rate])),
                ]
            )
    header = [
        "job",
        "mode",
        "articles/s",
        "MB/s",
        "÷ passthrough",
        "service ÷ job",
        "CPU ms/article",
        "events",
        "seconds",
        "rounds (articles/s)",
    ]
    return table(header, rows)


def workers_table(results: dict[str, Any]) -> str:
    """The service with extraction in two worker processes next to the in-process service and the passthrough."""
    rows = []
    for mode in TARGETS:
        one, two = _row(results, "service", mode), _row(results, WORKERS, mode)
        if two is None:
            continue
        base = _rate(results, "passthrough", mode)
        rate = float(two["articles_per_s"])
        rows.append(
            [
                MODE_NAMES[mode],
                _num(None if one is None else one["articles_per_s"]),
                _num(rate),
                _num(_ratio(rate, base), 2),
                _num(_ratio(rate, None if one is None else one["articles_per_s"]), 2),
                _num(None if one is None else one.get("cpu_ms_per_article"), 2),
                _num(two.get("cpu_ms_per_article"), 2),
                _mib(None if one is None else one.get("rss_peak")),
                _mib(two.get("rss_peak")),
            ]
        )
    if not rows:
        return "(not measured)"
    header = [
        "mode",
        "in-process articles/s",
        "2 workers articles/s",
        "2 workers ÷ passthrough",
        "2 workers ÷ in-process",
        "CPU ms/article in-process",
        "CPU ms/article 2 workers",
        "peak RSS in-process",
        "peak RSS 2 workers (all processes)",
    ]
    return table(header, rows)


def loop_table(results: dict[str, Any]) -> str:
    """Each job with an extractor that finds nothing next to the passthrough and to the same job in full."""
    rows = []
    for mode in TARGETS:
        base = _rate(results, "passthrough", mode)
        service = _rate(results, "service" + BARE, mode)
        for row in results.get("throughput", []):
            if row["mode"] != mode or not _bare(row):
                continue
            if not row.get("ok"):
                rows.append([row["job"], MODE_NAMES[mode], row.get("note", "failed"), "", "", "", "", ""])
                continue
            rate = row["articles_per_s"]
            full = _row(results, row["job"].removesuffix(BARE), mode)
            rows.append(
                [
                    row["job"].removesuffix(BARE),
                    MODE_NAMES[mode],
                    _num(rate),
                    _num(_ratio(rate, base), 2),
                    _num(_ratio(service, rate), 2) if row["job"] != "service" + BARE else "",
                    _num(row.get("cpu_ms_per_article"), 3),
                    _num(None if full is None else full.get("cpu_ms_per_article"), 3),
                    _num(_ratio(None if full is None else full["articles_per_s"], rate), 2),
                ]
            )
    if not rows:
        return "(not measured)"
    header = [
        "loop of",
        "mode",
        "articles/s",
        "÷ passthrough",
        "service's loop ÷ this loop",
        "CPU ms/article, loop",
        "CPU ms/article, with extractor",
        "with extractor ÷ loop",
    ]
    return table(header, rows)


def memory_table(results: dict[str, Any]) -> str:
    rows = []
    for row in [*results.get("throughput", []), *results.get("scale_out", [])]:
        if not row.get("ok") or "rss_peak" not in row:
            continue
        start, end = row.get("rss_at_10pct"), row.get("rss_end")
        growth = None if not start or not end else (end - start) / start * 100
        name = row["job"] + (f" x{row['instances']} (first)" if row.get("instances", 1) > 1 else "")
        rows.append(
            [
                name,
                MODE_NAMES[row["mode"]],
                _mib(row["rss_peak"]),
                _mib(end),
                _mib(start),
                _num(growth, 1) + " %",
            ]
        )
    return table(["job", "mode", "peak RSS", "end RSS", "RSS at 10 %", "growth 10 %→100 %"], rows)


def latency_table(results: dict[str, Any]) -> str:
    base = next((r for r in results.get("latency", []) if r["job"] == "passthrough"), None)
    rows = [
        [
            row["job"],
            MODE_NAMES[row["mode"]],
            _num(row["rate"]),
            _num(row["samples"]),
            _num(row["p50_ms"], 1),
            _num(row["p95_ms"], 1),
            _num(row["p99_ms"], 1),
            _num(_ratio(row["p99_ms"], base["p99_ms"] if base else None), 2),
        ]
        for row in results.get("latency", [])
    ]
    return table(
        ["job", "mode", "rate /s", "samples", "p50 ms", "p95 ms", "p99 ms", "p99 ÷ passthrough"], rows
    )


def scale_table(results: dict[str, Any]) -> str:
    rows = []
    for row in results.get("scale_out", []):
        mode = row["mode"]
        one = _rate(results, "service", mode)
        passthrough = _rate(results, "passthrough", mode)
        rate = row.get("articles_per_s") if row.get("ok") else None
        rows.append(
            [
                MODE_NAMES[mode],
                _num(one),
                _num(rate),
                str(row["instances"]),
                _num(_ratio(rate, one), 2),
                _num(_ratio(rate, passthrough), 2),
            ]
        )
    headers = ["mode", "1 instance, articles/s", "more instances, articles/s", "instances"]
    return table([*headers, "÷ one instance", "÷ passthrough"], rows)


def extraction_table(results: dict[str, Any]) -> str:
    found = results.get("extraction")
    if not found:
        return "(not measured)"
    rows = [
        [
            kind,
            _num(found[kind]["articles_per_s"]),
            _num(found[kind].get("articles_per_cpu_s")),
            _num(found[kind]["mb_per_s"], 2),
        ]
        for kind in ("relevant", "irrelevant")
    ]
    share = results.get("share_relevant")
    if share:
        # The stream's mix: time per article is the share-weighted mean of the two kinds' times.
        def mixed(key: str) -> float | None:
            rel, irr = found["relevant"].get(key), found["irrelevant"].get(key)
            return 1 / (share / rel + (1 - share) / irr) if rel and irr else None

        rows.append(
            [
                f"as streamed ({share:.0%} relevant)",
                _num(mixed("articles_per_s")),
                _num(mixed("articles_per_cpu_s")),
                "",
            ]
        )
    text = table(["articles", "articles/s (one core)", "articles per CPU-second", "MB/s"], rows)
    return (
        text + f"\n\nThe extractor found events in {found['relevant_with_events']:.0%} of the articles with "
        f"event sentences and in {found['irrelevant_with_events']:.1%} of the others "
        f"({found['share_with_events']:.1%} of the corpus)."
    )


def _notes(results: dict[str, Any]) -> str:
    """Observations about the run recorded beside its figures (`notes` in results.json), as a list."""
    notes = results.get("notes") or []
    return "".join(f"\n- {note}" for note in notes) + ("\n" if notes else "")


def _rounds(results: dict[str, Any]) -> str:
    rounds = results.get("rounds", 1)
    if rounds < 2:
        return ""
    return (
        f" Each job ran {rounds} times, all jobs in turn and then again; its figure is its best"
        ' round ("rounds" lists each one\'s articles/s), the same rule for every job: other load only'
        " ever slows a job down."
    )


def markdown(results: dict[str, Any]) -> str:
    """REPORT.md."""
    v = results.get("versions", {})
    goals = table(
        ["goal", "throughput ratio", "per CPU-second ratio", "target", "met"],
        [
            [goal, _num(ratio, 2), _num(cpu, 2), target, {True: "yes", False: "no", None: "–"}[met]]
            for goal, ratio, cpu, target, met in verdicts(results)
        ],
    )
    corpus_mb = results.get("corpus_bytes", 0) / 1e6
    return f"""# Benchmark report

Run `{results["run_id"]}` on {results["date"]}, {results["cores"]} cores ({results["machine"]}),
local single-node Kafka broker on the same machine. {results["messages"]:,} articles
({corpus_mb:,.0f} MB, {results.get("share_relevant", 0):.0%} with event sentences), {results["partitions"]}
partitions. Python {v.get("python")}, aiokafka {v.get("aiokafka")}, Quix Streams {v.get("quixstreams")},
FastStream {v.get("faststream")}. The whole run took {results["duration_s"] / 60:.1f} minutes.
{_notes(results)}
Every job reads the same input topic in its own consumer group and writes into
topics of its own. Throughput is the article count divided by the time from the
group becoming Stable to its committed offsets covering the whole input.{_rounds(results)} The
machine is shared, so compare ratios within this run rather than absolute numbers
across runs. "CPU ms/article" is the CPU time (user + system, all threads) the
job's processes (its whole process tree) used over that window divided by the article count; the "per
CPU-second" ratios compare those costs, which other load on the machine disturbs
far less than wall-clock time (the broker's own CPU is not in them). Regenerate
with `make bench`.

## Goals

{goals}

## End-to-end throughput

The passthrough is the service's own loop (same aiokafka client arguments, same
batch size and timeout, same commit or transaction per batch) with the extractor
taken out: each record is copied to an output topic. The peers run the same
extractor into the same kind of topics, each as its documentation shows.
FastStream has no consume-transform-produce transactions, so it runs
at-least-once only.

{throughput_table(results)}

![throughput, latency and memory]({PLOT})

## The loops alone

The same jobs again with `ingest.extract.extract` replaced by a function that
finds nothing (`bench.runners.bare`): each reads, decodes and commits every
article and publishes nothing. Beside the passthrough, which copies every
article, this shows what each framework's loop costs without the extractor, and
how much of each full job's time the extractor takes.

{loop_table(results)}

## Extraction in worker processes

`INGEST_PROCESSING_WORKERS=2`: the service process consumes, publishes and
commits; each batch is extracted in chunks by two worker processes. Same
corpus, same run as the rows above. The broker, the benchmark's own sampling
and any other load on the machine share the same cores, so two workers can
gain at most what the cores left idle by the in-process service allow.

{workers_table(results)}

## Latency

Articles produced at a steady rate (half the service's measured exactly-once
throughput), from the producer's timestamp to the first output of the article
being readable by a `read_committed` consumer.

{latency_table(results)}

## Memory

Resident set size of the job (the sum over its process tree: the service's
worker processes count), sampled every 0.2 s through the throughput run; growth compares the end of the run with the moment 10 % of the
input was committed.

{memory_table(results)}

## Scale-out

{scale_table(results)}

## Extraction alone

`ingest.extract.extract` in one process pinned to one core, no Kafka.

{extraction_table(results)}
"""


def summary(results: dict[str, Any]) -> str:
    """The short table printed at the end of a run."""
    lines = [f"\nbench {results['run_id']}  {results['date']}  {results['cores']} cores"]
    lines.append(
        f"{'job':<18}{'mode':<16}{'art/s':>9}{'MB/s':>8}{'÷ pass':>8}{'CPU ms/art':>11}{'peak RSS':>11}"
    )
    for row in results.get("throughput", []):
        if not row.get("ok"):
            lines.append(f"{row['job']:<18}{MODE_NAMES[row['mode']]:<16}{'failed':>9}")
            continue
        base = _rate(results, "passthrough", row["mode"])
        lines.append(
            f"{row['job']:<18}{MODE_NAMES[row['mode']]:<16}{row['articles_per_s']:>9,.0f}"
            f"{row['mb_per_s']:>8.2f}{_num(_ratio(row['articles_per_s'], base), 2):>8}"
            f"{_num(row.get('cpu_ms_per_article'), 2):>11}{_mib(row.get('rss_peak')):>11}"
        )
    lines.extend(
        f"latency {row['job']:<11} p50 {_num(row['p50_ms'], 0)} ms  p95 {_num(row['p95_ms'], 0)} ms  "
        f"p99 {_num(row['p99_ms'], 0)} ms  @ {row['rate']:.0f}/s"
        for row in results.get("latency", [])
    )
    for row in results.get("scale_out", []):
        one = _rate(results, "service", row["mode"])
        if row.get("ok"):
            lines.append(
                f"scale-out x{row['instances']}: {_num(_ratio(row['articles_per_s'], one), 2)} x one"
            )
    found = results.get("extraction")
    if found:
        lines.append(
            f"extraction alone: {found['relevant']['articles_per_s']:,.0f}/s relevant, "
            f"{found['irrelevant']['articles_per_s']:,.0f}/s irrelevant (one core); per CPU-s "
            f"{_num(found['relevant'].get('articles_per_cpu_s'))} and "
            f"{_num(found['irrelevant'].get('articles_per_cpu_s'))}"
        )
    for goal, ratio, cpu, target, met in verdicts(results):
        mark = {True: "ok ", False: "MISS", None: "?  "}[met]
        lines.append(f"[{mark}] {goal}: {_num(ratio, 2)} (per CPU-s {_num(cpu, 2)}; target {target})")
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path) -> None:
    """Throughput per job and mode, latency percentiles, and the service's RSS over the run."""
    import matplotlib  # noqa: PLC0415 - only the report needs it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    ax = axes[0]
    jobs = list(dict.fromkeys(r["job"] for r in results.get("throughput", []) if not _bare(r)))
    width = 0.38
    for offset, mode in ((-width / 2, "at_least_once"), (width / 2, "exactly_once")):
        values = [_rate(results, job, mode) for job in jobs]
        xs = [i + offset for i, v in enumerate(values) if v is not None]
        bars = ax.bar(xs, [v for v in values if v is not None], width, label=MODE_NAMES[mode])
        ax.bar_label(bars, fmt="%.0f", fontsize=7)
        for i, v in enumerate(values):
            if v is None:
                ax.text(i + offset, 0, "n/a", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(jobs)), jobs)
    ax.set_ylabel("articles/s")
    ax.set_title("End-to-end throughput")
    ax.legend()

    ax = axes[1]
    rows = results.get("latency", [])
    for i, row in enumerate(rows):
        values = [row["p50_ms"], row["p95_ms"], row["p99_ms"]]
        ax.bar([j + (i - 0.5) * width for j in range(3)], values, width, label=row["job"])
    ax.set_xticks(range(3), ["p50", "p95", "p99"])
    ax.set_ylabel("ms")
    rate = rows[0]["rate"] if rows else 0
    ax.set_title(f"Latency at {rate:.0f} articles/s (read_committed)")
    if rows:
        ax.legend()

    ax = axes[2]
    for row in results.get("throughput", []):
        if row.get("ok") and row.get("rss_timeline") and row["job"] in ("service", "passthrough", WORKERS):
            points = [(x * 100, y / 2**20) for x, y in row["rss_timeline"] if 0 <= x <= 1]
            xs, ys = [x for x, _ in points], [y for _, y in points]
            ax.plot(xs, ys, label=f"{row['job']} {MODE_NAMES[row['mode']]}")
    ax.set_xlabel("% of the run (group Stable to all committed)")
    ax.set_ylabel("RSS MiB")
    ax.set_title("Memory")
    ax.legend(fontsize=7)
    fig.suptitle(f"{results['messages']:,} articles, {results['cores']} cores, {results['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(results: dict[str, Any], directory: Path) -> None:
    """REPORT.md and the PNG plot into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    plot(results, directory / PLOT)
    (directory / "REPORT.md").write_text(markdown(results))


def main() -> None:
    """`python -m bench.report [RESULTS.json]`: write REPORT.md and the plot again from saved results."""
    import json  # noqa: PLC0415
    import sys  # noqa: PLC0415

    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "results" / "results.json"
    results = json.loads(source.read_text())
    write(results, source.parent)
    print(summary(results))


if __name__ == "__main__":
    main()
