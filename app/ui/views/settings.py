"""Settings: theme, text size, screen on during an incident, retention, erasing practice
history; About is a tap away."""

from __future__ import annotations

import flet as ft

from app import prefs as P
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

THEMES = ("system", "light", "dark")  # catalogue: theme_<name> (label), theme_<name>_short


@ft.component
def SettingsView(state):
    sz = Sizes(state.prefs.text_scale)
    s, p = state.settings, state.prefs
    out: list[ft.Control] = [
        c.heading(L.SETTINGS_THEME, sz.fs),
        c.wrap_row([c.choice(t(f"theme_{k}"), lambda e, k=k: s.set_theme(k), p.theme == k,
                             text=t(f"theme_{k}_short")) for k in THEMES]),
        c.heading(L.SETTINGS_TEXT_SIZE, sz.fs),
        c.wrap_row([c.choice(L.TEXT_SIZES[v], lambda e, v=v: s.set_text_scale(v),
                             p.text_scale == v, text=f"{int(v * 100)}%")
                    for v in P.TEXT_SCALES]),
        c.heading(L.SETTINGS_SCREEN, sz.fs),
        c.switch(L.KEEP_AWAKE, p.keep_awake, s.set_keep_awake, sz.fs),
        c.heading(L.SETTINGS_RETENTION, sz.fs),
        c.wrap_row([c.choice(L.retention(d), lambda e, d=d: state.retention.ask(d),
                             p.retention_days == d, text=L.RETENTION_KEEP_SHORT if d is None
                             else t("retention_days_short", days=d))
                    for d in P.RETENTION_DAYS]),
        c.heading(t("settings_practice"), sz.fs),
        c.button(L.ERASE_PRACTICE, lambda e: state.practice.ask_erase(), ft.Icons.DELETE_OUTLINE),
    ]
    if state.ui.message:
        out.append(c.para(state.ui.message, sz.fs, 15))
    out.append(c.heading(t("settings_guide"), sz.fs))
    out.append(c.button(L.OPEN_GUIDE, lambda e: state.nav.go("guide"), ft.Icons.MENU_BOOK))
    out.append(c.button(L.OPEN_ABOUT, lambda e: state.nav.go("about"), ft.Icons.INFO_OUTLINE))
    return ft.Column(out, spacing=8)
