"""`python -m app` / `stairway`: serve (default), check, dump, export, keygen, pack,
verify-pack."""

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
    _pack_args(sub)
    return p


def _pack_args(sub) -> None:
    keygen = sub.add_parser("keygen", help="make an Ed25519 key pair to sign guide packs")
    keygen.add_argument("--out", required=True, help="folder for NAME.key and NAME.pub")
    keygen.add_argument("--name", default="department", help="key name (default: department)")

    pack = sub.add_parser("pack", help="check the content, then write a signed guide pack")
    pack.add_argument("content_dir", nargs="?", default="content")
    pack.add_argument("--key", required=True, help="private key file from keygen")
    pack.add_argument("--out", required=True, help="pack file to write, e.g. guide.stairway")
    pack.add_argument("--approved-by", required=True, help="who approved this guide")
    pack.add_argument("--id", default=None, help="pack id (default: the key's name)")
    pack.add_argument("--title", default=None, help="pack title (default: Stairway guide)")
    pack.add_argument("--version", default=None, help="e.g. 2026.11 (default: now, UTC)")
    pack.add_argument("--language", default=None, help="language code (default: en)")

    verify = sub.add_parser("verify-pack", help="check a pack's signature and every hash")
    verify.add_argument("file")
    verify.add_argument("--keys", default=None, help="trusted keys (default: content/keys)")


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

    if args.command in ("keygen", "pack", "verify-pack"):
        return _packs(args)

    from app.ui.serve import serve

    return serve(
        host=args.host,
        port=args.port,
        content_dir=Path(args.content_dir) if args.content_dir else None,
        data_dir=Path(args.data_dir) if args.data_dir else None,
    )


def _packs(args: argparse.Namespace) -> int:
    from app import paths
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
        return cli.run_pack(args.content_dir, args.key, args.out, fields, sys.stdout)
    keys = args.keys or str(paths.keys_dir(paths.content_dir()))
    return cli.run_verify(args.file, keys, sys.stdout)
