"""The one way Stairway replaces a file: `atomic_write(path, data)`; and the one way it
reads a file a person named: `read_regular(path)`, which never waits on a pipe.

`not_a_file(path)` says why a command must not replace a path it was told to write.
A damaged file is never deleted: `move_aside(path)` renames it `NAME.corrupt-TIME`, and
`whole_json(text, opener, keep)` finds what is still whole in its text (practice history's
records, `app.practice.salvage`; the drafts' entries, `app.drafts`).

Used by the preferences, the compiled guide cache, the incident store and exports.
The data goes to a temp file with a unique name in the same folder (so two writers at
once never share one), is fsynced, then `os.replace`d over the target and the folder is
fsynced: after a crash or a kill the file is the old version or the new one, never half,
never a mix of two writers. A failed write removes its temp file and raises the OSError.
Temp names end in `.tmp` and start with a dot; `remove_temps(folder)` clears the ones a
killed process left behind.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotRegularFile(OSError):
    """A path that is a named pipe, a socket or a device: reading it could wait forever;
    or a folder (errno EISDIR, as opening one for reading says)."""

    @classmethod
    def of(cls, mode: int, path: object) -> NotRegularFile:
        code = errno.EISDIR if stat.S_ISDIR(mode) else 0
        return cls(code, f"it is a {kind_of_mode(mode)}, not a file", str(path))


def kind_of_mode(mode: int) -> str:
    """What a path that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device file"
    return "special file"


def not_a_file(path: Path, example: str) -> str | None:
    """Why a command's `--out` must not be written (the write replaces the path with a new
    file): it is a folder, a device or a pipe (`--out /dev/null` would replace the device
    itself). None for a regular file, a link, or a new name. `example` is a file name to
    suggest (incident.md). Shared by `export --out` and `pack --out`."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None  # not there yet (or unreadable: the write says why)
    if stat.S_ISDIR(mode):
        return f"it is a folder: give a file name, e.g. {example}"
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        return "it is not a regular file (a device or a pipe): give a file name"
    return None


def read_regular(path: Path, limit: int | None = None, *, follow: bool = True) -> bytes:
    """The bytes of the regular file at path (at most limit + 1 of them when a limit is
    given, so a caller can tell "too big"). It is opened without blocking, so a named pipe
    or a device raises NotRegularFile at once instead of waiting for a writer; with
    follow=False a symbolic link raises OSError (ELOOP). Raises OSError."""
    fd = os.open(path, os.O_RDONLY | NONBLOCK | (0 if follow else NOFOLLOW))
    try:  # looked at before fdopen, which names a folder by its descriptor ("3")
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegularFile.of(mode, path)
    with os.fdopen(fd, "rb") as fh:
        return fh.read() if limit is None else fh.read(limit + 1)


def atomic_write(
    path: str | os.PathLike, data: bytes | str | Iterable[bytes], mode: int = 0o600
) -> None:
    """Replace `path` with `data` atomically and durably. `data` is bytes, str (written
    as UTF-8) or an iterable of bytes chunks (written as they come, e.g. by a
    background thread that must not build one big string)."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    chunks = [data] if isinstance(data, bytes | bytearray | memoryview) else data
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, mode)
    try:
        try:
            for chunk in chunks:
                write_all(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise
    fsync_dir(path.parent)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_dir(path: str | os.PathLike) -> None:
    """Make a rename or a new file in `path` durable (no-op where unsupported)."""
    if os.name == "nt":  # pragma: no cover
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself was synced
    finally:
        os.close(fd)


def unlink_quietly(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def remove_temps(folder: str | os.PathLike, older_than: float = 0.0) -> list[str]:
    """Delete the `*.tmp` files a killed write left in `folder`; their names. With
    `older_than` (seconds), a newer one is left: it may be another process's write in
    flight, and deleting it would fail that write."""
    gone = []
    try:
        names = os.listdir(folder)
    except OSError:
        return gone
    now = time.time()
    for name in names:
        if name.endswith(".tmp"):
            try:
                if older_than and now - os.lstat(Path(folder) / name).st_mtime < older_than:
                    continue
                os.unlink(Path(folder) / name)
                gone.append(name)
            except OSError:
                continue
    return gone


def move_aside(path: Path) -> Path:
    """Rename a damaged file to `NAME.corrupt-YYYYmmddTHHMMSSZ` (never delete it)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.rename(path, target)
    fsync_dir(path.parent)
    return target


def whole_json(text: str, opener: str, keep: Callable[[object], bool]
               ) -> Iterator[tuple[object, int, int]]:
    """(value, start, end) of each JSON value still whole in a damaged file's text, tried at
    every `opener` character ("{" an object, '"' a string). After a value `keep` takes, the
    search goes on past its end; after any other, one character on (into it: a file's
    outer object, whole but not a record, holds the records)."""
    decoder = json.JSONDecoder()
    i = text.find(opener)
    while i != -1:
        try:
            value, end = decoder.raw_decode(text, i)
        except (ValueError, RecursionError):
            i = text.find(opener, i + 1)
            continue
        if not keep(value):
            i = text.find(opener, i + 1)
            continue
        yield value, i, end
        i = text.find(opener, end)
