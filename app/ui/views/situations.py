"""Situation picker: choosing one filters the checklist and phrases and shows its signs."""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


def details(sit, sz: Sizes) -> list[ft.Control]:
    out = [c.heading(sit.title, sz.fs, 1), c.para(sit.summary, sz.fs)]
    if sit.danger_signs:
        out += [c.heading(L.DANGER_SIGNS, sz.fs), c.bullets(sit.danger_signs, sz.fs,
                                                            ft.Icons.WARNING_AMBER)]
    if sit.priorities:
        out += [c.heading(L.PRIORITIES, sz.fs), c.bullets(sit.priorities, sz.fs)]
    if sit.questions:
        out += [c.heading(L.QUESTIONS_TO_ASK, sz.fs),
                c.bullets(sit.questions, sz.fs, ft.Icons.HELP_OUTLINE)]
    return out


@ft.component
def SituationsView(state):
    sz = Sizes(state.prefs.text_scale)
    chosen = state.prefs.situation
    part = state.situations
    found = part.get(part.preview) if part.preview else None
    # a search hit: its text first, or ten choices push it 1.5 screens down at the largest
    # text; the choices follow, the officer's own still ticked
    out: list[ft.Control] = [c.para(t("search_found_in", place=found.title), sz.fs, 14,
                                    weight=ft.FontWeight.BOLD), *details(found, sz),
                             ft.Divider()] if found else []
    out.append(c.para(L.WHAT_IS_THE_CALL, sz.fs, 18))
    for s in state.guide.situations:
        out.append(c.choice(L.situation_choice(s.title),
                            lambda e, s=s: state.situations.choose(s.id), s.id == chosen,
                            text=s.title))
    out.append(c.choice(L.SITUATION_NONE, lambda e: state.situations.choose(None),
                        chosen is None, text=L.SITUATION_NOT_SURE))
    if not state.guide.situations:
        out.append(c.para(L.SITUATIONS_NONE, sz.fs))
    shown = None if found else part.get()
    if shown:
        out += details(shown, sz)
    return ft.Column(out, spacing=10)
