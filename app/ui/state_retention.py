"""Retention of closed incidents: off by default; turning it on needs a confirmation.

Mixed into `IncidentState`; no flet import. Needs from the host: `log`, `prefs`, `now`,
`message`, `dialog`, `_call`, `_changed`.
"""

from __future__ import annotations


class RetentionState:
    def ask_retention(self, days: int | None) -> None:
        """Choose how long closed incidents are kept. Turning deletion on asks first."""
        if days is None:
            self.prefs.retention_days = None
            self.message = "Closed incidents are kept until you delete them."
            self._changed(save=True)
            return
        old = self._call(lambda: self.log.purge_closed(days, now=self.now())) if self.log else []
        self.retention_choice, self.retention_count = days, len(old or [])
        self.dialog = "retention"
        self._changed()

    def confirm_retention(self) -> None:
        days = self.retention_choice
        if days is None:
            return
        self.prefs.retention_days, self.retention_choice, self.dialog = days, None, None
        removed = self.apply_retention()
        self.message = (
            f"Closed incidents are deleted {days} days after closing. Deleted now: {len(removed)}."
        )
        self._changed(save=True)

    def apply_retention(self) -> list[str]:
        """Delete closed incidents older than the chosen retention (at start and on confirm)."""
        days = self.prefs.retention_days
        if not days or self.log is None:
            return []
        try:
            removed = self._call(
                lambda: self.log.purge_closed(days, confirm=True, now=self.now())
            ) or []
        except OSError as exc:
            self.message = f"Old incidents could not be deleted ({exc.strerror})."
            return []
        if self.prefs.incident_id in removed:
            self.prefs.incident_id = None
        return removed

