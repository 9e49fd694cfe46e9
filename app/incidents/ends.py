"""What says that entries were lost from the end of a log, which the chain alone cannot
tell (a chain cut short is still a whole chain, only shorter).

- NO_ENTRIES: a record with not one entry (incident.json is written only after entry #0
  is durable, so the entries were lost after the fact: a journal emptied or deleted).
- NO_CLOSING: a record that says closed with no closing entry (the closing entry is always
  written before the record says closed).
- PAST_END: the tail (`Tail`: the last closing entry or amendment written) is past the
  log's last entry. Amendments follow the closing entry; without the tail a removed last
  amendment went unnoticed.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.fsutil import atomic_write
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
PAST_END = ("the log ends at #{last}, though entry #{tail} was written: entries at the end "
            "may have been removed.")


TAIL = "tail"


class Tail:
    """`DIR/tail`: the number of the last closing entry or amendment written, as decimal
    text. Written under the incident's lock, after that entry is durable, so it never
    runs ahead of a whole log. A file of its own: incident.json is rewritten whole by
    whoever writes the record, so a tail kept there lost races (and could undo a close)."""

    def __init__(self, directory: Path | None):
        self.path = directory / TAIL if directory is not None else None
        self._memory: int | None = None

    def read(self) -> int | None:
        """The tail; None when there is none or it cannot be read (no warning then)."""
        if self.path is None:
            return self._memory
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
        except OSError:
            return None
        try:
            text = os.read(fd, 32)
        except OSError:
            return None
        finally:
            os.close(fd)
        return int(text) if text.isdigit() and len(text) < 20 else None

    def raise_to(self, seq: int) -> None:
        """Record that entry `seq` was written. A disk that refuses loses only this
        safeguard, never the entry."""
        if (self.read() or -1) >= seq:
            return
        if self.path is None:
            self._memory = seq
            return
        try:
            atomic_write(self.path, str(seq).encode("ascii"), 0o600)
        except OSError:
            pass


def cut_short(inc: Incident | None, records: list[Note], last: int,
              tail: int | None) -> tuple[str, str] | None:
    """(what to add to the chain's status, the warning to show), or None when nothing says
    the log was cut. `records`: the log's incident-record entries; `last`: its last seq."""
    if inc is not None and not inc.is_open and not any(
        n.kind == NoteKind.INCIDENT_CLOSED for n in records
    ):
        return CUT_SHORT, NO_CLOSING.format(id=inc.id)
    if tail is not None and tail > last and inc is not None:
        told = PAST_END.format(tail=tail, last=last)
        return told, f"Incident {inc.id}: {told[0].upper()}{told[1:]}"
    return None
