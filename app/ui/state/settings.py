"""Settings: theme, text size, keeping the screen on. No flet import."""

from __future__ import annotations

from collections.abc import Callable

from app import prefs as prefs_mod
from app.i18n import text as t
from app.prefs import Prefs
from app.ui.state.ui import Ui


class SettingsPart:
    def __init__(self, prefs: Prefs, ui: Ui, keep_awake: Callable[[], None]) -> None:
        self.prefs, self.ui = prefs, ui
        self._keep_awake = keep_awake  # re-applies the wakelock (the incident part)

    def set_theme(self, theme: str) -> None:
        if theme not in prefs_mod.THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self.prefs.theme = theme
        self.ui.changed(save=True)

    def set_text_scale(self, scale: float) -> None:
        if scale not in prefs_mod.TEXT_SCALES:
            raise ValueError(f"unknown text size {scale!r}")
        self.prefs.text_scale = scale
        self.ui.changed(save=True)

    def set_keep_awake(self, on: bool) -> None:
        self.prefs.keep_awake = bool(on)
        self._keep_awake()
        self.ui.say(t("keep_awake_on" if on else "keep_awake_off"), save=True)
