"""IncidentLog's internals: the open books (one per incident), errors, the outbox.

Kept apart from `log.py` so that file reads as the public interface.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from app.incidents.book import Book
from app.incidents.model import (
    ImportRefused,
    Incident,
    IncidentNotFound,
    Note,
    PendingNote,
    StorageUnavailable,
)
from app.incidents.storage import fsync_dir, reason

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # also safe as a folder name


class Books:
    """Attributes set by IncidentLog.__init__: root, fold_min, warnings, _books,
    _loaded, _pending."""

    root: Path | None
    fold_min: int
    warnings: list[str]
    _books: dict[str, Book]
    _loaded: set[str]
    _pending: dict[str, list[PendingNote]]

    # --- internals ---

    def _book(self, incident_id: str, load: bool = False) -> Book:
        book = self._books.get(incident_id)
        if book is None:
            if not isinstance(incident_id, str) or not ID_RE.match(incident_id):
                raise IncidentNotFound(f"There is no incident {incident_id!r}.")
            directory = None
            if self.root is not None:
                directory = self.root / incident_id
                if not directory.is_dir():
                    raise IncidentNotFound(f"There is no incident {incident_id} in {self.root}.")
            elif incident_id not in self._books:
                raise IncidentNotFound(f"There is no incident {incident_id}.")
            book = self._books[incident_id] = Book(incident_id, directory, self.fold_min)
        if load and incident_id not in self._loaded:
            self._guard(book.load, book)
            self._loaded.add(incident_id)
        return book

    def _read(self, incident_id: str) -> Book:
        book = self._book(incident_id, load=True)
        self._refresh(book)
        return book

    def _refresh(self, book: Book) -> None:
        try:
            with book.lock:
                book.refresh()
        except OSError:
            pass  # read what we have; a write will report the disk problem
        self._collect(book)

    def _collect(self, book: Book) -> None:
        if book.warnings:
            self.warnings.extend(book.warnings)
            book.warnings.clear()

    def _guard(self, action, book: Book | None = None):
        try:
            return action()
        except OSError as err:
            where = book.dir if book is not None and book.dir else self.root
            raise StorageUnavailable(
                f"Could not write to {where} because {reason(err)}.", str(where)
            ) from err
        finally:
            if book is not None:
                self._collect(book)

    def _exists(self, incident_id: str) -> bool:
        return incident_id in self._books or (
            self.root is not None and (self.root / incident_id).exists()
        )

    def _create(self, inc: Incident, notes: list[Note] | None = None) -> None:
        if self._exists(inc.id):
            raise ImportRefused(f"Incident {inc.id} already exists here; nothing was imported.")
        directory = None
        if self.root is not None:
            directory = self.root / inc.id
            self._guard(lambda: _make_dir(directory))
        book = Book(inc.id, directory, self.fold_min)
        self._guard(lambda: book.write_incident(inc), book)
        if notes:
            self._guard(lambda: book.bulk_load(notes), book)
        self._books[inc.id] = book
        self._loaded.add(inc.id)

    def _rebuild(self, book: Book) -> Incident:
        self._book(book.id, load=True)
        if not book.notes:
            raise IncidentNotFound(f"There is no readable incident {book.id}.")
        inc = Incident(
            book.id,
            book.notes[0].at,
            None,
            "(recovered: the incident record was damaged)",
            "",
        )
        try:
            book.write_incident(inc)
        except OSError:
            pass
        return inc

    def _flush(self, incident_id: str) -> list[Note]:
        """Write the pending queue of one incident in order (under the file lock)."""
        queue = self._pending.get(incident_id, [])
        book = self._book(incident_id, load=True)
        written: list[Note] = []
        try:
            with book.lock:
                book.refresh()
                while queue:
                    p = queue[0]
                    if p.id not in book.by_id:
                        seq = book.notes[-1].seq + 1 if book.notes else 1
                        note = Note(p.id, incident_id, seq, p.at, p.kind, p.text, **p.fields)
                        book.append(note)
                    written.append(book.by_id[p.id])
                    queue.pop(0)
        except OSError as err:
            where = book.dir or self.root
            msg = (
                f"The note was not saved to {where} because {reason(err)}; it is kept "
                f"in memory ({len(queue)} waiting) and will be retried."
            )
            queue[:] = [dataclasses.replace(p, error=msg) for p in queue]
            raise StorageUnavailable(msg, str(where), len(queue)) from err
        finally:
            self._collect(book)
        return written


def _make_dir(directory: Path) -> None:
    """Create an incident folder so that its name survives a power cut too."""
    directory.mkdir(mode=0o700, parents=True)
    fsync_dir(directory.parent)
    fsync_dir(directory.parent.parent)
