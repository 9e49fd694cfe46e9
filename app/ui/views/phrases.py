"""Phrases: the current stage's by default; stage chips on top, skill and situation below
(with the advice that opens the skills file), then the chosen skill's definition. The
cards themselves are in phrase_card.py.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.state import phrase_key
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.phrase_card import phrase_card

# From this text scale up, five named stage chips fill a phone's first screen (four rows at
# 175% on 360x640). They then show the stage number only, and the chosen stage's name is
# written under them. (A sideways-scrolling row was tried: Flet's scroll_to could leave the
# chosen chip half off the edge.)
NUMBERS_SCALE = 1.5
NUMBER_WIDTH = 60  # five of these and their gaps fit a 360 px phone's 336 px


@ft.component
def StageChips(state):
    """One tap to another stage's phrases: "1 Active Listening", "2 Empathy"... (at large
    text "1", "2"..., with the chosen stage's name below). Each chip's label names it."""
    sz = Sizes(state.prefs.text_scale)
    ph, st = state.phrases, state.stairway
    numbers = sz.scale >= NUMBERS_SCALE

    def shown(s) -> str:
        if numbers:
            return str(s.order)
        return t("stage_chip_now", order=s.order, title=s.title) if s.order == st.number \
            else f"{s.order} {s.title}"

    chips = [c.choice(L.stage_chip(s.order, s.title), lambda e, o=s.order: ph.set_filters(stage=o),
                      ph.stage == s.order, text=shown(s), compact=numbers)
             for s in st.stages]
    if numbers:  # Material's 64 px minimum width made five chips one too many for 360 px
        chips = [ft.Container(chip, width=NUMBER_WIDTH) for chip in chips]
    chosen = next((s for s in st.stages if s.order == ph.stage), None)
    if not numbers or chosen is None:
        return c.wrap_row(chips)
    name = t("stage_chip_now", order=chosen.order, title=chosen.title) \
        if chosen.order == st.number else f"{chosen.order} {chosen.title}"
    return ft.Column([c.wrap_row(chips), c.para(name, sz.fs, 16, weight=ft.FontWeight.BOLD)],
                     spacing=4)


def more_filters(state, sz: Sizes) -> ft.Control:
    ph = state.phrases
    skills = [c.choice(L.filter_option(L.FILTER_SKILL, L.FILTER_ANY),
                       lambda e: ph.set_filters(skill=None), ph.skill is None, text=L.ANY_SKILL)]
    skills += [c.choice(L.filter_option(L.FILTER_SKILL, k.title),
                        lambda e, k=k: ph.set_filters(skill=k.id), ph.skill == k.id, text=k.title)
               for k in state.guide.skills]
    sits = [c.choice(L.filter_option(L.FILTER_SITUATION, L.FILTER_ANY),
                     lambda e: ph.set_filters(situation=None), ph.situation is None,
                     text=L.ANY_SITUATION)]
    sits += [c.choice(L.filter_option(L.FILTER_SITUATION, s.title),
                      lambda e, s=s: ph.set_filters(situation=s.id), ph.situation == s.id,
                      text=s.title)
             for s in state.guide.situations]
    skill = next((k.title for k in state.guide.skills if k.id == ph.skill), L.ANY_SKILL_LOWER)
    sit = state.situations.get(ph.situation) if ph.situation else None
    return ft.ExpansionTile(
        title=ft.Text(L.MORE_FILTERS, size=sz.fs(16)),
        subtitle=ft.Text(f"{skill} · {sit.title if sit else L.ANY_SITUATION_LOWER}",
                         size=sz.fs(14)),
        # the advice that opens the skills file, for every skill: inside, so the first
        # phrase stays on the first screen at the largest text
        controls=[*([c.para(intro, sz.fs, 15, italic=True)]
                    if (intro := state.guide.skills_intro) else []),
                  c.para(L.FILTER_SKILL_HEADING, sz.fs, 14), c.wrap_row(skills),
                  c.para(L.FILTER_SITUATION_HEADING, sz.fs, 14), c.wrap_row(sits)],
    )


@ft.component
def PhrasesView(state):
    sz = Sizes(state.prefs.text_scale)
    items = state.phrases.list()
    out = [StageChips(state), more_filters(state, sz)]
    skill = next((k for k in state.guide.skills if k.id == state.phrases.skill), None)
    if skill:
        out.append(c.para(skill.description, sz.fs, 15, italic=True))
    if not state.stairway.stages:
        out.append(c.para(L.PHRASES_NONE, sz.fs))
    elif not items:
        out.append(c.para(L.PHRASES_NO_MATCH, sz.fs))
    # a search hit comes first: the screen opens at its top, and the match must be in
    # sight (the rest keep their order below it)
    aim = state.phrases.highlight
    items = sorted(items, key=lambda p: phrase_key(p) != aim) if aim else items
    out += [phrase_card(state, p, sz) for p in items]
    return ft.Column(out, spacing=10)
