"""`python -m app` / `stairway`: serve (default), check, dump, export.

The glue at the edge: commands parse arguments, call the core (which returns values)
and print. `check` and `dump` read the configured content folder (app.paths: the
STAIRWAY_CONTENT_DIR environment variable, else the shipped content/) unless given one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from app import paths


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stairway", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="serve the app in offline web mode (default)")
    _serve_args(serve)

    where = "content folder (default: the configured one, see app/paths.py)"
    check = sub.add_parser("check", help="validate content; print PATH:LINE: message")
    check.add_argument("content_dir", nargs="?", default=None, help=where)

    dump = sub.add_parser("dump", help="print the compiled guide as JSON")
    dump.add_argument("content_dir", nargs="?", default=None, help=where)

    export = sub.add_parser("export", help="export one incident for the negotiator")
    export.add_argument("--incident", required=True, help="incident id")
    export.add_argument("--format", choices=["md", "json", "csv"], default="md")
    export.add_argument("--data-dir", default=None)
    export.add_argument("--out", default=None, help="file to write (default: stdout)")
    return p


def _serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8550)
    p.add_argument("--content-dir", default=None)
    p.add_argument("--data-dir", default=None)


def _content(arg: str | None) -> tuple[Path, str]:
    """The content folder and how to show it in messages: as given, or the configured
    folder relative to the current directory when it is under it."""
    if arg:
        return Path(arg), arg
    path = paths.content_dir()
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = ".."
    return path, str(path) if rel.startswith("..") else rel


def run_check(content_dir: str | None, out: TextIO) -> int:
    """Print every problem as `PATH:LINE: message` (a file's own syntax problems first),
    then one summary line. Exit code 0 clean, 1 problems, 2 no such content folder."""
    from app.guide.checks import ContentDirError, check

    path, shown = _content(content_dir)
    try:
        report = check(path, shown)
    except ContentDirError as e:
        return _usage(str(e), out)
    for line in report.lines:
        print(line, file=out)
    print(report.summary, file=out)
    return report.exit_code


def run_dump(content_dir: str | None, out: TextIO) -> int:
    """Print the compiled guide as JSON; problems also go to stderr as `PATH:LINE: ...`."""
    from app.guide.checks import ContentDirError, dump

    path, shown = _content(content_dir)
    try:
        data, report = dump(path, shown)
    except ContentDirError as e:
        return _usage(str(e), out)
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    for line in report.lines:
        print(line, file=sys.stderr)
    return report.exit_code


def _usage(message: str, out: TextIO) -> int:
    print(f"stairway: {message}", file=sys.stderr)
    if out is not sys.stdout and out is not sys.stderr:
        print(f"stairway: {message}", file=out)
    return 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "serve")
    args = _parser().parse_args(argv)

    if args.command == "check":
        return run_check(args.content_dir, sys.stdout)
    if args.command == "dump":
        return run_dump(args.content_dir, sys.stdout)
    if args.command == "export":
        from app.incidents.export import run_export

        return run_export(args.incident, args.format, args.data_dir, args.out, sys.stdout)

    from app.ui.serve import serve

    return serve(
        host=args.host,
        port=args.port,
        content_dir=Path(args.content_dir) if args.content_dir else None,
        data_dir=Path(args.data_dir) if args.data_dir else None,
    )
