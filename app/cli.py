"""`python -m app` / `stairway`: serve (default), check, dump, export, verify.

The commands' glue lives here: the core (`app.guide`, `app.incidents`) returns values
and raises typed errors; this module turns them into output and exit codes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO


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

    verify = sub.add_parser(
        "verify",
        help="check the chain of a JSON export: exit 0 intact, 1 changed or unreadable",
    )
    verify.add_argument("file", help="an incident exported as JSON")
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
        return run_export(args.incident, args.format, args.data_dir, args.out, sys.stdout)
    if args.command == "verify":
        return run_verify(args.file, sys.stdout)

    from app.ui.serve import serve

    return serve(
        host=args.host,
        port=args.port,
        content_dir=Path(args.content_dir) if args.content_dir else None,
        data_dir=Path(args.data_dir) if args.data_dir else None,
    )


def _say(sentence: str) -> None:
    from app.incidents.validate import clean_text

    print(f"stairway: {clean_text(sentence)}", file=sys.stderr)


def run_export(
    incident_id: str,
    fmt: str,
    data_dir: str | None,
    out_file: str | None,
    stdout: TextIO,
) -> int:
    """`python -m app export`: 0 on success, 1 with one line on stderr otherwise."""
    from app import paths
    from app.fsutil import atomic_write
    from app.incidents import IncidentError, IncidentLog

    try:
        log = IncidentLog(paths.data_dir(data_dir), preload=False)
        text = log.export(incident_id, fmt)
        for sentence in log.warnings:
            _say(sentence)
        if out_file:
            atomic_write(Path(out_file), text)
        else:
            stdout.write(text)
            stdout.flush()
    except IncidentError as err:
        _say(str(err))
        return 1
    except OSError as err:
        _say(f"cannot write {err.filename or out_file}: {err.strerror}")
        return 1
    return 0


def run_verify(path: str, stdout: TextIO) -> int:
    """`python -m app verify FILE.json`: "N entries, chain intact, head XXXX XXXX XXXX"
    and 0, or the first entry changed, removed or inserted and 1."""
    from app.incidents import IncidentError
    from app.incidents.export import verify

    try:
        raw = Path(path).read_bytes()
        _, _, status = verify(raw.decode("utf-8"))
    except OSError as err:
        _say(f"cannot read {path}: {err.strerror}")
        return 1
    except UnicodeDecodeError:
        _say(f"{path} is not a text file.")
        return 1
    except IncidentError as err:
        _say(f"{path}: {err}")
        return 1
    if status.intact:
        stdout.write(status.sentence + "\n")
        return 0
    _say(f"{path}: {status.problem}")
    stdout.write(status.sentence + "\n")
    return 1
