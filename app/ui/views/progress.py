"""Progress: accuracy per skill over the last 7 or 30 days, as bars read at a glance (the
skill, the bar, and the percent and count in words too), the weakest skill with a
button that drills it, and the answers the officer kept for an instructor ("I think this
is fine"), with buttons that copy or share them.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui import screens
from app.ui.state.practice import DAYS
from app.ui.theme import Sizes
from app.ui.views import common as c


def bar(b, days: int, sz: Sizes) -> ft.Control:
    pct = round(100 * b.ratio)
    words = t("bar_count", percent=pct, right=b.right, total=b.total) if b.total \
        else t("bar_none")
    return ft.Column([
        ft.Row([ft.Text(b.title, size=sz.fs(16), weight=ft.FontWeight.BOLD, expand=True),
                ft.Text(t("percent", percent=pct) if b.total else "–", size=sz.fs(16),
                        weight=ft.FontWeight.BOLD)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        ft.ProgressBar(value=b.ratio, bar_height=14, border_radius=7,
                       semantics_label=L.skill_bar(b.title, b.right, b.total, days),
                       bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST),
        ft.Text(words, size=sz.fs(14), color=ft.Colors.ON_SURFACE_VARIANT),
    ], spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def weakest(state, w, sz: Sizes) -> ft.Control:
    if w is None:
        body = [c.para(t("weakest_none"), sz.fs, 15)]
    else:
        body = [
            c.para(t("weakest_line", title=w.title, percent=round(100 * w.ratio), right=w.right,
                     total=w.total), sz.fs, 16),
            c.button(L.drill_skill(w.title), lambda e: state.practice.drill(w.skill),
                     ft.Icons.FITNESS_CENTER, primary=True)
            if state.practice.can_drill(w.skill) else
            c.button(screens.get("practice_walk").label, lambda e: state.nav.go("practice_walk"),
                     ft.Icons.STAIRS_OUTLINED),  # no phrase of it to ask about: walk it
        ]
    return ft.Container(ft.Column([c.heading(t("weakest_title"), sz.fs, 3), *body],
                                  spacing=8),
                        padding=12, border_radius=12, bgcolor=ft.Colors.PRIMARY_CONTAINER)


@ft.component
def ProgressView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    prog = p.report or p.refresh()
    bars = prog.week if p.days == DAYS[0] else prog.month
    out: list[ft.Control] = [
        weakest(state, prog.weakest, sz),
        c.wrap_row([c.choice(L.progress_days(d), lambda e, d=d: p.set_days(d), p.days == d)
                    for d in DAYS]),
    ]
    if not any(b.total for b in bars):
        out.append(c.para(t("progress_empty", days=p.days), sz.fs, 15))
    out += [bar(b, p.days, sz) for b in bars]
    if prog.kept:
        out += kept(state, prog.kept, sz)
    return ft.Column(out, spacing=14)


def kept(state, answers, sz: Sizes) -> list[ft.Control]:
    """The answers kept with "I think this is fine": copy or share them all, newest shown."""
    d = state.debrief
    shown = d.shown()
    text = d.text()
    out: list[ft.Control] = [
        c.heading(t("kept_title"), sz.fs, 2),
        c.para(t("kept_note"), sz.fs, 15),
        c.para(t("kept_private"), sz.fs, 15, weight=ft.FontWeight.BOLD),
        c.wrap_row([
            c.button(L.COPY_KEPT, lambda e: d.copied(), ft.Icons.COPY,
                     action=ft.CopyToClipboard(text)),
            c.button(L.SHARE_KEPT, None, ft.Icons.SHARE,
                     action=ft.ShareText(text, subject=t("kept_copy_title", n=len(answers)))),
        ]),
        *c.share_hint(state, sz),
        *([c.para(state.ui.message, sz.fs, 15)] if state.ui.message else []),
    ]
    if len(shown) < len(answers):
        out.append(c.para(t("kept_more", shown=len(shown), n=len(answers)), sz.fs, 14))
    for a in shown:
        why = [c.para(a.reasons[0], sz.fs, 14)] if a.reasons else []
        out.append(ft.Container(ft.Column([
            c.para(f"{d.where(a)} · {d.verdict(a)}", sz.fs, 14,
                   color=ft.Colors.ON_SURFACE_VARIANT),
            c.para(t("kept_they_said", text=a.said), sz.fs, 15),
            c.para(t("kept_card_you_said", text=a.answer), sz.fs, 16,
                   weight=ft.FontWeight.W_500),
            *why,
        ], spacing=4), padding=12, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER))
    return out
