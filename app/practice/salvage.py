"""Reading back a damaged practice history: every attempt and kept answer still whole in
its bytes (a file cut short by a copy or a full card keeps all but its last record).

`PracticeHistory` calls `salvage` when its file cannot be read, before it moves the file
aside; the records found are written to a new file and counted in one sentence. A table
added to the history (`PracticeHistory.table`) is read back only once it has a row in
`RECOVERED` and a shape test here. No flet.
"""

from __future__ import annotations

from pathlib import Path

from app.fsutil import read_regular, whole_json
from app.incidents.meta import aside
from app.practice.attempt import DAMAGE, Attempt, PracticeError, checked
from app.practice.disputes import TABLE as KEPT
from app.practice.disputes import Dispute
from app.practice.history import TABLE
from app.said import Said

# what a damaged file's recovery counts, per table ("disputed": app.practice.disputes)
RECOVERED = ((TABLE, "said_count_answers"), ("disputed", "said_count_kept"))
SALVAGE_BYTES = 64 * 2**20  # far more than years of practice; a bigger file is read this far


def salvage(raw: bytes) -> dict[str, list[dict]]:
    """The attempts and kept answers still whole anywhere in a damaged file's bytes, by
    table, each record as a fresh write would store it; nothing else."""
    out: dict[str, list[dict]] = {TABLE: [], KEPT: []}
    text = raw.decode("utf-8", "replace")
    for obj, _, _ in whole_json(text, "{", lambda obj: _record(obj) is not None):
        table, record = _record(obj)  # type: ignore[misc]  # taken: not None
        out[table].append(record)
    return out


def _record(obj: object) -> tuple[str, dict] | None:
    """(table, record as written) of an attempt or a kept answer that checks out."""
    try:
        if isinstance(obj, dict) and "drill" in obj:
            return TABLE, checked(Attempt.from_record(obj)).to_record()
        if isinstance(obj, dict) and "answer" in obj and "said" in obj:
            return KEPT, Dispute.from_record(obj).to_record()
    except (*DAMAGE, PracticeError):
        pass
    return None


def recover(path: Path, storage) -> tuple[Said, dict | None]:
    """A history file that cannot be read: kept aside as found, its whole records written
    to a new file through `storage` (the history's SafeJSONStorage); the sentence to show,
    and, when the file could not be moved aside, its whole records as tables to show
    read-only (None otherwise): nothing is written over it."""
    try:
        found = salvage(read_regular(path, SALVAGE_BYTES)[:SALVAGE_BYTES])
    except OSError:
        found = {}
    kept = aside(path)
    storage.close()  # drop the cache
    n = {name: len(records) for name, records in found.items()}
    tables = {name: {str(i): r for i, r in enumerate(records, 1)}
              for name, records in found.items() if records}
    counted = [Said(key, n=n[name]) for name, key in RECOVERED if n.get(name)]
    if path.exists():  # not moved (read-only storage): shown, never written over
        if not counted:
            return Said("said_history_damaged", path=path, kept=kept), None
        return Said("said_history_stuck", path=path, kept=kept, found=counted), tables
    if counted:
        try:
            storage.write(tables)
        except OSError:
            counted = []  # the disk refused: the damaged copy aside still holds them
    if not counted:
        return Said("said_history_damaged", path=path, kept=kept), None
    return Said("said_history_recovered", path=path, kept=kept, found=counted), None
