"""The open incident: its timeline, notes, board, clocks and export. No flet import.

Every call into the note log is wrapped so that a refusal or a disk problem becomes one
plain sentence (`save_error`, `ui.message`, or an error beside its field) and never a
traceback; a note the disk refused stays visible as unsaved (`IncidentLog.pending`)
until `retry_save()` writes it. The screen stays on while an incident is open, unless
the officer turned that off in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.i18n import text as t
from app.incidents import format_local
from app.numbers import plain_int
from app.prefs import Prefs
from app.said import local
from app.ui import labels as L
from app.ui.state.amend import AmendPart
from app.ui.state.board import BoardPart
from app.ui.state.device import Device
from app.ui.state.left_open import LeftOpen
from app.ui.state.nav import Nav
from app.ui.state.ui import Ui

PAGE = 20  # notes per timeline page: a screen builds in under 50 ms (benchmarks/startup.py)
MAX_MINUTES = 7 * 24 * 60  # a deadline further out than a week is a typo


class IncidentPart(BoardPart, AmendPart):
    def __init__(self, log: Any, prefs: Prefs, ui: Ui, nav: Nav, device: Device,
                 data_dir: Path, now: Callable[[], datetime] | None = None) -> None:
        self.log, self.prefs, self.ui, self.nav, self.device = log, prefs, ui, nav, device
        self.data_dir = Path(data_dir)
        self.now = now or (lambda: datetime.now(UTC))
        self.current = None  # the Incident shown (open or closed)
        self.timeline: list = []
        self.has_older = False
        self.board = None
        self.save_error: str | None = None
        self.amend_target = None
        self.incident_list: list = []
        self.used_phrases: set[str] = set()  # phrase keys used in this incident
        self.saved: str | None = None  # "Saved as #21 (Note) at 01:19.": under the buttons
        self.saved_kind: str | None = None  # the kind saved: the line goes under its button
        self.unfolded: set[str] = set()  # ids of long notes shown whole in the timeline
        self.guide_in_use: tuple[str, str] | None = None  # (id and version, line): AppState
        self._warned = 0  # how many of the log's warnings are already on screen
        # an open call made current without the preferences having followed it: AppState
        # reads its place back from these, its entries (app/ui/state/replay.py)
        self.taken_up: Callable[[list], None] | None = None
        self.left_open = LeftOpen(ui, prefs, lambda: self._call(self.log.incidents) or []
                                  if self.log else [])  # other calls the log says are open
        self._warn()

    def _warn(self) -> None:
        """Show what the log found wrong since we last looked, once, as a banner: a closed
        incident is read only when opened, so what is wrong with it is found then."""
        self._warned = self.ui.tell_new(getattr(self.log, "warnings", None) or [], self._warned)

    def resume(self) -> None:
        """At start: reopen the incident that was open when the app last ran."""
        if self.log is not None and self.prefs.incident_id:
            self._load(self.prefs.incident_id)
        self.left_open.tell()
        self.keep_awake()

    # ---- helpers ----
    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run a log call; a log error becomes a sentence, unknown errors stay loud."""
        from app.incidents import IncidentError, StorageUnavailable

        try:
            return fn()
        except StorageUnavailable as exc:
            self.save_error = t("not_saved_kept", problem=local(exc))
        except IncidentError as exc:
            self.ui.message = local(exc)
        finally:
            self._warn()
        return None

    def _load(self, incident_id: str) -> bool:
        inc = self._call(lambda: self.log.incident(incident_id)) if self.log else None
        if inc is None:
            if self.prefs.incident_id == incident_id:
                self.prefs.incident_id = None
            return False
        self.current = inc
        taken = inc.is_open and self.prefs.incident_id != inc.id
        if inc.is_open:
            self.prefs.incident_id = inc.id
            self.note_guide()  # the app may have restarted with another guide
        self.refresh_timeline()
        notes = self._call(lambda: self.log.all_notes(inc.id)) or []
        self.used_phrases = {n.item for n in notes if str(n.kind) == "phrase_used" and n.item}
        if taken:  # the preferences held another call's place, or none: read it back
            self.left_open.taken(inc.id)
            if self.taken_up is not None:
                self.taken_up(notes)
        return True

    @property
    def is_open(self) -> bool:
        return self.current is not None and self.current.is_open

    def keep_awake(self) -> None:
        """Screen on while an incident is open and the officer wants it (the default)."""
        self.device.keep_awake(self.is_open and self.prefs.keep_awake)

    def note_guide(self) -> None:
        """Name the guide on screen in the open incident's record (once per change)."""
        if self.is_open and self.log is not None and self.guide_in_use is not None:
            key, line = self.guide_in_use
            self._call(lambda: self.log.record_guide(self.current.id, key, line, at=self.now()))

    def record(self, kind: str, text: str, **fields: Any):
        """Log an automatic note (stage change, tick, phrase, override) if an incident is
        open. Returns the saved note or None. Does not re-render by itself."""
        if not self.is_open or self.log is None:
            return None
        fields.setdefault("at", self.now())  # one clock for the screen and the log
        note = self._call(lambda: self.log.add_note(self.current.id, kind, text, **fields))
        if note is not None:
            self.save_error = None
            self.timeline.insert(0, note)
        return note

    def enter(self, screen: str, incident_id: str | None) -> None:
        """The nav opened an incident screen: show the incident the route names."""
        self.saved = None
        if incident_id and (self.current is None or self.current.id != incident_id):
            if not self._load(incident_id):
                missing = t("no_such_incident", id=incident_id)
                if missing not in self.ui.notices:
                    self.ui.notices.append(missing)
        if screen == "board":
            self.refresh_board()
        elif screen == "incidents":
            self.incident_list = self._call(lambda: list(self.log.incidents())) or [] \
                if self.log else []
            self.left_open.tell(self.incident_list)

    @property
    def looked_away(self) -> str | None:
        """The live call's id while a closed call is shown for a look, else None."""
        live, cur = self.prefs.incident_id, self.current
        return live if cur is not None and not cur.is_open and live != cur.id else None

    def back_to_live(self) -> None:
        """Any other screen than a look's is the live call's again (its stage changes and
        ticks were going unlogged, Home offered Start)."""
        if live := self.looked_away:
            self._load(live)

    # ---- lifecycle ----
    def start(self, situation_id: str | None, situation_title: str | None,
              location: str) -> bool:
        if self.log is None:
            self.ui.say(t("log_unavailable"))
            return False
        label = situation_title or situation_id or t("not_chosen_yet")
        guide = self.guide_in_use[0] if self.guide_in_use else None
        inc = self._call(lambda: self.log.open_incident(label, (location or "").strip(),
                                                          at=self.now(), guide=guide))
        if inc is None:
            self.ui.changed()
            return False
        self.current = inc
        self.prefs.incident_id = inc.id
        self.timeline, self.has_older, self.board, self.used_phrases = [], False, None, set()
        self.note_guide()
        self.keep_awake()
        self.left_open.tell()
        self.nav.go("incident", incident=inc.id)
        return True

    def select(self, incident_id: str) -> None:
        self._load(incident_id)
        self.left_open.tell()  # the call it replaced, if still open
        self.nav.go("incident", incident=incident_id)

    def close(self) -> None:
        if self.current is None:
            return
        inc = self._call(lambda: self.log.close_incident(self.current.id, at=self.now()))
        if inc is not None:
            self.current = inc
            self.prefs.incident_id = None
        self.ui.dialog = None
        self.keep_awake()
        self.ui.changed(save=True)

    # ---- notes ----
    def add_note(self, kind: str, text: str, due_minutes: str | int | None = None) -> bool:
        """Save a note typed by the officer; a refusal is shown beside the field at fault."""
        self.ui.errors.clear()
        self.ui.message = self.saved = None
        if not self.is_open:
            self.ui.say(t("start_first"))
            return False
        text = (text or "").strip()
        fields: dict[str, Any] = {}
        if kind in ("contact_start", "contact_end") and not text:
            text = L.note_kind(kind)  # "Contact started" / "Contact ended"
        if kind == "deadline":
            raw = str(due_minutes if due_minutes is not None else "").strip()
            minutes = plain_int(raw) or 0
            if not 1 <= minutes <= MAX_MINUTES:  # said in words, not "1 to 10080 (got
                self.ui.error(L.DEADLINE_MINUTES, t(  # nothing)", which read as machine text
                    "deadline_invalid", got=raw[:20]) if raw else t("deadline_missing"))
                return False
            fields["due"] = self.now() + timedelta(minutes=minutes)
            text = text or t("deadline_default", n=minutes)
        if not text:
            self.ui.error(L.NOTE_FIELD, t("note_empty"))
            return False
        note = self.record(kind, text, **fields)
        if note is not None:  # on disk: said where the officer looks, by the field
            self.saved_kind = kind
            self.saved = t("note_saved", seq=note.seq, kind=L.kind_label(kind),
                           time=format_local(note.at, fmt="%H:%M:%S"))
        if note is not None and self.nav.screen == "board":
            self.refresh_board()
        self.ui.changed()
        return note is not None

    def toggle_note(self, note_id: str) -> None:
        """Show a long note whole in the timeline, or folded again."""
        self.unfolded ^= {note_id}
        self.ui.changed()

    def pending(self) -> list:
        if self.current is None or self.log is None:
            return []
        return list(self.log.pending(self.current.id))

    def retry_save(self) -> None:
        if self._call(self.log.retry) is not None or not self.pending():
            self.save_error = None if not self.pending() else self.save_error
            self.refresh_timeline()
        self.ui.changed()

    def refresh_timeline(self) -> None:
        if self.current is None:
            return
        page = self._call(lambda: self.log.notes(self.current.id, limit=PAGE)) or []
        self.timeline = list(page)
        self.has_older = len(page) == PAGE

    def load_older(self) -> None:
        if self.current is None or not self.timeline:
            return
        before = self.timeline[-1].seq
        page = self._call(
            lambda: self.log.notes(self.current.id, limit=PAGE, before_seq=before)) or []
        self.timeline.extend(page)
        self.has_older = len(page) == PAGE
        self.ui.changed()

    # ---- the call's details ----
    def change_details(self, situation: str | None = None, location: str | None = None) -> bool:
        """Correct the open incident's situation or place as the call becomes clear; the
        log keeps the old details too. A refusal shows beside the place field."""
        if not self.is_open:
            return False
        if location is not None:
            location = location.strip()
            if not location:
                self.ui.error(L.LOCATION_FIELD, t("location_empty"))
                return False
        inc = self._call(lambda: self.log.update_incident(
            self.current.id, situation=situation, location=location, at=self.now()))
        if inc is None:
            if location is not None:
                self.ui.error(L.LOCATION_FIELD, self.ui.message or self.save_error or "")
            return False
        self.current = inc
        self.ui.dialog = None
        self.ui.changed(save=True)
        return True
