"""Whether an incident is open or closed, as its entries say: incident.json is a cache.

The closing entry (`incident_closed`) is always written before the record says closed,
so the two only disagree after damage, an edit, or a crash between the two writes. The
entries are the record: `Books.incident` returns what they say, and when the record
disagrees it is set aside (`NAME.corrupt-TIME`, kept), rebuilt from the entries, and a
sentence says so (`said_record_said_open` / `said_record_said_closed` in app/i18n).

Listing every incident must stay cheap, so no log is parsed to check its record:
- an incident whose entries are in memory is checked against its record entries;
- any other is looked at by `Scans`: the raw bytes of its log files searched for a
  closing entry, and only again when one of its files changed (their size, time or
  inode). JSON escapes every quote inside a string, so a note's text can never read as
  `"kind":"incident_closed"`. Bytes that read so are not yet a closing entry: one whose
  hash or form is damaged is dropped when the log is opened, and the call is open. So a
  file holding them counts as the log's reader (journal_read.py) would count it: a
  notes.json exactly as a fold sealed it is trusted as a whole, as the reader trusts it
  (one hash of the file, no JSON parsed); any other file (a journal: the closing entry
  stays there only until the fold that follows the close) is read by the reader's own
  code. A file with no such bytes, an open call's, is neither parsed nor hashed.
Only when this look and the record disagree is the log read in full (`settle`), under
the incident's lock, and the entries decide.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from pathlib import Path

from app.fsutil import read_regular
from app.incidents import journal_read
from app.incidents.journal import NOTES, journals
from app.incidents.kinds import NoteKind
from app.incidents.model import Incident, IncidentStatus
from app.incidents.storage import move_aside, reason, sealed
from app.said import Said

CLOSED, STARTED = NoteKind.INCIDENT_CLOSED.value, NoteKind.CHAIN_STARTED.value
NO_CLOSING = "said_no_closing"
_CLOSING = re.compile(rb'"kind"\s*:\s*"incident_closed"')


def said(book) -> bool | None:
    """What a log's record entries say (`book`: a `Ledger`): True closed, False open,
    None when they say neither (no entry at all, or an incident older than the chain
    whose migration has not written its closing entry yet: migrate.py)."""
    kinds = [book.recs[i]["kind"] for i in book.record_at]
    if CLOSED in kinds:
        return True
    if not kinds or kinds[-1] == STARTED:
        return None
    return False


def agrees(inc: Incident, closed: bool | None) -> bool:
    return closed is None or closed == (not inc.is_open)


class Scans:
    """Whether an incident folder's log holds a closing entry, from its bytes; each answer
    kept until one of the log's files changes."""

    def __init__(self) -> None:
        self._seen: dict[Path, tuple[tuple, bool | None]] = {}

    def closing(self, folder: Path) -> bool | None:
        """True or False; None when a file cannot be read now (the log says when opened)."""
        files, key = [folder / NOTES, *journals(folder)], []
        for path in files:
            try:
                st = os.stat(path, follow_symlinks=False)
            except FileNotFoundError:
                continue
            except OSError:
                return None
            if not stat.S_ISREG(st.st_mode):
                return None
            key.append((path.name, st.st_ino, st.st_size, st.st_mtime_ns))
        seen = self._seen.get(folder)
        if seen is not None and seen[0] == tuple(key):
            return seen[1]
        found: bool | None = False
        for path in files:
            try:
                if _closes(read_regular(path, follow=False), path, folder.name):
                    found = True
                    break
            except FileNotFoundError:
                continue
            except OSError:
                found = None
                break
        self._seen[folder] = (tuple(key), found)
        return found


def _closes(raw: bytes, path: Path, incident_id: str) -> bool:
    """Would the log's reader keep a closing entry from these bytes of `path`?"""
    if _CLOSING.search(raw) is None:
        return False
    if path.name == NOTES:
        if sealed(raw):  # exactly as a fold wrote it from checked entries (`_trusted`)
            return True
        found, _ = journal_read.parse_store(raw, path, incident_id)
    else:
        found, _ = journal_read.parse_journal(raw, path, incident_id)
    return any(rec["kind"] == CLOSED for rec, _, _ in found)


def settle(book) -> tuple[Incident | None, Said | None]:
    """The record as the entries say, and the sentence to show when they disagreed (then
    the record was set aside and rebuilt). `book`: a loaded `Book`, under its lock. None
    for the record when there is none (the caller rebuilds it)."""
    inc = book.read_incident()
    closed = said(book)
    if inc is None or agrees(inc, closed):
        return inc, None
    told = book.replay(inc)
    if not closed:  # a migrated log starts at chain_started, which keeps the record's status
        told = dataclasses.replace(told, status=IncidentStatus.OPEN, closed_at=None)
    path, keep = book.meta.path, True
    if path is None:
        kept = Said("said_nothing_set_aside")
    else:
        try:
            kept = Said("said_kept_as", name=move_aside(path).name)
        except OSError as err:  # kept as it is: the entries still decide what is shown
            kept, keep = Said("said_not_moved", reason=reason(err)), False
    if keep:
        try:
            book.write_incident(told)
        except OSError:
            pass  # rebuilt again from the entries at the next read
    if not closed:  # ends.py read the old record as a cut: said in the sentence below; what
        book.check_ends()  # the tail says of the log's end is still told
        book.warnings[:] = [w for w in book.warnings if getattr(w, "key", "") != NO_CLOSING]
    where = path if path is not None else Said("said_record_in_memory")
    if closed:
        seq = next(book.recs[i]["seq"] for i in reversed(book.record_at)
                   if book.recs[i]["kind"] == CLOSED)
        return told, Said("said_record_said_open", path=where, id=book.id, seq=seq, kept=kept)
    return told, Said("said_record_said_closed", path=where, id=book.id, kept=kept)
