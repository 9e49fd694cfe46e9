"""Phrases: the current stage's by default; filter by stage, skill and situation.

Say and Avoid differ by icon, by the word itself and by the card's style (Avoid has a
thick left bar and italic text), never by colour alone. Tapping a phrase marks it used.
"""

from __future__ import annotations

import flet as ft

from app.guide.model import AVOID
from app.ui import labels as L
from app.ui.state import phrase_key
from app.ui.theme import Sizes
from app.ui.views import common as c


def phrase_card(state, p, sz: Sizes) -> ft.Control:
    avoid = p.kind == AVOID
    used = phrase_key(p) in state.used_phrases
    word = "AVOID" if avoid else "SAY"
    icon = ft.Icons.DO_NOT_DISTURB_ON if avoid else ft.Icons.CHECK_CIRCLE
    fg = ft.Colors.ON_ERROR_CONTAINER if avoid else ft.Colors.ON_SECONDARY_CONTAINER
    head = [ft.Icon(icon, color=fg, size=sz.fs(22)),
            ft.Text(word, weight=ft.FontWeight.BOLD, size=sz.fs(15), color=fg)]
    if used:
        head.append(ft.Text("· used", size=sz.fs(14), color=fg))
    body = ft.Column(
        [
            ft.Row(head, spacing=6),
            ft.Text(p.text, size=sz.fs(20), italic=avoid, color=fg,
                    weight=ft.FontWeight.W_500),
        ],
        spacing=4,
    )
    return c.tappable(
        L.phrase(p.kind, p.text),
        body,
        lambda e: state.use_phrase(p),
        bgcolor=ft.Colors.ERROR_CONTAINER if avoid else ft.Colors.SECONDARY_CONTAINER,
        border=ft.Border.only(left=ft.BorderSide(8, fg)) if avoid else
        (ft.Border.all(3, fg) if state.highlight == p.text else None),
    )


def filters(state, sz: Sizes) -> list[ft.Control]:
    stage_opts = [
        c.choice(L.filter_option(L.FILTER_STAGE, L.FILTER_CURRENT_STAGE),
                 lambda e: state.set_filters(stage=None), state.filter_stage is None,
                 text=f"Now ({state.stage_no})")
    ] + [
        c.choice(L.filter_option(L.FILTER_STAGE, str(s.order)),
                 lambda e, o=s.order: state.set_filters(stage=o), state.filter_stage == s.order,
                 text=str(s.order))
        for s in state.stages
    ]
    skill_opts = [c.choice(L.filter_option(L.FILTER_SKILL, L.FILTER_ANY),
                           lambda e: state.set_filters(skill=None), state.filter_skill is None,
                           text="Any skill")] + [
        c.choice(L.filter_option(L.FILTER_SKILL, k.title),
                 lambda e, k=k: state.set_filters(skill=k.id), state.filter_skill == k.id,
                 text=k.title)
        for k in state.guide.skills
    ]
    sit_opts = [c.choice(L.filter_option(L.FILTER_SITUATION, L.FILTER_ANY),
                         lambda e: state.set_filters(situation=None),
                         state.filter_situation is None, text="Any situation")] + [
        c.choice(L.filter_option(L.FILTER_SITUATION, s.title),
                 lambda e, s=s: state.set_filters(situation=s.id),
                 state.filter_situation == s.id, text=s.title)
        for s in state.guide.situations
    ]
    return [
        ft.ExpansionTile(
            title=ft.Text("Filters", size=sz.fs(16)),
            subtitle=ft.Text(summary(state), size=sz.fs(14)),
            controls=[
                c.para("Stage", sz.fs, 14), c.wrap_row(stage_opts),
                c.para("Skill", sz.fs, 14), c.wrap_row(skill_opts),
                c.para("Situation", sz.fs, 14), c.wrap_row(sit_opts),
            ],
        )
    ]


def summary(state) -> str:
    stage = state.stage(state.phrase_stage())
    parts = [f"Stage {state.phrase_stage()}" + (f": {stage.title}" if stage else "")]
    skill = next((k for k in state.guide.skills if k.id == state.filter_skill), None)
    sit = state.situation(state.filter_situation) if state.filter_situation else None
    parts.append(skill.title if skill else "any skill")
    parts.append(sit.title if sit else "any situation")
    return " · ".join(parts)


@ft.component
def PhrasesView(state):
    sz = Sizes(state.prefs.text_scale)
    items = state.phrases()
    out = filters(state, sz)
    skill = next((k for k in state.guide.skills if k.id == state.filter_skill), None)
    if skill:
        out.append(c.para(skill.description, sz.fs, 15, italic=True))
    if not items:
        out.append(c.para("No phrases match these filters.", sz.fs))
    out += [phrase_card(state, p, sz) for p in items]
    return ft.Column(out, spacing=10)
