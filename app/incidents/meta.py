"""incident.json: the incident record, in TinyDB (SafeJSONStorage) or TinyDB memory.

It is a copy of what the record entries say (`board.incident_of`): fast to read for
the list of incidents, rebuilt from the entries when it is damaged or missing.
"""

from __future__ import annotations

from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from app.incidents.model import Incident
from app.incidents.records import incident_to_record, record_to_incident
from app.incidents.storage import SafeJSONStorage, move_aside, reason
from app.said import Said

META = "incident.json"
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, RecursionError,
          OverflowError)  # OverflowError: a date such as 9999-12-31T23:59-23:59


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
            return None, Said("said_record_rebuilt", path=self.path, kept=aside(self.path))

    def write(self, inc: Incident) -> None:
        self._db.table("incident").upsert(Document(incident_to_record(inc), doc_id=1))

    def close(self) -> None:
        self._db.close()


def aside(path: Path) -> Said:
    """Move a damaged file aside; say where it is (or why it could not move)."""
    try:
        return Said("said_kept_as", name=move_aside(path).name)
    except OSError as err:
        return Said("said_not_moved", reason=reason(err))
