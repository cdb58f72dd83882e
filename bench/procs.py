"""Processes under test: started with an environment, sampled for memory, stopped with SIGTERM.

A job may start processes of its own (the service's extraction workers): CPU
time and resident memory are those of the job's whole process tree.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time `pid` has used so far (from /proc/PID/stat), or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    # After the command name: state is field 3, utime field 14 and stime field 15 of the full line.
    return (int(fields[11]) + int(fields[12])) / _TICKS


def descendants(pid: int) -> list[int]:
    """The live processes below `pid` (children, their children, ...), from /proc/PID/task/*/children."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except (OSError, ValueError):
                continue
            found.extend(kids)
            pending.extend(kids)
    return found


def tree_cpu_seconds(pid: int) -> float | None:
    """CPU seconds of `pid` and its live descendants (None when `pid` is gone)."""
    own = cpu_seconds(pid)
    if own is None:
        return None
    return own + sum(cpu_seconds(kid) or 0.0 for kid in descendants(pid))


def tree_rss_bytes(pid: int) -> int | None:
    """Resident bytes of `pid` and its live descendants (None when `pid` is gone)."""
    own = rss_bytes(pid)
    if own is None:
        return None
    return own + sum(rss_bytes(kid) or 0 for kid in descendants(pid))


def rss_bytes(pid: int) -> int | None:
    """The resident set size of `pid` from /proc (VmRSS), or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


@dataclass
class Proc:
    """A running job: its process, log file, memory samples (monotonic time, bytes) and CPU samples."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path
    rss: list[tuple[float, int]] = field(default_factory=list)
    cpu: list[tuple[float, float]] = field(default_factory=list)

    def alive(self) -> bool:
        return self.process.poll() is None

    def rss_at(self, when: float) -> int | None:
        """The last memory sample taken at or before `when`."""
        return _at(self.rss, when)

    def cpu_at(self, when: float) -> float | None:
        """The CPU seconds used by `when` (last sample at or before it)."""
        return _at(self.cpu, when)

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _at(samples: list[tuple[float, T]], when: float) -> T | None:
    found = None
    for t, value in samples:
        if t > when:
            break
        found = value
    return found


def start(name: str, argv: list[str], env: dict[str, str], logs: Path, cwd: Path) -> Proc:
    """Start `argv` with `env` added to this process's environment; output goes to `logs/<name>.log`."""
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv,
            env={**os.environ, **env},
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Proc(name, process, log)


async def sample_memory(procs: list[Proc], stop: asyncio.Event, interval: float = 0.2) -> None:
    """Append an RSS and a CPU-time sample of every live job (its process tree) each `interval` s until `stop`
    is set."""
    while not stop.is_set():
        now = time.monotonic()
        for proc in procs:
            value = tree_rss_bytes(proc.process.pid)
            used = tree_cpu_seconds(proc.process.pid)
            if value is not None and used is not None:
                proc.rss.append((now, value))
                proc.cpu.append((now, used))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


async def stop(proc: Proc, grace: float = 25.0) -> int | None:
    """SIGTERM the process, wait up to `grace` s, then SIGKILL its process group; the exit code."""
    if proc.alive():
        proc.process.send_signal(signal.SIGTERM)
    try:
        return await asyncio.to_thread(proc.process.wait, grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.process.pid, signal.SIGKILL)
        return await asyncio.to_thread(proc.process.wait)
