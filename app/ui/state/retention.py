"""Retention of closed incidents: off by default; turning it on needs a confirmation.

No flet import. Given the note log, the preferences, the shared Ui and a clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.i18n import text as t
from app.prefs import Prefs
from app.ui.state.ui import Ui


class RetentionPart:
    def __init__(self, log: Any, prefs: Prefs, ui: Ui, now: Callable[[], datetime],
                 call: Callable[[Callable[[], Any]], Any]) -> None:
        self.log, self.prefs, self.ui, self.now = log, prefs, ui, now
        self._call = call  # the incident part's wrapper: log errors become sentences
        self.choice: int | None = None  # asked for, awaiting confirmation
        self.count = 0  # closed incidents the asked-for choice deletes now

    def ask(self, days: int | None) -> None:
        """Choose how long closed incidents are kept. Turning deletion on asks first."""
        if days is None:
            self.prefs.retention_days = None
            self.ui.say(t("retention_kept"), save=True)
            return
        old = self._call(lambda: self.log.purge_closed(days, now=self.now())) if self.log else []
        self.choice, self.count = days, len(old or [])
        self.ui.ask("retention")

    def confirm(self) -> None:
        days = self.choice
        if days is None:
            return
        self.prefs.retention_days, self.choice, self.ui.dialog = days, None, None
        removed = self.apply()
        self.ui.say(t("retention_set", days=days, n=len(removed)), save=True)

    def apply(self) -> list[str]:
        """Delete closed incidents older than the chosen retention (at start and on confirm)."""
        days = self.prefs.retention_days
        if not days or self.log is None:
            return []
        try:
            removed = self._call(
                lambda: self.log.purge_closed(days, confirm=True, now=self.now())) or []
        except OSError as exc:
            self.ui.message = t("retention_failed", reason=exc.strerror)
            return []
        if self.prefs.incident_id in removed:
            self.prefs.incident_id = None
        return removed
