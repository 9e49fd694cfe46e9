"""`python -m app keygen | pack | verify-pack`: what app/cli.py calls.

Exit codes: 0 done / pack valid, 1 refused (content problems, an invalid pack, a key
file that already exists), 2 usage (a file or folder that is not there).
Every refusal is one sentence on stderr; content problems follow as `path:line: message`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TextIO

from app import i18n, paths
from app.fsutil import not_a_file, read_regular
from app.guide.folder import language_of
from app.packs.archive import Limits
from app.packs.build import make_pack, write_pack
from app.packs.disk import write_tree
from app.packs.errors import PackError
from app.packs.keys import fingerprint, keygen, load_keyring, load_private, raw_public
from app.packs.store import content_check
from app.packs.verify import CONTENT, VerifiedPack, inspect
from app.terminal import terminal_safe

USAGE_CODES = {"bad-input"}


def _fail(e: PackError, err: TextIO) -> int:
    _tell(e, err)
    return 2 if e.code in USAGE_CODES else 1


def _tell(e: PackError, err: TextIO) -> None:
    """The refusal and its details (`path:line: message`), each one line: a name or a field
    from a pack may hold a control character (U+009B moves the cursor as ESC [ does)."""
    _say(f"stairway: {e.message}", err)
    for line in e.details:
        _say(line, err)


def _say(line: str, stream: TextIO) -> None:
    """Print one line, as one line: a path typed with a line break in it (or a name or a
    field from a pack with a control character) is shown escaped (app/terminal.py)."""
    print(terminal_safe(line), file=stream)


def run_keygen(out_dir: str, name: str, out: TextIO, err: TextIO | None = None) -> int:
    err = err or sys.stderr
    try:
        private, public = keygen(out_dir, name)
        raw = raw_public(load_private(private).public_key())
    except PackError as e:
        return _fail(e, err)
    _say(f"private key: {private}  (keep it secret; it signs your packs)", out)
    _say(f"public key:  {public}  (copy it into content/keys/ of your app build)", out)
    _say(f"fingerprint: {fingerprint(raw)}", out)
    return 0


def run_pack(
    content_dir: str,
    key_file: str,
    out_file: str,
    fields: dict[str, str | None],
    out: TextIO,
    err: TextIO | None = None,
) -> int:
    """Check the content, then write the signed pack. `fields`: id, title, version,
    language, approved_by (None: the default)."""
    err = err or sys.stderr
    if not out_file:  # Path("") is the current folder: no file to write
        _say("stairway: give the pack file to write with --out, e.g. guide.stairway", err)
        return 2
    root = Path(content_dir)
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        _say(f"stairway: content directory '{content_dir}' {what}.", err)
        return 2
    dest = Path(out_file)
    if why := not_a_file(dest, "guide.stairway"):  # a pipe or /dev/null would be replaced
        _say(f"stairway: cannot write {out_file}: {why}", err)
        return 2
    if dest.resolve().is_relative_to(root.resolve()):
        _say(f"stairway: {out_file} is inside {content_dir}; write the pack elsewhere.", err)
        return 2
    if not Path(key_file).exists():
        _say(f"stairway: key file '{key_file}' does not exist.", err)
        return 2
    if dest.exists() and (dest.resolve() == Path(key_file).resolve()
                          or dest.suffix.lower() in (".key", ".pub")):
        # keygen never replaces a key; neither does a pack written over one by a slip
        _say(f"stairway: {out_file} is a key file; write the pack to a new name, e.g. "
             "guide.stairway.", err)
        return 2
    try:
        key = load_private(key_file)
        stem = Path(key_file).stem
        data, manifest = make_pack(
            root,
            key,
            id=fields.get("id") or stem,
            title=fields.get("title") or "Stairway guide",
            version=fields.get("version") or _date_version(),
            language=fields.get("language") or language_of(root),
            approved_by=fields.get("approved_by") or "",
        )
        write_pack(dest, data)
    except PackError as e:
        return _fail(e, err)
    raw = raw_public(key.public_key())
    _say(f"wrote {dest}: {manifest.id} {manifest.version}, {len(manifest.files)} files, "
         f"language {manifest.language}", out)
    for note in language_notes(manifest.language, language_of(root),
                               list(manifest.files)):
        _say(f"note: {note}", err)
    # a translation (content/translations/es) has no keys/: the app's content/keys decide
    keys = root / "keys" if (root / "keys").is_dir() else paths.keys_dir(paths.content_dir())
    trusted = load_keyring(keys).find(raw)
    if trusted:
        _say(f"signed with {trusted.name} ({trusted.fingerprint})", out)
    else:
        _say(
            f"signed with key {fingerprint(raw)}, which {keys} does not hold: "
            "an app built from this content will refuse the pack.",
            out,
        )
    return 0


def language_notes(language: str, written_in: str | None, files: list[str]) -> list[str]:
    """What a pack's language means for officers, when it may not be what was meant: a
    language the pack's folder is not written in (`pack --language fr` over the English
    guide), or one the app has no screens for and the pack brings no labels.txt for. The
    app shows the screens in that language and judges practice answers by its rules."""
    out = []
    base = language.split("-")[0].lower()
    if written_in is not None and base != written_in:
        out.append(f"language {language}, but this folder is the '{written_in}' guide (the "
                   f"'{base}' guide is kept in translations/{base}/): officers would read "
                   f"'{written_in}' guidance on '{base}' screens")
    labels = any(f.rsplit("/", 1)[-1] == i18n.LABELS_FILE for f in files)
    if base not in i18n.shipped() and not labels:
        out.append(f"the app has no screens in '{base}' and the pack has no "
                   f"{i18n.LABELS_FILE}: its screens show in English, and practice answers "
                   "are checked only against the guide's never-say list")
    return out


def _check_guide(pack: VerifiedPack) -> PackError | None:
    """What the app's import would say of the guide inside a signed, whole pack (its
    content checks), or None: unpacked into a temporary folder that is then removed."""
    with tempfile.TemporaryDirectory(prefix="stairway-verify-") as tmp:
        dest = Path(tmp) / "pack"
        try:
            write_tree(dest, pack)
        except OSError as e:
            return PackError("storage", f"The pack could not be unpacked to be checked ({e}).")
        try:
            content_check(dest / CONTENT.rstrip("/"))
        except PackError as e:
            return e
    return None


def _date_version() -> str:
    """The default version: the UTC date and time, so a later pack is always newer."""
    from app.packs.manifest import created_now

    c = created_now()  # 2026-11-30T14:05:00Z
    return f"{c[0:4]}.{int(c[5:7])}.{int(c[8:10])}.{c[11:13]}{c[14:16]}"


def run_verify(pack_file: str, keys_dir: str, out: TextIO, err: TextIO | None = None) -> int:
    """Print the manifest, the signature and every file's hash; 0 when all hold."""
    err = err or sys.stderr
    path = Path(pack_file)
    if not pack_file.strip():
        _say("stairway: give the pack file to check, e.g. guide.stairway", err)
        return 2
    if not path.exists():
        _say(f"stairway: pack file '{pack_file}' does not exist.", err)
        return 2
    limits = Limits()
    try:
        if path.stat().st_size > limits.max_pack_bytes:
            _say(f"stairway: {pack_file} is larger than a guide pack may be.", err)
            return 1
        data = read_regular(path)
    except OSError as e:
        _say(f"stairway: {pack_file} cannot be read ({e.strerror}).", err)
        return 2
    if not Path(keys_dir).is_dir():
        what = "is not a folder" if Path(keys_dir).exists() else "does not exist"
        _say(f"stairway: keys folder '{keys_dir}' {what}.", err)
        return 2
    ring = load_keyring(keys_dir)
    for problem in ring.problems:
        _say(f"note: {problem}", err)
    report, pack = inspect(data, ring, limits)
    if pack is not None:  # signed and whole: now the guide in it, as the app checks it
        content_error = _check_guide(pack)
        if content_error:
            report.errors.append(content_error)
    m = report.manifest
    if m:
        for label, value in (
            ("pack", m.id), ("title", m.title), ("version", m.version),
            ("language", m.language), ("created", m.created), ("approved by", m.approved_by),
        ):  # fmt: skip
            _say(f"{label + ':':13}{value}", out)
        for note in language_notes(m.language, None, list(m.files)):
            _say(f"note: {note}", err)
    if report.fingerprint:
        who = f"{report.signer.name} (trusted)" if report.signer else f"not trusted by {keys_dir}"
        _say(f"{'signed by:':13}{report.fingerprint}  {who}", out)
        state = "valid" if report.signature_valid else "NOT valid"
        _say(f"{'signature:':13}{state}", out)
    if report.files:
        n_ok = sum(c.status == "ok" for c in report.files)
        _say(f"{'files:':13}{n_ok} of {len(report.files)} match their SHA-256", out)
        for c in report.files:
            status = c.status.upper() if c.status != "ok" else "ok"
            _say(f"  {status:8} {c.name}", out)
    if pack is not None:
        state = "NOT valid" if report.errors else "no problems (the app's import check)"
        _say(f"{'guide:':13}{state}", out)
    if not report.errors:
        _say("pack is valid", out)
        return 0
    for e in report.errors:
        _tell(e, err)
    n = len(report.errors)
    _say(f"pack is NOT valid: {n} problem{'' if n == 1 else 's'}", out)
    return 1
