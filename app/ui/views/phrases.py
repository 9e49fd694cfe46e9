"""Phrases: the current stage's by default; stage chips on top, skill and situation below
(with the advice that opens the skills file), then the chosen skill's definition.

Say and Avoid differ by icon, by the word itself and by the card's style (Avoid has a
thick left bar and italic text), never by colour alone. An Avoid card says why, and what
to say instead. Slots ("[name]") stand out and are announced "fill in: name". Tapping a
phrase marks it used.
"""

from __future__ import annotations

import re

import flet as ft

from app.guide.model import AVOID
from app.i18n import text as t
from app.ui import labels as L
from app.ui.state import phrase_key
from app.ui.theme import Sizes
from app.ui.views import common as c

SLOT = re.compile(r"\[([^\[\]]+)\]")


def spoken(text: str) -> str:
    """What a screen reader says for a phrase: each slot as "fill in: name"."""
    return SLOT.sub(lambda m: t("phrase_slot", slot=m.group(1)), text)


def phrase_text(text: str, size: float, color, italic: bool) -> ft.Text:
    """The phrase, with each [slot] boxed and underlined so it reads as "fill this in"."""
    parts = SLOT.split(text)
    if len(parts) == 1:
        return ft.Text(text, size=size, italic=italic, color=color, weight=ft.FontWeight.W_500)
    spans = [ft.TextSpan(text=f"[{p}]" if i % 2 else p, style=ft.TextStyle(
        decoration=ft.TextDecoration.UNDERLINE, weight=ft.FontWeight.BOLD,
        bgcolor=ft.Colors.SURFACE) if i % 2 else None)
             for i, p in enumerate(parts) if p]
    return ft.Text(spans=spans, size=size, italic=italic, color=color,
                   weight=ft.FontWeight.W_500)


def phrase_card(state, p, sz: Sizes) -> ft.Control:
    avoid = p.kind == AVOID
    used = phrase_key(p) in state.incident.used_phrases
    fg = ft.Colors.ON_ERROR_CONTAINER if avoid else ft.Colors.ON_SECONDARY_CONTAINER
    head = [ft.Icon(ft.Icons.DO_NOT_DISTURB_ON if avoid else ft.Icons.CHECK_CIRCLE, color=fg,
                    size=sz.fs(22)),
            ft.Text(L.PHRASE_AVOID_BADGE if avoid else L.PHRASE_SAY_BADGE,
                    weight=ft.FontWeight.BOLD, size=sz.fs(15), color=fg)]
    if used:
        head.append(ft.Text(L.PHRASE_USED, size=sz.fs(14), color=fg))
    parts: list[ft.Control] = [ft.Row(head, spacing=6),
                               phrase_text(p.text, sz.fs(20), fg, avoid)]
    for word, value in ((L.PHRASE_WHY, getattr(p, "why", None)),
                        (L.PHRASE_INSTEAD, getattr(p, "instead", None))):
        if value:
            parts.append(ft.Text(spans=[
                ft.TextSpan(text=f"{word}: ", style=ft.TextStyle(weight=ft.FontWeight.BOLD)),
                ft.TextSpan(text=value)], size=sz.fs(16), color=fg))
    parts += c.caution_note(getattr(p, "caution", None), sz.fs)
    highlighted = state.phrases.highlight == phrase_key(p)
    return c.tappable(
        L.phrase(p.kind, spoken(p.text)),
        ft.Column(parts, spacing=4),
        lambda e: state.phrases.use(p),
        bgcolor=ft.Colors.ERROR_CONTAINER if avoid else ft.Colors.SECONDARY_CONTAINER,
        border=ft.Border.only(left=ft.BorderSide(8, fg)) if avoid else
        (ft.Border.all(3, fg) if highlighted else None),
    )


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
