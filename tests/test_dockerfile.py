"""The container image: static checks of the Dockerfile and a replay of its install steps.

No Docker engine runs here, so the Dockerfile is read as data: hadolint lints it,
its runtime stage is checked for the properties Kubernetes relies on, and the
build stage's `RUN` steps are replayed in a fresh virtual environment to prove
the image would install from the same constraints as CI and start.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest
from tooling import validation_tool

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
VENV_IN_IMAGE = "/opt/ingest"
BUILD_VENV_IN_IMAGE = "/opt/build"
WHEELS_IN_IMAGE = "/wheels"


@dataclass(frozen=True)
class Instruction:
    """One Dockerfile instruction, continuation lines joined, in the stage it belongs to."""

    stage: str
    keyword: str
    arguments: str
    line: int


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions in order; comments dropped, `\\` continuations joined, stages named by `AS`."""
    instructions: list[Instruction] = []
    stage = ""
    pending = ""
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        keyword, _, arguments = whole.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            match = re.search(r"\s+AS\s+(\S+)\s*$", arguments, flags=re.IGNORECASE)
            stage = match.group(1) if match else str(len(instructions))
        instructions.append(Instruction(stage, keyword, " ".join(arguments.split()), start))
    return instructions


def _instructions() -> list[Instruction]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def _stages() -> list[str]:
    return [i.stage for i in _instructions() if i.keyword == "FROM"]


def _in_stage(stage: str, keyword: str) -> list[Instruction]:
    return [i for i in _instructions() if i.stage == stage and i.keyword == keyword]


def test_hadolint_finds_nothing() -> None:
    """hadolint (every rule, info level and up) reports no finding on the Dockerfile."""
    result = subprocess.run(
        [str(validation_tool("hadolint")), "--no-color", "--failure-threshold", "info", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_image_is_one_slim_python_311_pinned_by_tag_and_digest() -> None:
    """Both stages start from the same slim Python 3.11 image, pinned by exact tag and by digest."""
    images = {i.arguments.split()[0] for i in _instructions() if i.keyword == "FROM"}
    assert len(images) == 1, images
    (image,) = images
    assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+@sha256:[0-9a-f]{64}", image), image
    assert _stages() == ["build", "runtime"]


def test_runtime_stage_runs_as_numeric_non_root_user() -> None:
    """The final stage switches to a numeric non-root UID:GID, so `runAsNonRoot` can verify it."""
    users = _in_stage("runtime", "USER")
    assert users, "runtime stage has no USER"
    uid, _, gid = users[-1].arguments.partition(":")
    assert uid.isdigit(), users[-1]
    assert int(uid) >= 10000, users[-1]
    assert gid.isdigit(), users[-1]
    assert int(gid) >= 10000, users[-1]
    assert users[-1].line > max(i.line for i in _in_stage("runtime", "RUN"))


def test_entrypoint_and_cmd_are_exec_form() -> None:
    """`ENTRYPOINT ["ingest"]` and `CMD ["run"]` in exec form, so SIGTERM reaches the service as PID 1."""
    (entrypoint,) = _in_stage("runtime", "ENTRYPOINT")
    (cmd,) = _in_stage("runtime", "CMD")
    assert json.loads(entrypoint.arguments) == ["ingest"]
    assert json.loads(cmd.arguments) == ["run"]


def test_image_has_no_healthcheck_and_exposes_the_metrics_port() -> None:
    """No HEALTHCHECK (Kubernetes probes /livez and /readyz instead) and port 9100 is declared."""
    keywords = [i.keyword for i in _instructions()]
    assert "HEALTHCHECK" not in keywords
    assert [i.arguments for i in _in_stage("runtime", "EXPOSE")] == ["9100"]


def test_runtime_stage_only_copies_the_built_environment() -> None:
    """The runtime stage takes the virtual environment from the build stage and nothing from the context."""
    copies = _in_stage("runtime", "COPY")
    assert [c.arguments for c in copies] == [f"--from=build {VENV_IN_IMAGE} {VENV_IN_IMAGE}"]
    env = " ".join(i.arguments for i in _in_stage("runtime", "ENV"))
    assert f"PATH={VENV_IN_IMAGE}/bin:" in env
    assert "PYTHONDONTWRITEBYTECODE=1" in env


def _ignore_patterns() -> list[str]:
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def in_build_context(relative: str, patterns: list[str]) -> bool:
    """Whether `.dockerignore` lets `relative` into the build context (last matching rule wins)."""
    keep = True
    parts = relative.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    for pattern in patterns:
        negate = pattern.startswith("!")
        body = pattern[1:] if negate else pattern
        body = body.rstrip("/")
        if any(fnmatch(prefix, body) or fnmatch(prefix, body.replace("**/", "*/")) for prefix in prefixes):
            keep = negate
    return keep


def _context_files() -> list[str]:
    patterns = _ignore_patterns()
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [name for name in tracked if in_build_context(name, patterns) and (ROOT / name).is_file()]


def test_dockerignore_keeps_the_context_to_what_the_build_copies() -> None:
    """The build context holds the package, pyproject, constraints and README, and no tests, caches or venvs."""
    files = _context_files()
    assert {"pyproject.toml", "constraints.txt", "README.md", "setup.py", "ingest/cli.py"} <= set(files)
    assert not [f for f in files if f.startswith(("tests/", "deploy/", ".venv/", ".cache/", ".git/"))]
    patterns = _ignore_patterns()
    assert not in_build_context(".venv/bin/python", patterns)
    assert not in_build_context("ingest/extract/__pycache__/text.cpython-311.pyc", patterns)
    assert in_build_context("ingest/extract/data/countries.tsv", patterns)
    assert not in_build_context("ingest/extract/arms.cpython-311-x86_64-linux-gnu.so", patterns)


def _replay_build_stage(workdir: Path, venv: Path) -> None:
    """Runs the build stage's COPY and RUN steps with /opt/ingest mapped to `venv`, the build venv and the
    wheel directory to siblings of it, and WORKDIR to `workdir`. The system packages step is checked, not
    run: this machine has the compiler it installs."""
    patterns = _ignore_patterns()
    files = _context_files()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    python = shutil.which("python3.11") or sys.executable
    for step in _instructions():
        if step.stage != "build":
            continue
        if step.keyword == "ENV":
            env.update(re.findall(r"(\w+)=(\S+)", step.arguments))
        elif step.keyword == "COPY":
            *sources, target = shlex.split(step.arguments)
            for source in sources:
                chosen = [f for f in files if f == source or f.startswith(source.rstrip("/") + "/")]
                assert chosen, f"COPY {source} (line {step.line}) copies nothing from the build context"
                for name in chosen:
                    assert in_build_context(name, patterns)
                    inside = Path(name).name if name == source else Path(name).relative_to(source.rstrip("/"))
                    destination = workdir / target / inside
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(ROOT / name, destination)
        elif step.keyword == "RUN" and step.arguments.startswith("apt-get update"):
            assert "gcc" in step.arguments
            assert shutil.which("gcc"), "the build stage compiles with gcc"
        elif step.keyword == "RUN":
            command = step.arguments.replace(VENV_IN_IMAGE, str(venv))
            command = command.replace(BUILD_VENV_IN_IMAGE, str(venv.parent / "opt-build"))
            command = command.replace(WHEELS_IN_IMAGE, str(venv.parent / "wheels"))
            command = re.sub(r"(^|&&\s*)python(\s)", rf"\g<1>{python}\g<2>", command)
            result = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", command],
                cwd=workdir,
                env=env,
                capture_output=True,
                text=True,
                timeout=540,
                check=False,
            )
            assert result.returncode == 0, (
                f"RUN at line {step.line} failed:\n{result.stdout}\n{result.stderr}"
            )


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_install_steps_build_a_working_ingest_command(tmp_path: Path) -> None:
    """Replaying the build stage in a fresh venv yields an `ingest` whose --help and extract work."""
    runs = " ".join(i.arguments for i in _in_stage("build", "RUN"))
    assert "pip install" in runs
    assert "-c constraints.txt '.[dev]'" in runs
    assert "INGEST_COMPILE=1" in runs
    workdir = tmp_path / "src"
    workdir.mkdir()
    venv = tmp_path / "opt-ingest"
    _replay_build_stage(workdir, venv)

    ingest = venv / "bin" / "ingest"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INGEST_") and k != "VIRTUAL_ENV"}
    for argv in (["--help"], ["run", "--help"]):
        helped = subprocess.run(
            [str(ingest), *argv], cwd=tmp_path, env=clean, capture_output=True, text=True, check=False
        )
        assert helped.returncode == 0, f"ingest {' '.join(argv)}: {helped.stderr}"

    article = tmp_path / "article.txt"
    article.write_text("Reuters reported the news on Monday.\n", encoding="utf-8")
    extracted = subprocess.run(
        [str(ingest), "extract", str(article)],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )
    assert extracted.returncode == 0, extracted.stderr
    compiled = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import ingest.extract, ingest.extract._sources as s; "
         "print(' '.join(s.compiled_modules()))"],
        cwd=tmp_path, env=clean, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert {"arms", "sanctions", "text"} <= set(compiled), "the image's extractor is not compiled"

    frozen = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pins = {
        line.split("==")[0].lower().replace("_", "-"): line.split("==")[1]
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    for line in frozen.splitlines():
        name, sep, version = line.partition("==")
        key = name.lower().replace("_", "-")
        if sep and key in pins:
            assert version == pins[key], f"{name} installed {version}, constraints.txt pins {pins[key]}"
    assert "aiokafka==" in frozen
    installed = {line.partition("==")[0].lower() for line in frozen.splitlines()}
    assert not installed & {"pytest", "mypy", "ruff", "hypothesis"}, "dev dependencies leaked into the image"
