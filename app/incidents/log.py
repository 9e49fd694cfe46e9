"""`IncidentLog`: the one object the UI and the CLI talk to. Thread-safe.

File mode keeps one directory per incident under `paths.incidents_dir(data_dir)`
(see `book.py` for the crash-safe layout); `IncidentLog(None)` keeps everything in
TinyDB memory storage (tests, demos). Every method returns dataclasses from `model`.

An incident's entries are numbered from 0: entry #0 records the opening (situation,
location), later record entries its closing and changes of situation or location,
and every other entry is a note. `notes()`, `all_notes()` and `note_count()` are the
officer's timeline (notes only); `entries()` and the exports hold everything, chained
(`chain.py`): `chain_status()` says whether the chain is intact. These read methods
are in `timeline.py` (`Timeline`, which `IncidentLog` extends).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import shutil
import threading
from datetime import timedelta
from pathlib import Path

from app.incidents import chain as chain_mod
from app.incidents import export
from app.incidents.board import derive
from app.incidents.chain import ChainStatus
from app.incidents.clock import as_utc, utcnow
from app.incidents.model import (
    Incident,
    IncidentError,
    IncidentNotFound,
    IncidentStatus,
    Note,
    NoteKind,
    PendingNote,
    StorageUnavailable,
)
from app.incidents.records import valid_id
from app.incidents.registry import Books
from app.incidents.timeline import Timeline
from app.incidents.validate import check_field, check_note, check_time
from app.paths import incidents_dir
from app.said import Said


class IncidentLog(Timeline):
    """Incidents and their append-only notes.

    `IncidentLog(data_dir)` stores under DATA/incidents/; `IncidentLog(None)` (or
    `IncidentLog.memory()`) keeps everything in memory. `warnings` collects one plain
    sentence per problem found (a damaged file set aside, entries missing, a broken
    chain): show them to the officer. Open incidents are checked at construction
    (preload), closed ones when first read.
    """

    def __init__(
        self, data_dir: str | os.PathLike | None, *, fold_min: int = 2000, preload: bool = True
    ):
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.root = incidents_dir(self.data_dir) if self.data_dir is not None else None
        lock = threading.RLock()
        super().__init__(Books(self.root, fold_min, lock), lock)
        self.warnings = self._books.warnings
        if preload and self.root is not None and self.root.is_dir():
            for inc in self.incidents():  # check every record; load open incidents fully
                if inc.is_open:
                    try:
                        self._books.reconcile(self._books.book(inc.id, load=True), inc)
                    except IncidentError as err:
                        self.warnings.append(
                            Said("said_incident_unreadable", id=inc.id, problem=err))

    @classmethod
    def memory(cls) -> IncidentLog:
        return cls(None)

    @property
    def in_memory(self) -> bool:
        return self.root is None

    # --- incidents ---

    def open_incident(self, situation: str, location: str = "", *, at=None,
                      guide: str | None = None) -> Incident:
        """Start an incident now (or `at`, an aware datetime). Durable when it returns.
        `guide` ("metro-pd 2026.11") names the guide in use in entry #0."""
        situation = check_field("situation", situation)
        location = check_field("location", location)
        guide = check_field("guide", guide) or None
        at = check_time(at)
        with self._lock:
            inc_id = f"{at:%Y%m%d-%H%M}-{secrets.token_hex(2)}"
            while self._books.exists(inc_id):  # two incidents opened in the same minute
                inc_id = f"{at:%Y%m%d-%H%M}-{secrets.token_hex(2)}"
            inc = Incident(inc_id, at, None, situation, location)
            self._books.create(inc, guide=guide)
            return inc

    def update_incident(self, incident_id: str, situation=None, location=None, *, at=None):
        """Change the situation and/or location (kept as an entry; the old stays)."""
        with self._lock:
            book = self._books.book(incident_id, load=True)
            inc = self.incident(incident_id)
            new = Incident(inc.id, inc.opened_at, inc.closed_at,
                           inc.situation if situation is None else
                           check_field("situation", situation),
                           inc.location if location is None else
                           check_field("location", location), inc.status)
            if new == inc:
                return inc
            self._books.append_record(book, NoteKind.INCIDENT_DETAILS, new.situation,
                                      location=new.location, at=check_time(at))
            self._books.guard(lambda: book.write_incident(new), book)
            return new

    def record_guide(self, incident_id: str, guide: str, text: str, *, at=None) -> Note | None:
        """Name the guide in use (`guide`: "metro-pd 2026.11"; `text`: one line about it)
        in an open incident's record; None when it is the one named last, or closed."""
        guide, text = check_field("guide", guide), check_field("guide", text)
        with self._lock:
            book = self._books.read(incident_id)
            named = [book.notes[i].item for i in book.record_at if book.notes[i].kind in
                     (NoteKind.INCIDENT_OPENED, NoteKind.GUIDE_IN_USE)]
            if not self.incident(incident_id).is_open or (named and named[-1] == guide):
                return None
            return self._books.append_record(book, NoteKind.GUIDE_IN_USE, text, item=guide,
                                             at=check_time(at))

    def close_incident(self, incident_id: str, *, at=None) -> Incident:
        """Mark it closed (amendments stay possible); folds its journal."""
        with self._lock:
            book = self._books.book(incident_id, load=True)
            inc = self.incident(incident_id)
            if not inc.is_open:
                return inc
            at = check_time(at)

            def close() -> Incident:  # entry and record in one hold of the lock: another
                with book.lock:  # process never sees them disagree (standing.py)
                    note = self._books.append_record(book, NoteKind.INCIDENT_CLOSED, at=at)
                    book.write_incident(done := dataclasses.replace(
                        inc, closed_at=note.at, status=IncidentStatus.CLOSED))
                    return done

            closed = self._books.guard(close, book)
            # fold soon, in the background: a closed incident opens from notes.json (on an
            with contextlib.suppress(OSError), book.lock:  # error: safe in the journal)
                book.refresh()
                book.maybe_fold(force=True, wait=False)
            return closed

    def incidents(self) -> list[Incident]:
        """Every incident, newest first, open or closed as its entries say: cheap, no log
        is parsed unless its record seems to disagree (standing.py)."""
        with self._lock:
            ids = set(self._books.open)
            if self.root is not None and self.root.is_dir():
                ids |= {p.name for p in self.root.iterdir() if p.is_dir() and valid_id(p.name)}
            found = []
            for inc_id in ids:
                try:
                    found.append(self.incident(inc_id))
                except IncidentNotFound:
                    continue
                except (OSError, IncidentError) as err:  # unreadable: say so, list the rest
                    self.warnings.append(
                        Said("said_incident_unreadable", id=inc_id, problem=err))
            return sorted(found, key=lambda i: (i.opened_at, i.id), reverse=True)

    # --- notes ---

    def add_note(self, incident_id: str, kind: NoteKind | str, text: str = "", **fields) -> Note:
        """Save a note; returns only once it is on disk (fsynced).

        fields: at (aware datetime, default now), ref (note id), due (aware datetime,
        deadline), status (DemandStatus / "granted"...), stage, item.
        Raises NoteRefused (nothing saved, message says why) or StorageUnavailable (the
        note is kept in `pending()` and retried by `retry()` and by the next add_note).
        """
        with self._lock:
            book = self._books.read(incident_id)
            inc = self.incident(incident_id)
            at = check_time(fields.pop("at", None))
            kind, text, clean = check_note(inc, book.by_id, kind, text, fields)
            pending = PendingNote(secrets.token_hex(6), incident_id, at, kind, text, clean)
            self._books.pending.setdefault(incident_id, []).append(pending)
            self._books.flush(incident_id, newest=pending.id)
            return book.by_id[pending.id]

    def amend(self, incident_id: str, note_id: str, text: str, **fields) -> Note:
        """Correct a note: a new `amendment` note pointing at the original (kept as is)."""
        with self._lock:
            book = self._books.read(incident_id)
            target = book.by_id.get(note_id) if isinstance(note_id, str) else None
            if target is not None and target.kind == NoteKind.AMENDMENT and target.ref:
                note_id = target.ref  # amend the original, not the amendment
            return self.add_note(incident_id, NoteKind.AMENDMENT, text, ref=note_id, **fields)

    # --- export / import / retention ---

    def export(self, incident_id: str, fmt: str, tz=None) -> str:
        """ "md" (handover brief), "json" (everything, with the chain) or "csv"."""
        with self._lock:
            tz = export.check_zone(tz)
            inc = self.incident(incident_id)
            book = self._books.book(incident_id, load=True)
            with book.lock:  # one moment: another process's next entry is not half in it
                self._books.refresh(book)
                recs, hashes = list(book.recs), list(book.hashes)
                shown = export.Entries(list(book.notes), recs, hashes,
                                       _rehashed(inc.id, recs, hashes, book.status()),
                                       book.export_tail())
            return export.render(inc, shown, derive(shown.notes), fmt, tz)

    def import_json(self, text: str) -> Incident:
        """Load a JSON export as a new incident (same id, entries, times), after checking
        its chain. ImportRefused when the text is not an export, its chain is broken or
        the incident already exists here."""
        inc, entries, tail = export.parse_json(text)
        with self._lock:
            self._books.create(inc, entries, tail=tail)
            return self.incident(inc.id)

    def purge_closed(self, older_than_days: int, *, confirm: bool = False, now=None) -> list[str]:
        """Retention (off unless the caller asks): ids of incidents closed more than
        `older_than_days` ago. Deletes them only with confirm=True."""
        if older_than_days < 1:
            raise ValueError("older_than_days must be at least 1")
        cutoff = (as_utc(now) if now else utcnow()) - timedelta(days=older_than_days)
        with self._lock:
            old = [i.id for i in self.incidents() if i.closed_at and i.closed_at < cutoff
                   and self._closed_in_log_before(i.id, cutoff)]
            if confirm:
                for inc_id in old:
                    self._books.forget(inc_id)
                    self._boards.pop(inc_id, None)
                    if self.root is not None:
                        shutil.rmtree(self.root / inc_id)
            return old

    def _closed_in_log_before(self, incident_id: str, cutoff) -> bool:
        """The entries agree that the call ended before `cutoff`: incident.json alone is
        not trusted to delete an incident (it is outside the chain; a damaged or edited
        one could say "closed in 2000" of an open call)."""
        try:
            ends = [n.at for n in self.entries(incident_id)
                    if n.kind == NoteKind.INCIDENT_CLOSED]
        except (OSError, IncidentError):
            return False  # cannot be read now: kept, never deleted unseen
        return bool(ends) and max(ends) < cutoff

    # --- notes the disk refused ---

    def pending(self, incident_id: str | None = None) -> list[PendingNote]:
        with self._lock:
            if incident_id is not None:
                return list(self._books.pending.get(incident_id, []))
            return [p for queue in self._books.pending.values() for p in queue]

    def retry(self) -> list[Note]:
        """Write every pending note, in order. Raises StorageUnavailable if any remain."""
        with self._lock:
            written, failure = [], None
            for inc_id in [i for i, q in self._books.pending.items() if q]:
                try:
                    written += self._books.flush(inc_id)
                except StorageUnavailable as err:
                    failure = err
            if failure is not None:
                raise failure
            return written

    def close(self) -> None:
        """Fold and close every file. Raises StorageUnavailable if notes are still
        pending (they stay in this object's memory: retry or export them)."""
        with self._lock:
            for book in self._books.open.values():
                book.close()
            self._books.open.clear()
            self._books.loaded.clear()
            left = self.pending()
            if left:
                raise StorageUnavailable(
                    Said("said_still_in_memory", n=len(left), where=self.root),
                    str(self.root),
                    len(left),
                )


def _rehashed(incident_id: str, recs: list, hashes: list, status: ChainStatus) -> ChainStatus:
    """What an export says of the chain: every entry hashed again. A notes.json whose seal
    still matches is read without that on screen (fast); a file edited and sealed again
    would have shown "chain intact" in the hand-over brief."""
    full = chain_mod.check(incident_id, list(zip(recs, hashes, strict=True)))
    if status.intact and not full.intact:
        return dataclasses.replace(status, problem=full.problem)
    return status
