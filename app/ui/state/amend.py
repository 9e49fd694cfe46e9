"""Corrections to the open incident's notes, and the numbers notes are shown by: part of
`IncidentPart` (which supplies `log`, `current`, `is_open`, `now`, `timeline`, `_call` and
`ui`). The log keeps the original; an amendment is a new note that points at it. No flet
import."""

from __future__ import annotations

from typing import Any

from app.i18n import text as t
from app.ui import labels as L


class AmendPart:
    log: Any
    current: Any
    timeline: list
    amend_target: Any
    ui: Any
    is_open: bool

    def amendments(self) -> dict[str, list]:
        """Amendments by the id of the note they correct (shown beside the original)."""
        if self.current is None or self.log is None:
            return {}
        return self._call(lambda: self.log.amendments(self.current.id)) or {}

    def seq_of(self, note_id: str | None) -> int | None:
        """The number (#3) of a note of this incident, as the timeline shows it."""
        shown = next((n.seq for n in self.timeline if n.id == note_id), None)
        if shown is not None or not note_id or self.current is None or self.log is None:
            return shown
        older = self._call(lambda: self.log.all_notes(self.current.id)) or []
        return next((n.seq for n in older if n.id == note_id), None)

    def open_amend(self, note: Any) -> None:
        self.amend_target = note
        self.ui.ask("amend")

    def amend(self, text: str) -> bool:
        note = self.amend_target
        if note is None or not self.is_open:
            return False
        if not (text or "").strip():
            self.ui.error(L.AMEND_FIELD, t("amend_empty"))
            return False
        saved = self._call(lambda: self.log.amend(self.current.id, note.id, text.strip(),
                                                     at=self.now()))
        if saved is not None:
            self.timeline.insert(0, saved)
            self.amend_target = None
            self.ui.dialog = None
        self.ui.changed()
        return saved is not None
