"""Pack folders on disk: write a verified pack out, read a stored one back, hash a tree.

A stored pack is a folder holding `manifest.json`, `signature.json` and `content/`. It is
written in full (every file fsynced) under the staging folder and only then renamed
into place, so a half-written pack is never a pack. Reading one back follows no
symbolic link (the pack's folder itself is refused when it is one) and reads no more
than the limits allow.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from app.fsutil import fsync_dir, read_regular
from app.packs.archive import DEFAULT_LIMITS, Limits
from app.packs.errors import PackError
from app.packs.verify import CONTENT, MANIFEST, SIGNATURE, VerifiedPack

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def write_tree(dest: Path, pack: VerifiedPack) -> None:
    """Write the pack into the new, empty folder dest. Raises OSError."""
    dest.mkdir(parents=True)
    root = os.path.realpath(dest)
    _write(dest / MANIFEST, pack.manifest_bytes)
    _write(dest / SIGNATURE, pack.signature_bytes)
    for rel, data in sorted(pack.files.items()):
        target = dest / CONTENT / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        # The names were checked already; this is the second lock on the same door.
        if os.path.commonpath([root, os.path.realpath(target.parent)]) != root:
            raise OSError(f"{rel} would be written outside {dest}")
        _write(target, data)
    fsync_dir(dest)


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def read_tree(
    folder: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes, bytes, dict[str, bytes]]:
    """(manifest bytes, signature bytes, content files) of a stored pack. Raises PackError."""
    try:
        # the folder itself too, not only what is in it: a link in its place would load
        # whatever guide it points at, however it got there (checked like the files)
        if os.path.islink(folder):
            raise PackError("symlink", f"{folder} is a symbolic link.")
        manifest = _read(folder / MANIFEST, limits)
        signature = _read(folder / SIGNATURE, limits)
        files: dict[str, bytes] = {}
        content = folder / CONTENT
        if content.is_symlink() or not content.is_dir():
            raise PackError("file-missing", f"{content} is missing.")
        for here, dirs, names in os.walk(content):
            for name in dirs + names:
                if os.path.islink(os.path.join(here, name)):
                    raise PackError("symlink", f"{os.path.join(here, name)} is a symbolic link.")
            for name in names:
                path = Path(here) / name
                rel = path.relative_to(content).as_posix()
                files[rel] = _read(path, limits)
                if len(files) > limits.max_files:
                    raise PackError("too-many-files", f"{folder} holds too many files.")
    except OSError as e:
        raise PackError("storage", f"{e.filename or folder} cannot be read ({e.strerror}).") from e
    return manifest, signature, files


def _read(path: Path, limits: Limits) -> bytes:
    """A stored pack's file: no link followed, a pipe or a folder refused at once."""
    data = read_regular(path, limits.max_file_bytes, follow=False)
    if len(data) > limits.max_file_bytes:
        raise PackError("too-big", f"{path} is larger than a pack may carry.")
    return data


def file_hashes(root: Path, names: list[str]) -> dict[str, str]:
    """SHA-256 of each named file under root; a file that cannot be read hashes to ''."""
    out = {}
    for name in names:
        try:
            out[name] = hashlib.sha256((root / name).read_bytes()).hexdigest()
        except OSError:
            out[name] = ""
    return out


def remove_tree(path: Path) -> None:
    """Delete a folder we made; what cannot be deleted now is left for the next clean-up.
    A link put in its place is removed, never followed."""
    if os.path.islink(path):
        try:
            os.unlink(path)
        except OSError:
            pass
        return
    shutil.rmtree(path, ignore_errors=True)
