"""Progress and erasing practice history: part of `PracticePart` (which supplies `core`,
`guide`, `ui`, `nav`, `days`, `erase_count`, `report` and `_stop`), and opening the
history file. No flet import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.guide.model import SAY
from app.i18n import text as t
from app.practice import quiz as Q
from app.practice.attempt import PracticeError
from app.practice.drills import Progress
from app.practice.history import PracticeHistory
from app.said import local

DAYS = (7, 30)  # the Progress windows


def open_history(data_dir: Path | None) -> tuple[PracticeHistory, str | None]:
    """The history in the data folder; when it cannot be opened, one kept in memory and a
    sentence saying so (practice still works, results last until the app closes)."""
    try:
        return PracticeHistory(data_dir), None
    except Exception as exc:  # noqa: BLE001 - any failure becomes one sentence on screen
        return PracticeHistory(None), t("practice_failed_open", folder=str(data_dir),
                                         reason=exc.__class__.__name__)


class ProgressPart:
    """The Progress screen's figures and Settings' erase, confirmed first."""

    core: Any
    guide: Any
    ui: Any
    nav: Any
    days: int
    erase_count: int | None
    report: Progress | None
    _warned: int
    _stop: Callable[[], None]  # ends the drill on screen

    def refresh(self) -> Progress:
        """Read the history for the Progress screen (on entry, so a damaged file's banner
        shows with the first frame)."""
        self.report = self.core.progress()
        self._warn()
        return self.report

    def can_drill(self, skill: str) -> bool:
        """Does the guide have Say phrases of this skill to ask about?"""
        return any(p.kind == SAY and p.skill == skill for p in Q.candidates(self.guide))

    def set_days(self, days: int) -> None:
        if days not in DAYS:
            raise ValueError(f"no progress window of {days!r} days: use one of {DAYS}")
        self.days = days
        self.ui.changed()

    def drill(self, skill: str) -> None:
        """Start a "Name the skill" drill on one skill (the weakest, from Progress)."""
        self.nav.go("practice_skill", skill=skill)

    # ---- Settings: erase practice history, confirmed first ----
    def ask_erase(self) -> None:
        n = len(self.core.history.attempts())
        self._warn()
        if n == 0:
            self.erase_count = None
            self.ui.say(t("erase_nothing"))
            return
        self.erase_count = n
        self.ui.ask("erase")  # full screen, as every question: in view, and Back closes it

    def cancel_erase(self) -> None:
        self.erase_count = None
        self.ui.dialog = None
        self.ui.say(t("erase_kept"))

    def confirm_erase(self) -> None:
        if self.erase_count is None or self.ui.dialog != "erase":
            return
        self.erase_count = None
        self.ui.dialog = None
        try:
            n = self.core.erase_history()
        except PracticeError as err:
            self.ui.say(local(err))
            return
        self._stop()
        self.ui.say(t("erase_done", n=n))

    def _warn(self) -> None:
        """A damaged history file found while reading: say so once, as a banner."""
        self._warned = self.ui.tell_new(self.core.warnings, self._warned)
