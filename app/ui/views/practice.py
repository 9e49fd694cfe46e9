"""Practice: the three drills for the quiet minutes of a shift, timed mode, and Progress.

Everything here stays on the phone, in its own practice history: never in an incident or
its export.
"""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

DRILLS = (
    ("practice-skill", L.DRILL_SKILL, ft.Icons.QUIZ_OUTLINED,
     "A phrase from the guide. Which listening skill is it, or what is wrong with it?"),
    ("practice-walk", L.DRILL_WALK, ft.Icons.STAIRS_OUTLINED,
     "A conversation line by line. Good answers take you up the stairway."),
    ("practice-words", L.DRILL_WORDS, ft.Icons.KEYBOARD_VOICE_OUTLINED,
     "Answer the person in your own words and see what skill it looks like."),
)


@ft.component
def PracticeView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    out: list[ft.Control] = [
        c.para("Practice the listening skills before the call comes. Results stay on this "
               "phone, apart from incidents.", sz.fs),
        c.switch(L.TIMED_MODE, p.timed, p.set_timed, sz.fs),
    ]
    for screen, label, icon, about in DRILLS:
        out.append(ft.Column([
            c.button(label, lambda e, s=screen: state.nav.go(s), icon, primary=True),
            c.para(about, sz.fs, 15, color=ft.Colors.ON_SURFACE_VARIANT),
        ], spacing=4, horizontal_alignment=ft.CrossAxisAlignment.STRETCH))
    out.append(c.button(L.OPEN_PROGRESS, lambda e: state.nav.go("progress"), ft.Icons.BAR_CHART))
    return ft.Column(out, spacing=14)
