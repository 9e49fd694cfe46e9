"""A phrase card: what to say or avoid, as the Phrases screen lists them.

Say and Avoid differ by icon, by the word itself and by the card's style (Avoid has a
thick left bar and italic text), never by colour alone. An Avoid card says why, and what
to say instead. Slots ("[name]") stand out and are announced "fill in: name". Tapping a
Say card marks it used; an Avoid card is marked only by its "I said it" button. A screen
reader hears the card once: its label, then what else it shows (`common.tappable`'s
`said`).
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
    said = [L.PHRASE_USED] if used else []  # all the label does not say, in the card's order
    for word, value in ((L.PHRASE_WHY, getattr(p, "why", None)),
                        (L.PHRASE_INSTEAD, getattr(p, "instead", None))):
        if value:
            said.append(f"{word}: {value}")
            parts.append(ft.Text(spans=[
                ft.TextSpan(text=f"{word}: ", style=ft.TextStyle(weight=ft.FontWeight.BOLD)),
                ft.TextSpan(text=value)], size=sz.fs(16), color=fg))
    if caution := getattr(p, "caution", None):
        parts += c.caution_note(caution, sz.fs)
        said.append(L.caution(caution))
    highlighted = state.phrases.highlight == phrase_key(p)
    if avoid:
        return avoid_card(state, p, sz, parts, said, fg)
    return c.tappable(
        L.phrase(p.kind, spoken(p.text)),
        ft.Column(parts, spacing=4),
        lambda e: state.phrases.use(p),
        said="\n".join(said),
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border=ft.Border.all(3, fg) if highlighted else None,
    )


def avoid_card(state, p, sz: Sizes, parts: list[ft.Control], said: list[str], fg) -> ft.Control:
    """An Avoid card is read, not tapped: a tap anywhere on it logged "Said (an Avoid
    phrase)" into the evidence log while the officer was only reading why to avoid it. Its
    one action is a labelled button, "I said it", for the time one slips out."""
    text = ft.Semantics(label=L.phrase(p.kind, spoken(p.text)), value="\n".join(said) or None,
                        container=True, exclude_semantics=True, content=ft.Column(parts, spacing=4))
    mark = c.button(t("phrase_avoid_said_label", text=spoken(p.text)),
                    lambda e: state.phrases.use(p), icon=ft.Icons.RECORD_VOICE_OVER,
                    text=L.PHRASE_AVOID_SAID, compact=True)
    return ft.Container(
        content=ft.Column([text, ft.Row([mark], alignment=ft.MainAxisAlignment.END)],
                          spacing=8),
        padding=12, border_radius=12, bgcolor=ft.Colors.ERROR_CONTAINER,
        border=ft.Border.only(left=ft.BorderSide(8, fg)),
    )
