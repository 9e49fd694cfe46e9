"""What says that entries were lost from the end of a log, which the chain alone cannot
tell (a chain cut short is still a whole chain, only shorter).

- said_no_entries: a record with not one entry (incident.json is written only after entry #0
  is durable, so the entries were lost after the fact: a journal emptied or deleted).
- said_no_closing: a record that says closed with no closing entry (the closing entry is always
  written before the record says closed). The entries decide: standing.py then sets that
  record aside, lists the incident as open and says both in one sentence.
- said_past_end / said_replaced: a tail (`Tail`: the number and hash of the last entry written, and
  of the last closing entry or amendment) is past the log's last entry, or the entry
  with its number is not the one written. Without it, removed last notes or a removed
  last amendment went unnoticed; with a number alone, new entries written in their
  place hid the cut again.

A JSON export carries the tail ("tail": {"seq": N, "hash": H}), so `verify` tells the
same cut and an imported incident keeps being told it (`tail_of`). The sentences are in
app/i18n/en.txt under those keys (app/said.py: English in exports, the officer's language
on screen).
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Callable
from pathlib import Path

from app.fsutil import atomic_write, read_regular
from app.incidents.kinds import NoteKind
from app.incidents.model import Incident, Note
from app.said import Said

TAIL = "tail"
_TAIL = re.compile(rb"(\d{1,18}) ([0-9a-f]{64}) ([0-9a-f]{8})")
_HASH = re.compile(r"[0-9a-f]{64}")
_WIDTH = 96  # a line at most: 18 digits, 64 hex digits, 8 hex digits, 2 spaces
DAMAGED = "The export's tail (the number and hash of the last entry written) is damaged."


def _line(seq: int, entry_hash: str) -> bytes:
    body = f"{seq} {entry_hash}".encode("ascii")
    return body + b" " + f"{zlib.crc32(body):08x}".encode("ascii")


def _parse(data: bytes) -> tuple[int, str] | None:
    m = _TAIL.fullmatch(data.strip(b" \n\0"))
    if m is None or _line(int(m[1]), m[2].decode("ascii")) != m[0]:
        return None
    return int(m[1]), m[2].decode("ascii")


class Tail:
    """How far the log reached, as "SEQ HASH CRC", in two copies, each written under the
    incident's lock after its entry is durable, so neither runs ahead of a whole log:

    - `DIR/tail` (`read`): the last closing entry or amendment, written atomically and
      synced. A file of its own: incident.json is rewritten whole by whoever writes the
      record, so a tail kept there lost races (and could undo a close).
    - the lock file, after its counter (`read_every`): the last entry of any kind,
      written in place at every append with no sync of its own (a second sync per note
      would double an append's cost). After a power cut it can be behind or unreadable,
      which says nothing, never ahead.

    Their checksums make a damaged copy read as none (no warning), never as a false one.
    """

    def __init__(self, directory: Path | None, lock=None):
        self.path = directory / TAIL if directory is not None else None
        self.lock = lock  # locks.FileLock, held by whoever reads or raises; None: memory
        self._memory: bytes = b""
        self._every: bytes = b""

    def read(self) -> tuple[int, str] | None:
        """(seq, hash) of the last closing entry or amendment; None when there is none or
        it is damaged."""
        return _parse(self._memory if self.path is None else _read_small(self.path))

    def read_every(self) -> tuple[int, str] | None:
        """(seq, hash) of the last entry of any kind, as far as it is known."""
        if self.lock is None:
            return _parse(self._every)
        try:
            return _parse(self.lock.read_extra(_WIDTH))
        except OSError:
            return None

    def both(self) -> list[tuple[int, str]]:
        return [t for t in (self.read(), self.read_every()) if t is not None]

    def raise_to(self, seq: int, entry_hash: str | None, closing: bool = True) -> None:
        """Record that entry `seq` (with `entry_hash`) was written; in the synced copy too
        when it is a closing entry or amendment (`closing`). A disk that refuses loses only
        this safeguard, never the entry."""
        if entry_hash is None:
            return
        line = _line(seq, entry_hash)
        every = self.read_every()
        if every is None or every[0] < seq:
            if self.lock is None:
                self._every = line
            else:
                with contextlib.suppress(OSError):
                    self.lock.write_extra(line.ljust(_WIDTH))
        now = self.read() if closing else None
        if not closing or (now is not None and now[0] >= seq):
            return
        if self.path is None:
            self._memory = line
            return
        with contextlib.suppress(OSError):
            atomic_write(self.path, line + b"\n", 0o600)

    def start(self, given: tuple[int, str] | None, closing: tuple[int, str | None] | None,
              last: tuple[int, str | None] | None, cut: bool) -> None:
        """An imported log's: the export's tail (`given`), kept as it is when it tells a
        `cut` (raised, it would hide it); its last `closing` entry or amendment; its
        `last` entry (an export's tail can be behind it: from a read-only disk)."""
        if given is not None:
            self.raise_to(*given)
            if cut:
                return
        if closing is not None:
            self.raise_to(*closing)
        if last is not None:
            self.raise_to(*last, closing=False)


def tail_of(value: object) -> tuple[int, str] | None:
    """(seq, hash) of an export's "tail"; None when it has none; ValueError(DAMAGED) when
    it is not what the app writes."""
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or set(value) != {"seq", "hash"}
        or type(value["seq"]) is not int
        or not 0 <= value["seq"] < 10**18
        or not isinstance(value["hash"], str)
        or _HASH.fullmatch(value["hash"]) is None
    ):
        raise ValueError(DAMAGED)
    return value["seq"], value["hash"]


def _read_small(path: Path) -> bytes:
    """A few bytes, never following a link nor waiting on a pipe; b"" when unreadable."""
    try:
        return read_regular(path, 128, follow=False)
    except OSError:
        return b""


def tells(tail: tuple[int, str], last: int, hash_at: Callable[[int], str | None]) -> bool:
    """Does `tail` say that entries were cut from a log ending at `last`?"""
    return _told(tail, last, hash_at) is not None


def _told(tail: tuple[int, str], last: int, hash_at: Callable[[int], str | None]) -> Said | None:
    # "lost or removed": a damaged last entry, set aside when read, is gone as surely
    if tail[0] > last:
        return Said("said_past_end", tail=tail[0], last=last)
    if hash_at(tail[0]) not in (None, tail[1]):
        return Said("said_replaced", tail=tail[0])
    return None  # a gap where the tail's entry was is the chain's to tell


def cut_short(inc: Incident | None, records: list[Note], last: int,
              tails: list[tuple[int, str]],
              hash_at: Callable[[int], str | None]) -> tuple[Said, Said] | None:
    """(what to add to the chain's status, the warning to show), or None when nothing says
    the log was cut. `records`: the log's incident-record entries; `last`: its last seq;
    `tails`: what `Tail` read (or an export carries); `hash_at(seq)`: the hash of the
    entry with that number, None when there is none."""
    if inc is None:
        return None
    # a closed incident's migration stopped before its closing entry (book.py finishes it)
    unfinished = bool(records) and records[-1].kind == NoteKind.CHAIN_STARTED and all(
        t[0] <= last for t in tails)
    if not inc.is_open and not unfinished and not any(
        n.kind == NoteKind.INCIDENT_CLOSED for n in records
    ):
        return Said("said_cut_short"), Said("said_no_closing", id=inc.id)
    for tail in tails:
        if (told := _told(tail, last, hash_at)) is not None:
            return told, Said("said_incident", id=inc.id,
                              problem=Said(told.key, capital=True, **told.values))
    return None


def carried(tails: list[tuple[int, str]], last: int,
            hash_at: Callable[[int], str | None]) -> tuple[int, str] | None:
    """The tail a JSON export carries: one that tells a cut, else the furthest."""
    for tail in tails:
        if _told(tail, last, hash_at) is not None:
            return tail
    return max(tails, default=None)
