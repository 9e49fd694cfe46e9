"""The incident half of the app state: the open incident, its timeline, board and export.

Mixed into `AppState`; no flet import. Every call into the note log is wrapped so that a
refusal or a disk problem becomes one plain sentence (`self.save_error`,
`self.message`) and never a traceback; a note the disk refused stays visible as unsaved
(`IncidentLog.pending`) until `retry_save()` writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.fsutil import atomic_write
from app.ui.state_retention import RetentionState

PAGE = 50  # notes per timeline page: never build thousands of controls


@dataclass(frozen=True)
class ExportFile:
    fmt: str
    name: str
    text: str
    saved_to: str | None = None  # where a copy was written when not in a browser


class IncidentState(RetentionState):
    """Needs from the host class: `prefs`, `data_dir`, `message`, `dialog`, `_changed`."""

    def __init__(self, log: Any, now: Callable[[], datetime] | None = None) -> None:
        self.log = log
        self.now = now or (lambda: datetime.now(UTC))
        self.incident = None
        self.timeline: list = []
        self.has_older = False
        self.board = None
        self.save_error: str | None = None
        self.amend_target = None
        self.export_file: ExportFile | None = None
        self.incident_list: list = []
        self.last_note = None
        self.deliver: Callable[[str, str], None] | None = None
        self.retention_choice: int | None = None  # asked for, awaiting confirmation
        self.retention_count = 0  # closed incidents the asked-for choice deletes now
        if log is not None:
            self.notices.extend(getattr(log, "warnings", []) or [])
            self.apply_retention()
        if log is not None and self.prefs.incident_id:
            self._load_incident(self.prefs.incident_id)

    # ---- helpers ----
    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run a log call; a log error becomes a sentence, unknown errors stay loud."""
        from app.incidents import IncidentError, StorageUnavailable

        try:
            result = fn()
        except StorageUnavailable as exc:
            self.save_error = f"{exc} Your note is kept on this screen until it is saved."
            return None
        except IncidentError as exc:
            self.message = str(exc)
            return None
        return result

    def _load_incident(self, incident_id: str) -> None:
        inc = self._call(lambda: self.log.incident(incident_id))
        if inc is None:
            self.prefs.incident_id = None
            return
        self.incident = inc
        self.prefs.incident_id = inc.id
        self.refresh_timeline()
        notes = self._call(lambda: self.log.all_notes(inc.id)) or []
        self.used_phrases = {n.item for n in notes if str(n.kind) == "phrase_used" and n.item}

    @property
    def incident_open(self) -> bool:
        return self.incident is not None and self.incident.is_open

    def log_note(self, kind: str, text: str, **fields: Any):
        """Record an automatic note (stage change, tick, phrase, override) if an incident
        is open. Returns the saved note or None. Does not re-render by itself."""
        if not self.incident_open or self.log is None:
            return None
        fields.setdefault("at", self.now())  # one clock for the screen and the log
        note = self._call(lambda: self.log.add_note(self.incident.id, kind, text, **fields))
        if note is not None:
            self.save_error = None
            self.timeline.insert(0, note)
            self.last_note = note
        return note

    def on_screen(self, screen: str) -> None:
        if screen == "board":
            self.refresh_board()
        elif screen == "incidents":
            self.incident_list = self._call(lambda: list(self.log.incidents())) or []

    # ---- lifecycle ----
    def open_start(self) -> None:
        self.dialog = "start"
        self.message = None
        self._changed()

    def start_incident(self, situation: str | None, location: str) -> bool:
        if self.log is None:
            self.message = "The note log is not available on this device."
            self._changed()
            return False
        sit = self.situation(situation) if situation else None
        label = sit.title if sit else (situation or "Not chosen yet")
        inc = self._call(lambda: self.log.open_incident(label, (location or "").strip(),
                                                          at=self.now()))
        if inc is None:
            self._changed()
            return False
        if situation:
            self.prefs.situation = situation
            self.filter_situation = situation
        self.incident = inc
        self.prefs.incident_id = inc.id
        self.timeline, self.has_older, self.board = [], False, None
        self.dialog = None
        self.screen = self.prefs.last_screen = "incident"
        self._changed(save=True)
        return True

    def select_incident(self, incident_id: str) -> None:
        self._load_incident(incident_id)
        self.screen = self.prefs.last_screen = "incident"
        self._changed(save=True)

    def close_incident(self) -> None:
        if self.incident is None:
            return
        inc = self._call(lambda: self.log.close_incident(self.incident.id, at=self.now()))
        if inc is not None:
            self.incident = inc
            self.prefs.incident_id = None
        self.dialog = None
        self._changed(save=True)

    # ---- notes ----
    def add_note(self, kind: str, text: str, due_minutes: str | int | None = None) -> bool:
        if not self.incident_open:
            self.message = "Start an incident first."
            self._changed()
            return False
        text = (text or "").strip()
        fields: dict[str, Any] = {}
        if kind in ("contact_start", "contact_end") and not text:
            text = "Contact started" if kind == "contact_start" else "Contact ended"
        if kind == "deadline":
            try:
                minutes = int(str(due_minutes).strip())
            except (TypeError, ValueError):
                self.message = "Give the minutes left until the deadline."
                self._changed()
                return False
            fields["due"] = self.now() + timedelta(minutes=minutes)
        if not text:
            self.message = "Write the note first."
            self._changed()
            return False
        self.message = None
        note = self.log_note(kind, text, **fields)
        if note is not None and self.screen == "board":
            self.refresh_board()
        self._changed()
        return note is not None

    def pending(self) -> list:
        if self.incident is None or self.log is None:
            return []
        return list(self.log.pending(self.incident.id))

    def retry_save(self) -> None:
        if self._call(self.log.retry) is not None or not self.pending():
            self.save_error = None if not self.pending() else self.save_error
            self.refresh_timeline()
        self._changed()

    def refresh_timeline(self) -> None:
        if self.incident is None:
            return
        page = self._call(lambda: self.log.notes(self.incident.id, limit=PAGE)) or []
        self.timeline = list(page)
        self.has_older = len(page) == PAGE

    def load_older(self) -> None:
        if self.incident is None or not self.timeline:
            return
        before = self.timeline[-1].seq
        page = self._call(
            lambda: self.log.notes(self.incident.id, limit=PAGE, before_seq=before)
        ) or []
        self.timeline.extend(page)
        self.has_older = len(page) == PAGE
        self._changed()

    def amendments(self) -> dict[str, list]:
        """Amendments by the id of the note they correct (shown beside the original)."""
        if self.incident is None or self.log is None:
            return {}
        return self._call(lambda: self.log.amendments(self.incident.id)) or {}

    def open_amend(self, note: Any) -> None:
        self.amend_target = note
        self.message = None
        self.dialog = "amend"
        self._changed()

    def amend(self, text: str) -> bool:
        note = self.amend_target
        if note is None or not self.incident_open:
            return False
        if not (text or "").strip():
            self.message = "Write the corrected text first."
            self._changed()
            return False
        saved = self._call(lambda: self.log.amend(self.incident.id, note.id, text.strip(),
                                                     at=self.now()))
        if saved is not None:
            self.timeline.insert(0, saved)
            self.dialog, self.amend_target, self.message = None, None, None
        self._changed()
        return saved is not None

    # ---- board ----
    def refresh_board(self) -> None:
        if self.incident is not None:
            self.board = self._call(lambda: self.log.board(self.incident.id))

    def set_demand_status(self, demand: Any, status: str) -> None:
        if not self.incident_open:
            return
        self.log_note("demand_status", f"{demand.text}: {status}", ref=demand.note_id,
                      status=status)
        self.refresh_board()
        self._changed()

    def clocks(self) -> tuple[timedelta | None, timedelta | None]:
        """(since the incident opened, since the last contact); a contact going on is 0."""
        if self.incident is None:
            return None, None
        now = self.now()
        since_start = now - self.incident.opened_at
        board = self._call(lambda: self.log.board(self.incident.id)) if self.log else None
        if board is None or board.last_contact is None:
            return since_start, None
        if board.in_contact:
            return since_start, timedelta(0)
        return since_start, now - board.last_contact

    def chain_line(self) -> str:
        """ "N entries, chain intact, head 3f9a 1c07 b2e4", or what is wrong with it."""
        if self.incident is None or self.log is None:
            return ""
        status = self._call(lambda: self.log.chain_status(self.incident.id))
        return status.sentence if status is not None else ""

    # ---- export ----
    def export(self, fmt: str, browser: bool = True) -> ExportFile | None:
        if self.incident is None:
            return None
        text = self._call(lambda: self.log.export(self.incident.id, fmt))
        if text is None:
            self._changed()
            return None
        name = f"incident-{self.incident.id}.{fmt}"
        saved_to = None
        if not browser:
            target = self.data_dir / "exports" / name
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(target, text)
                saved_to = str(target)
            except OSError as exc:
                self.message = f"The export could not be written to {target} ({exc.strerror})."
        elif self.deliver is not None:
            self.deliver(name, text)  # the browser download, wired by the app factory
        self.export_file = ExportFile(fmt, name, text, saved_to)
        self.dialog = "export"
        self._changed()
        return self.export_file
