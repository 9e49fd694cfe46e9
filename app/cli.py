"""`python -m app` / `stairway`: serve (default), check, dump, export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stairway", description=__doc__)
    sub = p.add_subparsers(dest="command")

    serve = sub.add_parser("serve", help="serve the app in offline web mode (default)")
    _serve_args(serve)

    check = sub.add_parser("check", help="validate content; print PATH:LINE: message")
    check.add_argument("content_dir", nargs="?", default="content")

    dump = sub.add_parser("dump", help="print the compiled guide as JSON")
    dump.add_argument("content_dir", nargs="?", default="content")

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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "serve")
    args = _parser().parse_args(argv)

    if args.command == "check":
        from app.guide.checks import run_check

        return run_check(args.content_dir, sys.stdout)
    if args.command == "dump":
        from app.guide.checks import run_dump

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
