"""Crash-safe file primitives: TinyDB storage, checksummed journal lines.

- `SafeJSONStorage`: a TinyDB `Storage` that never rewrites in place: every write is
  `app.fsutil.atomic_write` (unique temp file, fsync, rename, folder fsync), so after a
  crash the file is the old version or the new one, never half. It encodes one document
  at a time, so a background fold of 10,000 notes never holds the interpreter for long.
- Journal lines, one entry per line, so a torn or garbled line is detected instead of
  being silently merged:
    `SHA256HEX JSON\n`  an entry of the chain: the hex is the entry's hash, i.e. the
                        SHA-256 of the JSON, which is the entry's canonical form
                        (`app.incidents.chain`);
    `CRC32HEX JSON\n`   an entry written before the chain existed (8 hex digits).

The locks around these files (`FileLock`, `TryLock`) are in `locks.py`.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from app.fsutil import (  # noqa: F401
    BINARY,
    atomic_write,
    fsync_dir,
    move_aside,
    read_regular,
    unlink_quietly,
    write_all,
)
from app.incidents.chain import canonical
from app.said import Said

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def checksum(text: str) -> str:
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def encode_line(record: dict, entry_hash: str | None) -> bytes:
    """A journal line: chained entries carry their hash, older ones a CRC32."""
    body = canonical(record)
    return f"{entry_hash or checksum(body)} {body}\n".encode()


def decode_line(line: bytes) -> tuple[dict, str | None] | None:
    """(record, hash or None) of one complete journal line; None when torn or garbled.
    A line ending in CR (a copy that turned line ends into CRLF) is read without it: a
    journal line is JSON, which never ends in a bare CR, so nothing the hash covers goes."""
    if line.endswith(b"\r"):
        line = line[:-1]
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    tag, sep, body = text.partition(" ")
    if not sep:
        return None
    if len(tag) == 64:
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != tag:
            return None
        entry_hash = tag
    elif len(tag) == 8:
        if checksum(body) != tag:
            return None
        entry_hash = None
    else:
        return None
    try:
        record = json.loads(body)
    except (ValueError, RecursionError):  # a matching CRC over JSON nested past the depth
        return None
    return (record, entry_hash) if isinstance(record, dict) else None


def sync(fd: int) -> None:
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


class SafeJSONStorage(Storage):
    """TinyDB storage: atomic temp-file + fsync + rename writes; keeps the last data.

    Reading raises `ValueError` for a file that is not a TinyDB JSON object (the caller
    moves it aside). The parsed data is cached by file identity so a fold does not
    re-read a file this process wrote itself.
    """

    def __init__(self, path: str | os.PathLike, clean: Callable[[Any], Any] | None = None,
                 **_ignored: Any):
        self.path = Path(path)
        self.clean = clean  # applied to what is read (practice history: lone surrogates)
        self._cache: tuple[tuple, dict] | None = None

    def identity(self) -> tuple | None:
        """The file as last written (inode, size, time); None when there is none."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, dict[str, Any]] | None:
        ident = self.identity()
        if ident is None:
            return None
        if self._cache and self._cache[0] == ident:
            return self._cache[1]
        raw = read_regular(self.path)  # a named pipe in its place raises, never waits
        if not raw.strip():  # we never write an empty file: it was truncated
            raise ValueError(f"{self.path} is empty")
        try:
            data = json.loads(raw.decode("utf-8"))
        except RecursionError as e:  # nested past the parser's depth: damage like any other
            raise ValueError(f"{self.path} is nested too deeply to be a TinyDB file") from e
        if not _tinydb_shaped(data):  # TinyDB would fail later, on a key like "x" or a list
            raise ValueError(f"{self.path} is not a TinyDB file")
        if self.clean is not None:
            data = self.clean(data)
        self._cache = (ident, data)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            atomic_write(self.path, "".join(encode_tables(data)))
        except BaseException:
            self._cache = None  # TinyDB mutated the cached dict; the file did not change
            raise
        self._cache = (self.identity(), data)

    def close(self) -> None:
        self._cache = None


def _tinydb_shaped(data: object) -> bool:
    """Tables of documents: {table: {"1": {...}, ...}}, every id a whole number (TinyDB
    turns each one into an int) and every document an object."""
    return isinstance(data, dict) and all(
        isinstance(table, dict) and all(
            isinstance(k, str) and k.isascii() and k.isdigit() and isinstance(doc, dict)
            for k, doc in table.items())
        for table in data.values())


def encode_tables(data: dict[str, dict[str, Any]], pause_every: int = 200) -> Iterator[str]:
    """TinyDB's JSON file, one document at a time (the same bytes `json.dumps` gives
    with these separators). Every `pause_every` documents it yields the interpreter to
    other threads, so a fold in the background never delays a note being saved."""
    yield "{"
    for t, (table, docs) in enumerate(data.items()):
        yield ("," if t else "") + _ENCODER.encode(table) + ":"
        yield from encode_table(docs, pause_every)
    yield "}"


def encode_table(docs: dict[str, Any], pause_every: int = 200) -> Iterator[str]:
    yield "{"
    for i, (doc_id, doc) in enumerate(docs.items()):
        yield ("," if i else "") + _ENCODER.encode(str(doc_id)) + ":" + _ENCODER.encode(doc)
        if i % pause_every == pause_every - 1:
            time.sleep(0)  # let an append that waits for the interpreter run now
    yield "}"


# notes.json as the fold writes it: TinyDB's format with a second table "seal" whose
# one document holds the SHA-256 of the notes table's bytes. A file that still has
# those bytes is exactly what a fold wrote from checked entries, so opening it checks
# one hash instead of re-encoding every entry (`sealed`); any other file (edited, or
# rewritten by plain TinyDB) is checked entry by entry.
_SEAL_HEAD = b'{"notes":'
_SEAL_MID = b',"seal":{"1":{"sha256":"'
_SEAL_END = b'"}}}'
_SEAL_TAIL = len(_SEAL_MID) + 64 + len(_SEAL_END)


def write_sealed(path: Path, docs: dict[str, dict], pause_every: int = 200) -> None:
    """notes.json from `docs` (doc id -> document), streamed, then the seal."""
    digest = hashlib.sha256()

    def chunks() -> Iterator[bytes]:
        yield _SEAL_HEAD
        part: list[str] = []
        for i, piece in enumerate(encode_table(docs, pause_every)):
            part.append(piece)
            if i % pause_every == 0:
                data = "".join(part).encode("utf-8")
                digest.update(data)
                part.clear()
                yield data
        data = "".join(part).encode("utf-8")
        digest.update(data)
        yield data
        yield _SEAL_MID + digest.hexdigest().encode() + _SEAL_END

    atomic_write(path, chunks())


def sealed(raw: bytes) -> bool:
    """True when `raw` is a notes.json exactly as `write_sealed` wrote it."""
    if len(raw) < len(_SEAL_HEAD) + _SEAL_TAIL or not raw.startswith(_SEAL_HEAD):
        return False
    tail = raw[-_SEAL_TAIL:]
    if not tail.startswith(_SEAL_MID) or not tail.endswith(_SEAL_END):
        return False
    table = memoryview(raw)[len(_SEAL_HEAD) : -_SEAL_TAIL]
    return hashlib.sha256(table).hexdigest().encode() == tail[len(_SEAL_MID) : -len(_SEAL_END)]


def reason(err: OSError, reading: bool = False) -> Said:
    """Why the disk refused, in the officer's words (`reading`: it refused a read)."""
    if err.errno == errno.ENOSPC or err.errno == getattr(errno, "EDQUOT", -1):
        return Said("said_reason_full")
    if err.errno == errno.EROFS:
        return Said("said_reason_read_only")
    if err.errno in (errno.EACCES, errno.EPERM):
        return Said("said_reason_denied_read" if reading else "said_reason_denied_write")
    if err.errno == errno.EISDIR:  # named: "practice.lock" told the officer what to move
        name = os.path.basename(os.fsdecode(err.filename)) if err.filename else ""
        return Said("said_reason_folder_named", name=name) if name else Said("said_reason_folder")
    if err.errno == errno.ENOTDIR:
        return Said("said_reason_file")
    return Said("said_reason_other", error=err.strerror or err)
