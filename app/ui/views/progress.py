"""Progress: accuracy per skill over the last 7 or 30 days, as bars read at a glance (the
skill, the bar, and the percent and count in words too), and the weakest skill with a
button that drills it.
"""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.state.practice import DAYS
from app.ui.theme import Sizes
from app.ui.views import common as c


def bar(b, days: int, sz: Sizes) -> ft.Control:
    pct = round(100 * b.ratio)
    words = f"{pct}% · {b.right} of {b.total} right" if b.total else "Not practiced yet"
    return ft.Column([
        ft.Row([ft.Text(b.title, size=sz.fs(16), weight=ft.FontWeight.BOLD, expand=True),
                ft.Text(f"{pct}%" if b.total else "–", size=sz.fs(16),
                        weight=ft.FontWeight.BOLD)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        ft.ProgressBar(value=b.ratio, bar_height=14, border_radius=7,
                       semantics_label=L.skill_bar(b.title, b.right, b.total, days),
                       bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST),
        ft.Text(words, size=sz.fs(14), color=ft.Colors.ON_SURFACE_VARIANT),
    ], spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def weakest(state, w, sz: Sizes) -> ft.Control:
    if w is None:
        body = [c.para("Answer at least 3 questions on a skill to see which one needs the most "
                       "work.", sz.fs, 15)]
    else:
        body = [
            c.para(f"{w.title}: {round(100 * w.ratio)}%, {w.right} of {w.total} right in the "
                   "last 30 days.", sz.fs, 16),
            c.button(L.drill_skill(w.title), lambda e: state.practice.drill(w.skill),
                     ft.Icons.FITNESS_CENTER, primary=True)
            if state.practice.can_drill(w.skill) else
            c.button(L.DRILL_WALK, lambda e: state.nav.go("practice-walk"),
                     ft.Icons.STAIRS_OUTLINED),  # no phrase of it to ask about: walk it
        ]
    return ft.Container(ft.Column([c.heading("Your weakest skill", sz.fs, 3), *body],
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
        out.append(c.para(f"No answers in the last {p.days} days yet. Each drill answer "
                          "counts for the skill it asks about.", sz.fs, 15))
    out += [bar(b, p.days, sz) for b in bars]
    return ft.Column(out, spacing=14)
