"""What the three drill screens share: the countdown, feedback boxes, the end of a run.

The countdown is a component with its own heartbeat: while it is on screen it asks the
state every quarter second whether time is up (`state.practice.tick()`), and redraws the
seconds left. It is only on screen while a question waits for an answer, so leaving the
screen, answering, or the time running out unmounts it, and its cleanup stops the loop
(as `hooks.use_tick` does for the incident clocks).
"""

from __future__ import annotations

import asyncio
import math

import flet as ft

from app.i18n import text as t
from app.said import local
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

HEARTBEAT = 0.25  # seconds between countdown checks


@ft.component
def Countdown(state):
    """Seconds left to answer, as a number and a draining bar; times out the question."""
    sz = Sizes(state.prefs.text_scale)
    _, set_beat = ft.use_state(0)

    async def run() -> None:
        while True:
            await asyncio.sleep(HEARTBEAT)
            try:
                if state.practice.tick():  # time is up: the feedback replaces the countdown
                    return
                set_beat(lambda b: b + 1)
            except RuntimeError:  # the session was closed under us (tab gone): stop
                return

    ft.use_effect(run, [], cleanup=lambda: None)  # the cleanup lets Flet cancel the loop
    left = state.practice.left()
    if left is None:
        return ft.Container(height=0)
    limit = state.practice.session.timing.limit or 1
    secs = math.ceil(left)
    return ft.Column([
        ft.Text(t("countdown", seconds=secs), size=sz.fs(22), weight=ft.FontWeight.BOLD,
                semantics_label=L.countdown(secs)),
        ft.ProgressBar(value=left / limit, bar_height=8, semantics_label=L.TIME_LEFT),
    ], spacing=4)


def stretch(buttons: list[ft.Control]) -> ft.Control:
    """Answer buttons the full width of the screen: one thumb finds them, long ones wrap."""
    return ft.Column(buttons, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def answered(mark: str | None, word: str, text: str, sz: Sizes, strong: bool = False):
    """An answer after the pick: no longer a button (nothing to tap, nothing dimmed), but
    a row that says what it was: a tick for the right one, a cross for a wrong pick."""
    icon = {"right": ft.Icons.CHECK_CIRCLE, "wrong": ft.Icons.CANCEL}.get(mark or "",
                                                                          ft.Icons.REMOVE)
    spans = [ft.TextSpan(text=f"{word}: ", style=ft.TextStyle(weight=ft.FontWeight.BOLD))
             ] if word else []
    return ft.Container(ft.Row([
        ft.Icon(icon, size=sz.fs(20)),
        ft.Text(spans=[*spans, ft.TextSpan(text=text)], size=sz.fs(16), expand=True,
                weight=ft.FontWeight.W_500 if strong else None),
    ], vertical_alignment=ft.CrossAxisAlignment.START), padding=12, border_radius=12,
        border=ft.Border.all(2 if strong else 1, ft.Colors.OUTLINE))


def counter(text: str, sz: Sizes) -> ft.Control:
    """"Question 3 of 10": where the officer is in the run."""
    return ft.Text(text, size=sz.fs(15), color=ft.Colors.ON_SURFACE_VARIANT)


def said(line: str, sz: Sizes, note: str = "") -> list[ft.Control]:
    """What the person says (and what the officer sees happen first), as a quote box."""
    out: list[ft.Control] = []
    if note:
        out.append(c.para(note, sz.fs, 16, italic=True))
    out.append(ft.Container(
        ft.Row([ft.Icon(ft.Icons.RECORD_VOICE_OVER, size=sz.fs(22)),
                ft.Text(f"“{line}”", size=sz.fs(20), weight=ft.FontWeight.W_500, expand=True)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        padding=12, border_radius=12, bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
        border=ft.Border.only(left=ft.BorderSide(4, ft.Colors.OUTLINE)),
    ))
    return out


def verdict(good: bool | None, text: str, sz: Sizes, check: bool = False,
            icon: ft.IconData | None = None) -> ft.Control:
    """Right, wrong or missed, or (`check`) something to look at again: an icon and a word,
    never colour alone. `icon` replaces the check's flag (nothing to fix, only to compare)."""
    shown = {True: ft.Icons.CHECK_CIRCLE, False: ft.Icons.CANCEL, None: ft.Icons.TIMER_OFF}[good]
    fg = ft.Colors.ON_SECONDARY_CONTAINER if good else ft.Colors.ON_ERROR_CONTAINER
    bg = ft.Colors.SECONDARY_CONTAINER if good else ft.Colors.ERROR_CONTAINER
    if check:
        shown, fg, bg = (icon or ft.Icons.FLAG_OUTLINED, ft.Colors.ON_TERTIARY_CONTAINER,
                         ft.Colors.TERTIARY_CONTAINER)
    return ft.Container(
        ft.Row([ft.Icon(shown, color=fg, size=sz.fs(24)),
                ft.Text(text, size=sz.fs(18), weight=ft.FontWeight.BOLD, color=fg, expand=True)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        padding=12, border_radius=12, bgcolor=bg,
    )


def labelled(word: str, value: str, sz: Sizes, size: float = 16) -> ft.Text:
    """"Why: ..." with the word in bold."""
    return ft.Text(spans=[ft.TextSpan(text=f"{word}: ", style=ft.TextStyle(
        weight=ft.FontWeight.BOLD)), ft.TextSpan(text=value)], size=sz.fs(size))


def notice(state, sz: Sizes) -> list[ft.Control]:
    """The history could not be saved (kept and retried): one sentence, under the answer."""
    text = state.practice.notice
    return [c.field_error(local(text), sz.fs)] if text else []


def onward(state, sz: Sizes, label: str) -> list[ft.Control]:
    """Under the feedback: the save problem if any, and the button to the next question."""
    return [*notice(state, sz), c.button(label, lambda e: state.practice.next(),
                                         ft.Icons.ARROW_FORWARD, primary=True)]


def finish(state, sz: Sizes) -> list[ft.Control]:
    """The buttons at the end of a run."""
    return [
        c.button(L.PRACTICE_AGAIN, lambda e: state.practice.again(), ft.Icons.REPLAY,
                 primary=True),
        c.button(L.OPEN_PROGRESS, lambda e: state.nav.go("progress"), ft.Icons.BAR_CHART),
        c.button(L.BACK_TO_PRACTICE, lambda e: state.nav.go("practice"), ft.Icons.ARROW_BACK),
    ]
