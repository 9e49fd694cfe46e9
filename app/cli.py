"""`python -m app` / `stairway`: serve (default), check, dump, export, verify, keygen,
pack, verify-pack, practice classify, practice kept.

`practice` lives in app.practice.commands, `export` and `verify` in app.incidents_cli,
`keygen`, `pack` and `verify-pack` in app.packs.cli.

The glue at the edge: commands parse arguments, call the core (which returns values
and raises typed errors) and print, with exit codes. `check` and `dump` read the
configured content folder (app.paths: the STAIRWAY_CONTENT_DIR environment variable,
else the shipped content/) unless given one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from app import paths
from app.incidents_cli import run_export, run_verify  # noqa: F401 (tests import them here)
from app.terminal import terminal_safe


def _about() -> str:
    """The help's first line: the docstring's first paragraph (it names every command)."""
    return " ".join(__doc__.split("\n\n")[0].split())


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stairway", description=_about())
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

    verify = sub.add_parser(
        "verify", help="check the chain of an incident's JSON export (exit 0 intact, 1 not)"
    )
    verify.add_argument("file", help="an incident exported as JSON")
    _pack_args(sub)

    # listed here for --help; `main` hands `practice ...` to _practice_parser
    sub.add_parser("practice", help='practice drills: practice classify [--said "..."] '
                   '"ANSWER", practice kept [--data-dir DIR]')
    return p


def _pack_args(sub) -> None:
    keygen = sub.add_parser("keygen", help="make an Ed25519 key pair to sign guide packs")
    keygen.add_argument("--out", required=True, help="folder for NAME.key and NAME.pub")
    keygen.add_argument("--name", default="department", help="key name (default: department)")

    pack = sub.add_parser("pack", help="check the content, then write a signed guide pack")
    pack.add_argument("content_dir", nargs="?", default=None, help="content folder to pack")
    pack.add_argument("--key", required=True, help="private key file from keygen")
    pack.add_argument("--out", required=True, help="pack file to write, e.g. guide.stairway")
    pack.add_argument("--approved-by", required=True, help="who approved this guide")
    pack.add_argument("--id", default=None, help="pack id (default: the key's name)")
    pack.add_argument("--title", default=None, help="pack title (default: Stairway guide)")
    pack.add_argument("--version", default=None, help="e.g. 2026.11 (default: now, UTC)")
    pack.add_argument("--language", default=None,
                      help="language code (default: LANG for translations/LANG/, else en)")

    verify = sub.add_parser("verify-pack", help="check a pack's signature and every hash")
    verify.add_argument("file")
    verify.add_argument("--keys", default=None, help="trusted keys (default: content/keys)")


def _port(text: str) -> int:
    """A TCP port, 1 to 65535: 70000 was served on 4464 (70000 mod 65536) while the app
    said it was running at :70000."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535")
    return port


def _host(text: str) -> str:
    """An address to listen on: "" listened on every interface, said as "serving on , "."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give an address, e.g. 127.0.0.1 (this device only) "
                                         "or 0.0.0.0 (every network): an empty one means "
                                         "every network")
    return text


def _serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", type=_host, default="127.0.0.1")
    p.add_argument("--port", type=_port, default=8550, help="1 to 65535 (default 8550)")
    p.add_argument("--content-dir", default=None)
    p.add_argument("--data-dir", default=None)
    p.add_argument("--watch", action="store_true",
                   help="live preview for instructors: show every save in the content "
                   "folder on every open page (packs are off)")


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
        print(terminal_safe(line), file=out)
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
        print(terminal_safe(line), file=sys.stderr)
    return report.exit_code


# An empty path ("") named no file: check and dump read the default folder, keygen wrote
# into the current one, export printed to stdout. It is a usage error, as a path that is
# not there is. (`verify ""` and `verify-pack ""` ask for the file in their own words.)
EMPTY_PATHS = {
    "content_dir": "the content folder, e.g. content",
    "data_dir": "the data folder (--data-dir)",
    "out": "the file or folder to write (--out)",
    "key": "the private key file (--key)",
    "keys": "the folder of trusted keys (--keys)",
}


def empty_path(args: dict) -> str | None:
    """The sentence for the first path argument given as "" or too long to use, or None."""
    for name, what in EMPTY_PATHS.items():
        if args.get(name) == "":
            return f"give {what}: an empty path names no file or folder"
    for name in (*EMPTY_PATHS, "file"):
        value = args.get(name)
        if isinstance(value, str) and paths.too_long(value):
            return paths.long_path_said(value)
    return None


def _usage(message: str, out: TextIO) -> int:
    line = f"stairway: {terminal_safe(message)}"  # the path as typed, line breaks escaped
    print(line, file=sys.stderr)
    if out is not sys.stdout and out is not sys.stderr:
        print(line, file=out)
    return 2


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a console that is not UTF-8 (cp1252, ascii):
        try:  # a character it cannot show is printed as \u2019, never a traceback
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # not a text file (a test's StringIO)
            pass
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv.insert(0, "serve")
    if argv[0] == "practice":
        from app.practice import commands

        return commands.main(argv[1:], _content, sys.stdout)
    args = _parser().parse_args(argv)
    if why := empty_path(vars(args)):
        return _usage(why, sys.stdout)

    if args.command == "check":
        return run_check(args.content_dir, sys.stdout)
    if args.command == "dump":
        return run_dump(args.content_dir, sys.stdout)
    if args.command == "export":
        return run_export(args.incident, args.format, args.data_dir, args.out, sys.stdout)
    if args.command == "verify":
        return run_verify(args.file, sys.stdout)

    if args.command in ("keygen", "pack", "verify-pack"):
        return _packs(args)

    from app.ui.serve import serve

    return serve(
        host=args.host,
        port=args.port,
        content_dir=Path(args.content_dir) if args.content_dir else None,
        data_dir=Path(args.data_dir) if args.data_dir else None,
        watch=args.watch,
    )


def _packs(args: argparse.Namespace) -> int:
    from app.packs import cli

    if args.command == "keygen":
        return cli.run_keygen(args.out, args.name, sys.stdout)
    if args.command == "pack":
        fields = {
            "id": args.id,
            "title": args.title,
            "version": args.version,
            "language": args.language,
            "approved_by": args.approved_by,
        }
        content, _ = _content(args.content_dir)
        return cli.run_pack(str(content), args.key, args.out, fields, sys.stdout)
    keys = args.keys or str(paths.keys_dir(paths.content_dir()))
    return cli.run_verify(args.file, keys, sys.stdout)
