"""The read side of `IncidentLog`: an incident's record, its notes and entries, the
board and the chain's status, each read from the incident's book under the log's lock.

Kept apart from `log.py` (opening and closing incidents, writing notes, exports,
retention, the notes the disk refused) so each file reads on its own. `IncidentLog`
extends `Timeline`; the UI and the CLI only ever use `IncidentLog` (its docstring says
what the entries and the officer's timeline are).
"""

from __future__ import annotations

import bisect
import threading
from datetime import datetime

from app.incidents import board as board_mod
from app.incidents.chain import ChainStatus
from app.incidents.kinds import RECORD_KINDS
from app.incidents.model import Board, Incident, IncidentError, Note
from app.incidents.registry import Books
from app.incidents.validate import clean_text


class Timeline:
    """What one incident holds, read from its book: made by `IncidentLog.__init__` with
    its books and its lock; keeps each incident's board until its next entry."""

    def __init__(self, books: Books, lock: threading.RLock):
        self._lock = lock
        self._books = books
        self._boards: dict[str, tuple[int, Board]] = {}

    def incident(self, incident_id: str) -> Incident:
        with self._lock:
            return self._books.incident(incident_id)

    def note(self, incident_id: str, note_id: str) -> Note:
        with self._lock:
            book = self._books.read(incident_id)
            if not isinstance(note_id, str) or note_id not in book.by_id:
                shown = clean_text(repr(note_id))[:40]
                raise IncidentError(f"There is no note {shown} in incident {incident_id}.")
            return book.by_id[note_id]

    def notes(self, incident_id: str, before_seq: int | None = None, limit: int = 50) -> list[Note]:
        """A page of the timeline, newest first: notes with seq < before_seq (or the
        latest), at most `limit`. Next page: `before_seq=page[-1].seq`."""
        for name, value in (("before_seq", before_seq), ("limit", limit)):
            if value is not None and (type(value) is not int or value < 0):
                raise IncidentError(f"The {name} of a page of notes must be a whole number.")
        with self._lock:
            notes = self._books.read(incident_id).notes
            end = (
                len(notes)
                if before_seq is None
                else bisect.bisect_left(notes, before_seq, key=lambda n: n.seq)
            )
            page, i = [], end - 1
            while i >= 0 and len(page) < (50 if limit is None else limit):
                if notes[i].kind not in RECORD_KINDS:
                    page.append(notes[i])
                i -= 1
            return page

    def all_notes(self, incident_id: str) -> list[Note]:
        """Every note, oldest first (the record entries left out: see `entries`)."""
        with self._lock:
            return [n for n in self._books.read(incident_id).notes if n.kind not in RECORD_KINDS]

    def entries(self, incident_id: str) -> list[Note]:
        """Every entry of the chain, oldest first: the record entries and the notes."""
        with self._lock:
            return list(self._books.read(incident_id).notes)

    def note_count(self, incident_id: str) -> int:
        with self._lock:
            book = self._books.read(incident_id)
            return len(book.notes) - book.records

    def chain_status(self, incident_id: str) -> ChainStatus:
        """How many entries, and whether the chain is intact (`.sentence` to show)."""
        with self._lock:
            return self._books.read(incident_id).status()

    def amendments(self, incident_id: str) -> dict[str, list[Note]]:
        """Original note id -> its amendments, oldest first (to show them side by side)."""
        with self._lock:
            return board_mod.amendments(self._books.read(incident_id).notes)

    def board(self, incident_id: str) -> Board:
        with self._lock:
            book = self._books.read(incident_id)
            key = len(book.notes)
            cached = self._boards.get(incident_id)
            if cached is None or cached[0] != key:
                cached = (key, board_mod.derive(book.notes))
                self._boards[incident_id] = cached
            return cached[1]

    def last_contact(self, incident_id: str) -> datetime | None:
        """When the subject was last on the line (the start of an ongoing contact)."""
        return self.board(incident_id).last_contact
