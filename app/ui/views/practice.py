"""Practice: the three drills for the quiet minutes of a shift, timed mode, and Progress.

Everything here stays on the phone, in its own practice history: never in an incident or
its export.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui import screens
from app.ui.theme import Sizes
from app.ui.views import common as c

DRILLS = (  # screen (its label is the button), icon, what the drill is (a catalogue key)
    ("practice_skill", ft.Icons.QUIZ_OUTLINED, "drill_skill_about"),
    ("practice_walk", ft.Icons.STAIRS_OUTLINED, "drill_walk_about"),
    ("practice_words", ft.Icons.KEYBOARD_VOICE_OUTLINED, "drill_words_about"),
)
UNJUDGED = {"drill_words_about": "drill_words_compare"}  # when the rules can't read it


@ft.component
def PracticeView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    out: list[ft.Control] = [
        c.para(t("practice_intro"), sz.fs),
        c.switch(L.TIMED_MODE, p.timed, p.set_timed, sz.fs),
    ]
    for screen, icon, about in DRILLS:  # one card each: what the drill is, then its button
        out.append(ft.Container(ft.Column([
            c.para(t(about if p.judges else UNJUDGED.get(about, about)), sz.fs, 15),
            c.button(screens.get(screen).label, lambda e, s=screen: state.nav.go(s), icon,
                     primary=True),
        ], spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
            border=ft.Border.all(1, ft.Colors.OUTLINE), border_radius=12, padding=12))
    out.append(c.button(L.OPEN_PROGRESS, lambda e: state.nav.go("progress"), ft.Icons.BAR_CHART))
    return ft.Column(out, spacing=14)
