"""Settings and About: theme, text size, content versions, sources, skipped files."""

from __future__ import annotations

import flet as ft

from app import prefs as P
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

THEMES = (("system", L.THEME_SYSTEM, "Follow the phone"), ("light", L.THEME_LIGHT, "Light"),
          ("dark", L.THEME_DARK, "Night"))


@ft.component
def SettingsView(state):
    sz = Sizes(state.prefs.text_scale)
    g = state.guide
    out: list[ft.Control] = [
        c.heading("Theme", sz.fs),
        c.wrap_row([c.choice(label, lambda e, k=k: state.set_theme(k), state.prefs.theme == k,
                             text=text) for k, label, text in THEMES]),
        c.heading("Text size", sz.fs),
        c.wrap_row([c.choice(L.TEXT_SIZES[s], lambda e, s=s: state.set_text_scale(s),
                             state.prefs.text_scale == s, text=f"{int(s * 100)}%")
                    for s in P.TEXT_SCALES]),
        c.heading("Closed incidents on this device", sz.fs),
        c.wrap_row([c.choice(L.retention(d), lambda e, d=d: state.ask_retention(d),
                             state.prefs.retention_days == d,
                             text="Keep" if d is None else f"{d} days")
                    for d in P.RETENTION_DAYS]),
        c.heading("About the guide", sz.fs),
    ]
    if g.skipped:
        out.append(c.para("Skipped because of problems: " + ", ".join(g.skipped), sz.fs,
                          color=ft.Colors.ERROR))
    for m in sorted(g.files, key=lambda m: m.file):
        out.append(c.para(f"{m.title} — version {m.version}, reviewed {m.reviewed} ({m.file})",
                          sz.fs, 14))
    if g.sources:
        out.append(c.heading("Sources", sz.fs))
        out += [c.para(f"[{s.key}] {s.title}", sz.fs, 14) for s in g.sources]
    return ft.Column(out, spacing=8)
