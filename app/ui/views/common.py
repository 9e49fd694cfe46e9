"""Small building blocks every screen uses: labelled buttons with 48 px targets, headings.

Hooks (a ticking clock, a text field's value) live in app.ui.views.hooks.

Only presentation here: no state changes, no I/O. Every interactive control takes its
label from app.ui.labels (the visible text, tooltip or semantics label).
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.tap import TapSemantics
from app.ui.theme import MIN_TARGET

PAD = ft.Padding.symmetric(vertical=16, horizontal=16)


def button(
    label: str,
    on_click: Callable | None,
    icon: ft.IconData | None = None,
    primary: bool = False,
    disabled: bool = False,
    text: str | None = None,
    expand: bool = False,
    action=None,
    compact: bool = False,
) -> ft.Control:
    """A filled (primary) or outlined button at least 48 px tall; `label` is its name.

    When the visible `text` differs from the label (a filter chip's "3"), the text carries
    `label` as its semantics label, so a screen reader announces the label and can still
    activate the button (a Semantics wrapper with exclude_semantics dropped the tap action).
    A text that starts with the label and says more ("Move up (3 signs left)") is heard as
    shown: the label alone hid why the button would not move.
    `compact` narrows the sides, for a row of short chips ("1" to "5") that must fit.
    """
    pad = ft.Padding.symmetric(vertical=16, horizontal=8) if compact else PAD
    style = ft.ButtonStyle(padding=pad, shape=ft.RoundedRectangleBorder(radius=12))
    cls = ft.FilledButton if primary else ft.OutlinedButton
    shown = text or label
    btn = cls(  # a text that says more than the label ("Move up (3 signs left)") is heard
        content=shown if shown.startswith(label) else ft.Text(shown, semantics_label=label),
        icon=icon,
        on_click=on_click,
        disabled=disabled,
        style=style,
        expand=True if expand else None,  # an explicit False still wraps it in Expanded
        action=action,  # a client action (copy, share, dial) runs inside the tap
    )
    return btn


def icon_button(label: str, icon: ft.IconData, on_click: Callable | None) -> ft.IconButton:
    """An icon-only button: the label is the icon's semantics label (and the tooltip)."""
    return ft.IconButton(
        icon=ft.Icon(icon, semantics_label=label),
        tooltip=label,
        on_click=on_click,
        size_constraints=ft.BoxConstraints(min_width=MIN_TARGET, min_height=MIN_TARGET),
    )


def choice(label: str, on_click: Callable, selected: bool, text: str | None = None,
           compact: bool = False) -> ft.Control:
    """One option in a group: selected shows a tick icon and a filled style (not colour only),
    and a screen reader hears it as selected (the tick alone is seen, not said).

    The merge puts "selected" on the button's own node (on the web page, `aria-current` on
    the button); a plain Semantics wrapper put it on a node around the button, which a
    screen reader does not read with the button's name."""
    return ft.MergeSemantics(content=ft.Semantics(selected=selected, content=button(
        label,
        on_click,
        icon=ft.Icons.CHECK if selected else None,
        primary=selected,
        text=text,
        compact=compact,
    )))


def tappable(label: str, content: ft.Control, on_click: Callable, said: str | None = None,
             **kw) -> ft.Control:
    """A card-like area that acts as one button, announced with `label`.

    With `said`, a screen reader hears the label, then `said`, once, as one button: the
    card's own text is drawn but left out for it (a phrase card was heard as "Say: What
    happened today? SAY What happened today?"). `said` must then hold whatever else the
    card shows, and the tap reaches `on_click` through the label's own node."""
    whole = said is not None
    return TapSemantics(
        label=label,
        value=said or None,
        button=True,
        container=True,
        exclude_semantics=whole,
        on_click=on_click if whole else None,
        content=ft.Container(
            content=content,
            on_click=on_click,
            ink=True,
            padding=12,
            border_radius=12,
            **kw,
        ),
    )


def heading(text: str, fs: Callable[[float], float], level: int = 2) -> ft.Text:
    size = {1: 24, 2: 20, 3: 17}.get(level, 17)
    return ft.Text(text, size=fs(size), weight=ft.FontWeight.BOLD, semantics_label=None)


def para(text: str, fs: Callable[[float], float], size: float = 16, **kw) -> ft.Text:
    return ft.Text(text, size=fs(size), **kw)


def field_error(text: str, fs: Callable[[float], float]) -> ft.Control:
    """An error shown right beside the field or button it is about; it wraps, never cut."""
    return ft.Row(
        [ft.Icon(ft.Icons.ERROR_OUTLINE, color=ft.Colors.ERROR, size=fs(18)),
         ft.Text(text, size=fs(15), color=ft.Colors.ERROR, expand=True)],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def caution_note(text: str | None, fs: Callable[[float], float]) -> list[ft.Control]:
    """An item's "Caution:" line (content model v2), shown under it; none when empty."""
    if not text:
        return []
    return [ft.Container(
        ft.Row([ft.Icon(ft.Icons.WARNING_AMBER, size=fs(16), color=ft.Colors.ON_ERROR_CONTAINER),
                ft.Text(L.caution(text), size=fs(15), color=ft.Colors.ON_ERROR_CONTAINER,
                        expand=True)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        bgcolor=ft.Colors.ERROR_CONTAINER, padding=6, border_radius=6,
    )]


def bullets(items, fs: Callable[[float], float], icon=ft.Icons.CHEVRON_RIGHT) -> ft.Column:
    out: list[ft.Control] = []
    for i in items:
        out.append(ft.Row([ft.Icon(icon, size=fs(18)), ft.Text(i.text, size=fs(16), expand=True)],
                          vertical_alignment=ft.CrossAxisAlignment.START))
        out += caution_note(getattr(i, "caution", None), fs)
    return ft.Column(out, spacing=6)


def wrap_row(controls: list[ft.Control]) -> ft.Row:
    return ft.Row(controls, wrap=True, spacing=8, run_spacing=8)


def check_row(label: str, text: str, value: bool, on_toggle: Callable[[bool], None],
              fs: Callable[[float], float], disabled: bool = False,
              caution: str | None = None) -> ft.Control:
    """A checkbox whose text wraps (Flet's own checkbox label does not) and is tappable too.

    The checkbox carries `label` for screen readers; tapping the text toggles as well.
    """
    row = ft.Row(
        [
            ft.Checkbox(value=value, semantics_label=label, disabled=disabled,
                        on_change=lambda e: on_toggle(bool(e.control.value))),
            ft.Container(
                ft.Text(text, size=fs(16)),
                on_click=None if disabled else (lambda e: on_toggle(not value)),
                expand=True,
                padding=ft.Padding.symmetric(vertical=12),
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        spacing=4,
    )
    notes = caution_note(caution, fs)
    return ft.Column([row, *notes], spacing=2) if notes else row


def done_row(label: str, text: str, fs: Callable[[float], float],
             muted: bool = False) -> ft.Control:
    """A tick that can no longer be changed (its item left the guide): a done mark, not a
    box, so nothing invites a tap; a screen reader hears `label` once. `muted` greys the
    mark (an old observation, which may no longer be true, must not read as confirmed)."""
    return ft.Semantics(
        label=label, container=True, exclude_semantics=True,
        content=ft.Row([ft.Icon(ft.Icons.TASK_ALT, size=fs(22),
                                color=ft.Colors.OUTLINE if muted else None),
                        ft.Text(text, size=fs(16), expand=True)],
                       vertical_alignment=ft.CrossAxisAlignment.START),
    )


DONE_SHOWN = 100  # a list holds about 70 items: more came from a hand-edited file


def done_box(head: list[ft.Control], rows: list[tuple[str, str]],
             fs: Callable[[float], float], muted: bool = False) -> ft.Control:
    """A framed box of `head` and read-only `done_row`s, given as (label, text): the latest
    DONE_SHOWN of them, then a line saying how many more (a hand-edited preferences file may
    hold thousands, and drawing them all took seconds)."""
    more = len(rows) - DONE_SHOWN
    return ft.Container(ft.Column([
        *head,
        *(done_row(label, text, fs, muted) for label, text in rows[-DONE_SHOWN:]),
        *([para(t("checklist_earlier_more", n=more), fs, 14)] if more > 0 else []),
    ], spacing=6), border=ft.Border.all(1, ft.Colors.OUTLINE), border_radius=8, padding=8)


def switch(label: str, value: bool, on_change: Callable[[bool], None],
           fs: Callable[[float], float]) -> ft.Control:
    """A switch named by its label; the label wraps in a fixed width (a Row would push a
    long label off a 360 px screen at 175% text)."""
    return ft.Switch(
        label=ft.Container(ft.Text(label, size=fs(16)), width=240),
        value=value,
        on_change=lambda e: on_change(bool(e.control.value)),
    )


def call_button(label: str, name: str, number: str, tel: str,
                fs: Callable[[float], float]) -> ft.Control:
    """A big tap-to-call button: the dialer opens inside the tap (a client action).
    Tonal, not filled: a row of bright buttons would glare at night."""
    return ft.FilledTonalButton(
        content=ft.Text(spans=[
            ft.TextSpan(text=f"{name}\n", style=ft.TextStyle(weight=ft.FontWeight.BOLD)),
            ft.TextSpan(text=number, style=ft.TextStyle(size=fs(20)))],
            size=fs(17), semantics_label=label),
        icon=ft.Icons.PHONE,
        action=ft.OpenUrl(tel),
        style=ft.ButtonStyle(padding=PAD, shape=ft.RoundedRectangleBorder(radius=12),
                             icon_size=fs(28)),
    )


def step(n: int, done: bool, here: bool, sz, border: int = 1, early: bool = False) -> ft.Control:
    """One numbered step of the stairway: the current one filled, done ones ticked with the
    check icon (the font has no "✓": it drew a square-root sign); one left `early`, without
    all its signs, has "!" instead: a tick read as "every sign seen"."""
    mark = ft.Icon(ft.Icons.PRIORITY_HIGH, size=sz.fs(18), color=ft.Colors.ERROR) if early \
        else ft.Icon(ft.Icons.CHECK, size=sz.fs(18)) if done else ft.Text(
        str(n), size=sz.fs(16), weight=ft.FontWeight.BOLD if here else None,
        color=ft.Colors.ON_PRIMARY if here else None)
    return ft.Container(mark, width=40, height=40, alignment=ft.Alignment.CENTER,
                        border_radius=20, bgcolor=ft.Colors.PRIMARY if here else None,
                        border=ft.Border.all(border, ft.Colors.OUTLINE))


def share_hint(state, sz) -> list[ft.Control]:
    """In a browser, Share opens the system's share menu only where the browser has one
    (phones do; many desktops do not), and the app cannot tell: say what to do then."""
    return [para(t("share_hint"), sz.fs, 14, italic=True)] if state.device.browser else []
