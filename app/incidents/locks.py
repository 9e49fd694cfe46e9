"""Locks on an incident folder's files: one writer at a time, one fold at a time.

- `FileLock`: one writer at a time across processes (fcntl.flock; msvcrt on Windows),
  held around every step that touches an incident's files; it also keeps the counter
  that tells other processes the journal was set aside.
- `TryLock`: the same, taken without waiting (one fold at a time), and released by
  whoever holds it (the fold thread).

Kept apart from `storage.py` (what is written, and how atomically) because locking is
about who may write, not what.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.fsutil import NOFOLLOW, read_regular, write_all

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None
    try:
        import msvcrt
    except ImportError:
        msvcrt = None


EXTRA_AT = 32  # where `FileLock.write_extra` keeps its bytes: after the 20-digit counter


class FileLock:
    """An exclusive lock on `path` held across processes; re-entrant within one object.

    When the lock file cannot even be opened (a read-only disk, or a link in its place,
    which is never followed), the block still runs, unlocked, so the notes can be read;
    `check()` raises that error before any write.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None
        self._depth = 0
        self.error: OSError | None = None

    def __enter__(self) -> FileLock:
        if self._depth == 0:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
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

    def counter(self) -> int:
        """A number kept in the lock file (read while the lock is held). Every process
        bumps it when it sets the journal aside, so the others know to re-read: a file's
        absence or inode number alone can repeat (ABA), this number never does."""
        if self._fd is None:
            return 0
        os.lseek(self._fd, 0, os.SEEK_SET)
        raw = os.read(self._fd, 20)
        try:
            return int(raw.strip(b"\0 \n") or b"0")
        except ValueError:
            return 0

    def bump(self) -> int:
        """Add one to `counter` (under the lock)."""
        n = self.counter() + 1
        if self._fd is not None:
            os.lseek(self._fd, 0, os.SEEK_SET)
            write_all(self._fd, f"{n:020d}".encode())
        return n

    def read_extra(self, size: int) -> bytes:
        """Up to `size` bytes kept after the counter; read through the lock while it is
        held, else (a read-only disk: the lock could not be opened) from the file itself."""
        if self._fd is None:
            try:
                return read_regular(self.path, EXTRA_AT + size, follow=False)[EXTRA_AT:][:size]
            except OSError:
                return b""
        os.lseek(self._fd, EXTRA_AT, os.SEEK_SET)
        return os.read(self._fd, size)

    def write_extra(self, data: bytes) -> None:
        """Keep `data` after the counter (under the lock), in place, with no sync: for what
        may be lost in a power cut (ends.Tail keeps the last entry written there)."""
        if self._fd is not None:
            os.lseek(self._fd, EXTRA_AT, os.SEEK_SET)
            write_all(self._fd, data)

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fd, self._fd = self._fd, None
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            elif msvcrt is not None:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            os.close(fd)


class TryLock:
    """An exclusive lock on `path` taken without waiting, released by whoever holds it
    (the fold thread releases the lock the appending thread took)."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self, wait: bool = False) -> bool:
        """True when taken. Raises OSError when the lock file cannot be opened."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
        try:
            if wait:
                _lock(fd)
            elif fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            elif msvcrt is not None:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as err:
            os.close(fd)
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                return False
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            elif msvcrt is not None:  # pragma: no cover
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
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
