"""Crash-safe file primitives: TinyDB storage, checksummed journal lines, locks.

- `SafeJSONStorage`: a TinyDB `Storage` that never rewrites in place. Each write goes
  to a temp file, is fsynced, `os.replace`d over the old file and the directory is
  fsynced, so after a crash the file is the old version or the new one, never half.
- Journal lines: `CRC32HEX JSON\\n`, one note per line, so a torn or garbled line is
  detected by its checksum instead of being silently merged.
- `FileLock`: one writer at a time across processes (fcntl.flock; msvcrt on Windows).
"""

from __future__ import annotations

import errno
import json
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
    try:
        import msvcrt
    except ImportError:
        msvcrt = None


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(record: dict) -> str:
    """The one JSON spelling a record is checksummed in (stable key order, UTF-8)."""
    return _CANONICAL.encode(record)


def checksum(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def encode_line(record: dict) -> bytes:
    body = canonical(record)
    return f"{checksum(body)} {body}\n".encode()


def decode_line(line: bytes) -> dict | None:
    """The record on one complete journal line, or None when it is torn or garbled."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    crc, sep, body = text.partition(" ")
    if not sep or len(crc) != 8 or checksum(body) != crc:
        return None
    try:
        record = json.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in `path` durable (no-op where unsupported)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def sync(fd: int) -> None:
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves the old file or the new, never half."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _unlink_quietly(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


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


class SafeJSONStorage(Storage):
    """TinyDB storage: atomic temp-file + fsync + rename writes; keeps the last data.

    Reading raises `ValueError` for a file that is not a TinyDB JSON object (the caller
    moves it aside). The parsed data is cached by file identity so a fold does not
    re-read a file this process wrote itself.
    """

    def __init__(self, path: str | os.PathLike, **_ignored: Any):
        self.path = Path(path)
        self._cache: tuple[tuple, dict] | None = None

    def _identity(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, dict[str, Any]] | None:
        ident = self._identity()
        if ident is None:
            return None
        if self._cache and self._cache[0] == ident:
            return self._cache[1]
        raw = self.path.read_bytes()
        if not raw.strip():  # we never write an empty file: it was truncated
            raise ValueError(f"{self.path} is empty")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise ValueError(f"{self.path} is not a TinyDB file")
        self._cache = (ident, data)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write(self.path, body)
        except BaseException:
            self._cache = None  # TinyDB mutated the cached dict; the file did not change
            raise
        self._cache = (self._identity(), data)

    def close(self) -> None:
        self._cache = None


class FileLock:
    """An exclusive lock on `path` held across processes; re-entrant within one object.

    When the lock file cannot even be opened (a read-only disk), the block still runs,
    unlocked, so the notes can be read; `check()` raises that error before any write.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        self.error: OSError | None = None

    def __enter__(self) -> FileLock:
        if self._depth == 0:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as err:
                self.error = err
            else:
                self.error = None
                try:
                    _lock(fd)
                except BaseException:
                    os.close(fd)
                    raise
                self._fd = fd
        self._depth += 1
        return self

    def check(self) -> None:
        """Raise unless the lock is really held (call before writing)."""
        if self.error is not None:
            raise self.error

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            elif msvcrt is not None:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            os.close(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    elif msvcrt is not None:  # pragma: no cover
        while True:  # LK_LOCK gives up after 10 s: keep waiting
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue


def reason(err: OSError) -> str:
    """Why the disk refused, in the officer's words."""
    if err.errno == errno.ENOSPC or err.errno == getattr(errno, "EDQUOT", -1):
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the storage is read-only"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "the app is not allowed to write there"
    return f"the disk reported an error ({err.strerror or err})"
