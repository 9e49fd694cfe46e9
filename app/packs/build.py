"""Make a signed pack from a content folder (what `python -m app pack` calls).

The content must pass the same check the app runs (`python -m app check`); any problem
refuses the pack, listed as `path:line: message`. The zip is reproducible: entries in
name order with a fixed date, so the same content, fields and key give the same bytes.

Before anything is read, the folder is looked over without following links: a private
signing key (a `.key` file, or a file holding a PEM or OpenSSH private key), a symbolic
link, or anything that is not a regular file or folder (a pipe, a socket, a device)
refuses the pack as `path: message`. A link would pack a file from outside the folder,
and a pipe would block the build forever; a key would be shipped to every app.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.fsutil import NotRegularFile, atomic_write, kind_of_mode, read_regular
from app.guide.checks import check
from app.guide.files import all_names
from app.guide.folder import is_private_key
from app.packs.archive import DEFAULT_LIMITS, Limits
from app.packs.errors import PackError
from app.packs.keys import raw_public
from app.packs.manifest import FileEntry, Manifest, created_now, field_problem
from app.packs.names import fold, unsafe_reason
from app.packs.verify import CONTENT, MANIFEST, SIGNATURE, signature_bytes

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
KEYS = "keys"  # content/keys/ holds the trusted keys: never packed, never read from a pack
TRANSLATIONS = "translations"  # content/translations/LANG/ is packed on its own


def guide_files(root: Path) -> list[str]:
    """Every file of the guide folder that a pack carries (hidden files, keys/ and
    translations/, which are other guides with packs of their own, left out)."""
    return [n for n in all_names(root) if fold(n).split("/")[0] not in (KEYS, TRANSLATIONS)]


def make_pack(
    content_dir: str | os.PathLike,
    key: Ed25519PrivateKey,
    *,
    id: str,
    title: str,
    version: str,
    language: str,
    approved_by: str,
    created: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    shown: str | None = None,
) -> tuple[bytes, Manifest]:
    """The pack's bytes and its manifest. Raises PackError (content problems in details)."""
    root = Path(content_dir)
    created = created or created_now()
    why = field_problem(id, title, version, language, created, approved_by)
    if why:
        raise PackError("bad-input", f"No pack was made: {why}.")
    if not root.is_dir():
        raise PackError("bad-input", f"The content folder {root} does not exist.")
    _refuse_what_must_not_be_packed(root, limits)  # before `check` opens any file
    report = check(root, shown)  # exactly what `python -m app check` runs
    if report.exit_code:
        n = len(report.lines)
        raise PackError(
            "content-problems",
            f"The content has {n} problem{'s' if n != 1 else ''}, so no pack was made: "
            "fix them (python -m app check) and pack again.",
            tuple(report.lines),
        )
    names = guide_files(root)
    _check_names(names, limits)
    files: dict[str, bytes] = {}
    total = 0
    for name in names:
        try:
            data = _read_regular(root / name, limits)
        except OSError as e:
            raise PackError("bad-input", f"{root / name} cannot be read ({e.strerror}).") from e
        if data is None:
            raise PackError("too-big", f"{name} is larger than a pack may carry in one file.")
        total += len(data)
        files[name] = data
    if total > limits.max_total_bytes:
        raise PackError("too-big", "The content is larger than a pack may carry.")
    manifest = Manifest(
        id=id,
        title=title,
        version=version,
        language=language,
        created=created,
        approved_by=approved_by,
        files={n: FileEntry(hashlib.sha256(b).hexdigest(), len(b)) for n, b in files.items()},
    )
    body = manifest.to_bytes()
    sig = signature_bytes(raw_public(key.public_key()), key.sign(body))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        _add(zf, MANIFEST, body)
        _add(zf, SIGNATURE, sig)
        for name in sorted(files):
            _add(zf, CONTENT + name, files[name])
    return buf.getvalue(), manifest


def _refuse_what_must_not_be_packed(root: Path, limits: Limits) -> None:
    """Look over every entry under root that is not hidden (hidden ones are never read or
    packed), following no link, and refuse the first that must not be packed."""
    for here, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted([*dirs, *(n for n in names if not n.startswith("."))]):
            path = Path(here) / name
            try:
                mode = os.lstat(path).st_mode
            except OSError as e:
                raise PackError("bad-input", f"{path} cannot be read ({e.strerror}).") from e
            if stat.S_ISLNK(mode):
                raise PackError(
                    "symlink",
                    f"{path}: a symbolic link cannot go in a pack; a pack holds only regular "
                    "files and folders.",
                )
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                raise PackError(
                    "not-a-file",
                    f"{path}: a {kind_of_mode(mode)} cannot go in a pack; a pack holds only "
                    "regular files and folders.",
                )
            if _holds_private_key(path, name, limits):
                raise PackError(
                    "private-key",
                    f"{path}: a private signing key must never go in a pack; move it out of "
                    "the content folder, keep it secret, and pack again.",
                )


def _holds_private_key(path: Path, name: str, limits: Limits) -> bool:
    try:
        data = _read_regular(path, limits)
    except OSError:
        return False  # unreadable: `check` or the packing step names it
    return is_private_key(name, data or b"")


def _read_regular(path: Path, limits: Limits) -> bytes | None:
    """The bytes of the regular file at path, opened without following a link and without
    blocking on a pipe (one swapped in after the look-over is refused, never waited on);
    None when it is larger than a pack may carry in one file. Raises OSError."""
    try:
        data = read_regular(path, limits.max_file_bytes, follow=False)
    except NotRegularFile as e:
        raise PackError(
            "not-a-file", f"{path}: it is not a regular file, so it cannot go in a pack."
        ) from e
    return None if len(data) > limits.max_file_bytes else data


def _check_names(names: list[str], limits: Limits) -> None:
    if not names:
        raise PackError("bad-input", "The content folder holds no files to pack.")
    if len(names) + 2 > limits.max_files:
        raise PackError(
            "too-many-files", f"The content has {len(names)} files; too many for a pack."
        )
    seen: dict[str, str] = {}
    for name in names:
        why = unsafe_reason(name)
        if why:
            raise PackError("unsafe-path", f"The file '{name}' cannot go in a pack: {why}.")
        if fold(name) in seen:
            raise PackError(
                "duplicate-name",
                f"'{name}' and '{seen[fold(name)]}' differ only in case: rename one.",
            )
        seen[fold(name)] = name


def _add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def write_pack(path: str | os.PathLike, data: bytes) -> None:
    """Write the pack atomically: a reader never sees half a pack under its name."""
    path = Path(path)
    try:
        atomic_write(path, data, mode=0o644)  # a pack is meant to be handed around
    except OSError as e:
        raise PackError(
            "storage", f"The pack could not be written to {path} ({e.strerror})."
        ) from e
