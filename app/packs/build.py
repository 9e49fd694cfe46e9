"""Make a signed pack from a content folder (what `python -m app pack` calls).

The content must pass the same check the app runs (`python -m app check`); any problem
refuses the pack, listed as `path:line: message`. The zip is reproducible: entries in
name order with a fixed date, so the same content, fields and key give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.fsutil import atomic_write
from app.guide.checks import check
from app.guide.files import all_names
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
            data = (root / name).read_bytes()
        except OSError as e:
            raise PackError("bad-input", f"{root / name} cannot be read ({e.strerror}).") from e
        if len(data) > limits.max_file_bytes:
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
