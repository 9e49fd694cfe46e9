"""incident.json: the incident record, in TinyDB (SafeJSONStorage) or TinyDB memory.

It is a copy of what the record entries say (`board.incident_of`): fast to read for
the list of incidents, rebuilt from the entries when it is damaged or missing.

Its `tail` table holds the number of the last closing entry or amendment written (after
that entry is durable): the one thing outside the log that says how far the log reached.
A closed incident gets nothing after those, so a log that ends before its tail was cut
short (book.py tells it); without this a removed last amendment went unnoticed.
"""

from __future__ import annotations

from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from app.incidents.model import Incident
from app.incidents.records import incident_to_record, record_to_incident
from app.incidents.storage import SafeJSONStorage, move_aside, reason

META = "incident.json"
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, RecursionError)


class IncidentFile:
    def __init__(self, directory: Path | None):
        self.path = directory / META if directory is not None else None
        self._db = (
            TinyDB(storage=MemoryStorage) if directory is None
            else TinyDB(self.path, storage=SafeJSONStorage)
        )

    def read(self) -> tuple[Incident | None, str | None]:
        """(the record, None), or (None, a sentence) when the file was damaged and set
        aside, or (None, None) when there is none."""
        try:
            doc = self._db.table("incident").get(doc_id=1)
            return (record_to_incident(doc) if doc else None), None
        except DAMAGE:
            if self.path is None or not self.path.exists():
                return None, None
            return None, (
                f"The incident record {self.path} was damaged; {aside(self.path)} and it was "
                "rebuilt from the entries."
            )

    def write(self, inc: Incident) -> None:
        self._db.table("incident").upsert(Document(incident_to_record(inc), doc_id=1))

    def tail(self) -> int | None:
        """The number of the last closing entry or amendment written; None if unknown."""
        try:
            doc = self._db.table("tail").get(doc_id=1)
        except DAMAGE:
            return None  # read() sets a damaged file aside and says so
        seq = doc.get("seq") if doc else None
        return seq if type(seq) is int and seq >= 0 else None

    def raise_tail(self, seq: int) -> None:
        """Record that entry `seq` (durable already) was written. A disk that refuses loses
        only this safeguard, never the entry."""
        try:
            if (self.tail() or -1) < seq:
                try:
                    self._db.table("tail").upsert(Document({"seq": seq}, doc_id=1))
                except DAMAGE:  # a damaged tail table: written anew
                    self._db.drop_table("tail")
                    self._db.table("tail").insert(Document({"seq": seq}, doc_id=1))
        except (OSError, *DAMAGE):
            pass

    def close(self) -> None:
        self._db.close()


def aside(path: Path) -> str:
    """Move a damaged file aside; say where it is (or why it could not move)."""
    try:
        return f"it was kept as {move_aside(path).name}"
    except OSError as err:
        return f"it could not be moved aside ({reason(err)})"
