"""The entries of one incident held in memory: records, hashes, Notes, their indexes.

Every read of an incident (the timeline, a note by id, the incident record replayed
from its record entries, the chain's status) is answered from here. `Book` extends it
with the files (load, append, fold); kept apart because this part never touches a
file, and so book.py stays under ~300 lines. Every entry given to `_add` or `_set` was
checked when read or chained when appended: the verifier takes them as trusted.
"""

from __future__ import annotations

import dataclasses

from app.incidents import chain
from app.incidents.board import incident_of
from app.incidents.kinds import RECORD_VALUES
from app.incidents.model import Incident, Note
from app.incidents.records import NoteIndex, NoteList


class Ledger:
    """The entries of one incident in memory, by seq, with their indexes and the chain's
    verifier; `Book` adds the files."""

    def __init__(self, incident_id: str):
        self.id = incident_id
        self.recs: list[dict] = []  # the stored records (prev included), by seq
        self.hashes: list[str | None] = []  # each entry's hash (None: before the chain)
        self.notes = NoteList(incident_id, self.recs, [])  # every entry, by seq
        self.by_id = NoteIndex(self.notes, {})
        self.record_at: list[int] = []  # where the incident-record entries are
        self.verifier = chain.Verifier(incident_id)
        self.cut_short: str | None = None  # what says entries were cut from the end (ends.py)

    def replay(self, base: Incident | None = None) -> Incident | None:
        """The incident as its record entries tell it (starting from `base`, if any)."""
        if not self.record_at:
            return base
        first = self.notes[0].at
        return incident_of(self.id, [self.notes[i] for i in self.record_at], base, first)

    def status(self) -> chain.ChainStatus:
        """The chain's status, with what says entries are missing from its end: a chain
        cut short is still intact, so the cut is told as a warning beside it."""
        status = self.verifier.status()
        if status.intact and self.cut_short:
            return dataclasses.replace(status, warning=self.cut_short)
        return status

    def hash_at(self, seq: int) -> str | None:
        """The hash of entry #seq, None when there is none (searched from the end)."""
        for i in range(len(self.recs) - 1, -1, -1):
            if self.recs[i]["seq"] <= seq:
                return self.hashes[i] if self.recs[i]["seq"] == seq else None
        return None

    @property
    def records(self) -> int:
        """How many entries are of the incident-record kinds (not officer notes)."""
        return len(self.record_at)

    @property
    def last_seq(self) -> int:
        return self.recs[-1]["seq"] if self.recs else -1

    # --- filling it (by Book: each entry checked when read, or durable when appended) ---

    @property
    def chained(self) -> bool:
        """Can the next entry be chained (empty, or the chain has started)?"""
        return not self.hashes or self.hashes[-1] is not None

    def _add(self, rec: dict, entry_hash: str | None, note: Note | None) -> None:
        self.recs.append(rec)
        self.hashes.append(entry_hash)
        self.notes.append(note)
        self.by_id.positions[rec["id"]] = len(self.recs) - 1
        if rec["kind"] in RECORD_VALUES:
            self.record_at.append(len(self.recs) - 1)
        self.verifier.feed(rec, entry_hash, trusted=True)  # each was checked when read

    def _set(self, entries: list[tuple[dict, str | None, Note | None]]) -> None:
        """Every entry at once, in seq order; each was checked when read."""
        entries.sort(key=lambda e: e[0]["seq"])
        self.recs = [e[0] for e in entries]
        self.hashes = [e[1] for e in entries]
        self.notes = NoteList(self.id, self.recs, [e[2] for e in entries])
        self.by_id = NoteIndex(self.notes, {rec["id"]: i for i, rec in enumerate(self.recs)})
        self.record_at = [i for i, rec in enumerate(self.recs) if rec["kind"] in RECORD_VALUES]
        self.verifier = chain.Verifier(self.id)
        self.verifier.feed_all(self.recs, self.hashes)
