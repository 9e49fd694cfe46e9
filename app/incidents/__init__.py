"""The incident note log: crash-safe, append-only, on TinyDB. No flet import.

Usage (what the UI calls)::

    from app.incidents import IncidentLog, NoteKind, format_local

    log = IncidentLog(data_dir)          # or IncidentLog(None) / IncidentLog.memory()
    for sentence in log.warnings:        # recovered/moved-aside files: tell the officer
        ...
    inc = log.open_incident("suicidal person on a bridge", "Elm St bridge")
    note = log.add_note(inc.id, NoteKind.NOTE, "Subject sitting on the rail")  # durable
    log.add_note(inc.id, NoteKind.DEADLINE, "Wants a car", due=some_utc_datetime)
    d = log.add_note(inc.id, NoteKind.DEMAND, "Wants to talk to his sister")
    log.add_note(inc.id, NoteKind.DEMAND_STATUS, "Sister on her way", ref=d.id,
                 status="negotiated")
    log.amend(inc.id, note.id, "Subject sitting on the outside of the rail")
    page = log.notes(inc.id, limit=50)   # newest first; next page: before_seq=page[-1].seq
    board = log.board(inc.id)            # demands, deadlines (due), hooks, triggers...
    log.chain_status(inc.id).sentence    # "14 entries, chain intact, head 3f9a 1c07 b2e4"
    text = log.export(inc.id, "md")      # "md" | "json" | "csv", each with the chain
    log.close_incident(inc.id)
    log.close()

Note kinds come from one table, `app.incidents.kinds.KINDS`. The chain and its
canonical form are described in `app.incidents.chain`; `export.verify(text)` checks
a JSON export.

Errors are `IncidentError` subclasses whose str() is one plain sentence:
`NoteRefused` (empty note...), `StorageUnavailable` (disk full / read-only: the note is
kept in `log.pending(incident_id)` and retried by `log.retry()` or the next add_note),
`StorageUnreadable` (a read refused: nothing was being saved), `IncidentNotFound`,
`ImportRefused`.
"""

from app.incidents.chain import ChainStatus
from app.incidents.clock import format_duration, format_local, format_stamp, utcnow
from app.incidents.kinds import BOARD_SECTIONS, MORE_KINDS
from app.incidents.log import IncidentLog
from app.incidents.model import (
    KIND_LABELS,
    QUICK_KINDS,
    Board,
    BoardItem,
    Contact,
    Deadline,
    Demand,
    DemandStatus,
    ImportRefused,
    Incident,
    IncidentError,
    IncidentNotFound,
    IncidentStatus,
    Note,
    NoteKind,
    NoteRefused,
    PendingNote,
    StorageUnavailable,
    StorageUnreadable,
)

__all__ = [
    "BOARD_SECTIONS",
    "KIND_LABELS",
    "MORE_KINDS",
    "QUICK_KINDS",
    "Board",
    "BoardItem",
    "ChainStatus",
    "Contact",
    "Deadline",
    "Demand",
    "DemandStatus",
    "ImportRefused",
    "Incident",
    "IncidentError",
    "IncidentLog",
    "IncidentNotFound",
    "IncidentStatus",
    "Note",
    "NoteKind",
    "NoteRefused",
    "PendingNote",
    "StorageUnavailable",
    "StorageUnreadable",
    "format_duration",
    "format_local",
    "format_stamp",
    "utcnow",
]
