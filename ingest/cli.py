"""The `ingest` command: run the service, extract from files, replay files into Kafka."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.errors import ConfigError, KafkaFault
from ingest.extract import extract
from ingest.settings import Settings, load_settings


def article_files(paths: Sequence[str]) -> Iterator[Path]:
    """The article files named, folders expanded to their `*.txt` and `*.json` files in name order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix in (".txt", ".json") and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(f"no such file or folder: {name}")


def read_article(path: Path) -> str:
    """The article text of a file, read the same way by `extract` and `replay`."""
    return path.read_text(encoding="utf-8")


def _extract(args: argparse.Namespace) -> int:
    out = sys.stdout
    for path in article_files(args.paths):
        text = read_article(path)
        for event in extract(text, path.stem):
            out.write(event.model_dump_json())
            out.write("\n")
    return 0


def _run(args: argparse.Namespace) -> int:
    from ingest.logs import configure_logging  # noqa: PLC0415 - only the service needs logging set up
    from ingest.service import serve  # noqa: PLC0415

    settings = _settings()
    configure_logging(settings.log)
    return asyncio.run(serve(settings, args.until_idle))


def _replay(args: argparse.Namespace) -> int:
    from ingest.kafka.replay import replay  # noqa: PLC0415 - aiokafka only for the commands that use it

    settings = _settings()
    files = list(article_files(args.paths))
    topic = args.topic or settings.topics.raw
    count = asyncio.run(replay(settings.kafka, topic, [(p.stem, read_article(p)) for p in files]))
    print(f"published {count} article(s) to {topic}", file=sys.stderr)
    return 0


def _config(_: argparse.Namespace) -> int:
    print(json.dumps(_settings().masked(), indent=2, sort_keys=True))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from ingest.evaluate import main as evaluate  # noqa: PLC0415 - loaded only when asked for

    code: int = evaluate(gold=args.gold, articles=args.articles)
    return code


def _schemas(args: argparse.Namespace) -> int:
    from ingest.schemas import main as schemas  # noqa: PLC0415 - loaded only when asked for

    code: int = schemas(write=args.write, check=args.check)
    return code


def _settings() -> Settings:
    return load_settings()


def _positive(value: str) -> float:
    seconds = float(value)
    if seconds <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p_run = commands.add_parser("run", help="consume raw articles and publish events (the service)")
    p_run.add_argument(
        "--until-idle",
        type=_positive,
        metavar="SECONDS",
        help="exit once every assigned partition is consumed and nothing arrived for SECONDS",
    )
    p_run.set_defaults(func=_run)

    p_extract = commands.add_parser("extract", help="articles on disk to JSON Lines events on stdout")
    p_extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p_extract.set_defaults(func=_extract)

    p_replay = commands.add_parser("replay", help="publish article files as raw-article messages")
    p_replay.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p_replay.add_argument("--topic", help="topic to publish to (default: the raw topic setting)")
    p_replay.set_defaults(func=_replay)

    p_config = commands.add_parser("config", help="print the effective configuration (secrets masked)")
    p_config.set_defaults(func=_config)

    p_eval = commands.add_parser("eval", help="score the extractor against gold annotations")
    p_eval.add_argument("gold", type=Path, metavar="GOLD", help="gold annotations (JSON Lines)")
    p_eval.add_argument("articles", type=Path, metavar="ARTICLES_DIR", help="folder of the gold articles")
    p_eval.set_defaults(func=_eval)

    p_schemas = commands.add_parser("schemas", help="write or check the JSON Schemas of the messages")
    group = p_schemas.add_mutually_exclusive_group()
    group.add_argument("--write", type=Path, metavar="DIR", help="write the schemas into DIR")
    group.add_argument("--check", type=Path, metavar="DIR", help="fail when DIR's schemas are out of date")
    p_schemas.set_defaults(func=_schemas)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    except KafkaFault as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    return code
