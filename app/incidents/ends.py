"""What says that entries were lost from the end of a log, which the chain alone cannot
tell (a chain cut short is still a whole chain, only shorter).

- NO_ENTRIES: a record with not one entry (incident.json is written only after entry #0
  is durable, so the entries were lost after the fact: a journal emptied or deleted).
- NO_CLOSING: a record that says closed with no closing entry (the closing entry is always
  written before the record says closed).
- PAST_END / REPLACED: the tail (`Tail`: the number and hash of the last closing entry or
  amendment written) is past the log's last entry, or the entry with its number is not
  the one written. Amendments follow the closing entry; without the tail a removed last
  amendment went unnoticed, and with a number alone, new amendments written in its place
  hid it again.

A JSON export carries the tail ("tail": {"seq": N, "hash": H}), so `verify` tells the
same cut and an imported incident keeps being told it (`tail_of`).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path

from app.fsutil import atomic_write, read_regular
from app.incidents.kinds import NoteKind
from app.incidents.model import Incident, Note

NO_ENTRIES = (
    "Incident {id}: no entry was found, not even #0, which every incident starts with. Its "
    "notes may be lost: the journal in {folder} is empty or missing."
)
NO_CLOSING = (
    "Incident {id}: its record says it was closed, but the closing entry is missing. "
    "Entries at the end of its log may have been removed."
)
CUT_SHORT = "the closing entry is missing: entries at the end may have been removed."
PAST_END = ("its record says entry #{tail} was written, yet the log ends at #{last}: "
            "entries at the end may have been removed.")
REPLACED = ("entry #{tail} is not the one its record says was written: entries at the end "
            "may have been removed and others written in their place.")

TAIL = "tail"
_TAIL = re.compile(rb"(\d{1,18}) ([0-9a-f]{64}) ([0-9a-f]{8})")
_HASH = re.compile(r"[0-9a-f]{64}")
DAMAGED = ("The export's tail (the number and hash of the last closing entry or amendment "
           "written) is damaged.")


def _line(seq: int, entry_hash: str) -> bytes:
    body = f"{seq} {entry_hash}".encode("ascii")
    return body + b" " + f"{zlib.crc32(body):08x}".encode("ascii")


class Tail:
    """`DIR/tail`: "SEQ HASH CRC" of the last closing entry or amendment written. Written
    under the incident's lock, after that entry is durable, so it never runs ahead of a
    whole log. Its own checksum makes a damaged tail read as none (no warning), never as
    a false one. A file of its own: incident.json is rewritten whole by whoever writes
    the record, so a tail kept there lost races (and could undo a close)."""

    def __init__(self, directory: Path | None):
        self.path = directory / TAIL if directory is not None else None
        self._memory: bytes = b""

    def read(self) -> tuple[int, str] | None:
        """(seq, hash) of the tail; None when there is none or it is damaged."""
        data = self._memory if self.path is None else _read_small(self.path)
        m = _TAIL.fullmatch(data.strip())
        if m is None or _line(int(m[1]), m[2].decode("ascii")) != m[0]:
            return None
        return int(m[1]), m[2].decode("ascii")

    def raise_to(self, seq: int, entry_hash: str | None) -> None:
        """Record that entry `seq` (with `entry_hash`) was written. A disk that refuses
        loses only this safeguard, never the entry."""
        now = self.read()
        if entry_hash is None or (now is not None and now[0] >= seq):
            return
        if self.path is None:
            self._memory = _line(seq, entry_hash)
            return
        try:
            atomic_write(self.path, _line(seq, entry_hash) + b"\n", 0o600)
        except OSError:
            pass


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


def cut_short(inc: Incident | None, records: list[Note], last: int,
              tail: tuple[int, str] | None,
              hash_at: Callable[[int], str | None]) -> tuple[str, str] | None:
    """(what to add to the chain's status, the warning to show), or None when nothing says
    the log was cut. `records`: the log's incident-record entries; `last`: its last seq;
    `hash_at(seq)`: the hash of the entry with that number, None when there is none."""
    if inc is None:
        return None
    # a closed incident's migration stopped before its closing entry (book.py finishes it)
    unfinished = bool(records) and records[-1].kind == NoteKind.CHAIN_STARTED and (
        tail is None or tail[0] <= last)
    if not inc.is_open and not unfinished and not any(
        n.kind == NoteKind.INCIDENT_CLOSED for n in records
    ):
        return CUT_SHORT, NO_CLOSING.format(id=inc.id)
    if tail is None:
        return None
    if tail[0] > last:
        told = PAST_END.format(tail=tail[0], last=last)
    elif hash_at(tail[0]) not in (None, tail[1]):
        told = REPLACED.format(tail=tail[0])
    else:
        return None  # a gap where the tail's entry was is the chain's to tell
    return told, f"Incident {inc.id}: {told[0].upper()}{told[1:]}"
