"""The `ingest` command: run the service, extract from files, replay files into Kafka."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ingest.extract import extract


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


def _extract(args: argparse.Namespace) -> int:
    out = sys.stdout
    for path in article_files(args.paths):
        text = path.read_text(encoding="utf-8")
        for event in extract(text, path.stem):
            out.write(event.model_dump_json())
            out.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p_extract = commands.add_parser("extract", help="articles on disk to JSON Lines events on stdout")
    p_extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p_extract.set_defaults(func=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code
