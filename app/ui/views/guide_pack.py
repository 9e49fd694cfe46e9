"""Settings > Guide, the panels that come and go: a pack's preview, a refusal, a question.

Only presentation: every button calls a `state.packs` method (app.ui.state.guide).
"""

from __future__ import annotations

import flet as ft

from app.packs import PackPreview
from app.ui import labels as L
from app.ui.state.guide import made
from app.ui.theme import Sizes
from app.ui.views import common as c


def framed(controls: list[ft.Control], warn: bool = False) -> ft.Control:
    return ft.Container(
        ft.Column(controls, spacing=6), padding=12, border_radius=12,
        bgcolor=ft.Colors.ERROR_CONTAINER if warn else None,
        border=None if warn else ft.Border.all(2, ft.Colors.PRIMARY),
    )


def warn_text(text: str, sz: Sizes, **kw) -> ft.Text:
    return c.para(text, sz.fs, 15, color=ft.Colors.ON_ERROR_CONTAINER, **kw)


def line_list(title: str, lines, sz: Sizes) -> ft.Control:
    """An expandable list of lines (file names, `path:line: message`)."""
    return ft.ExpansionTile(
        title=ft.Text(title, size=sz.fs(15)),
        controls=[ft.Text(x, size=sz.fs(14), selectable=True) for x in lines],
    )


def refusal_panel(state, sz: Sizes) -> ft.Control:
    r = state.packs.refusal
    out: list[ft.Control] = [
        ft.Row([ft.Icon(ft.Icons.ERROR_OUTLINE, color=ft.Colors.ON_ERROR_CONTAINER),
                warn_text(r.message, sz, expand=True, weight=ft.FontWeight.BOLD)],
               vertical_alignment=ft.CrossAxisAlignment.START),
        warn_text("The guide in use did not change.", sz),
    ]
    if r.details:
        out.append(line_list(f"{L.GUIDE_PROBLEMS} ({len(r.details)})", r.details, sz))
    return framed(out, warn=True)


def preview_panel(state, p: PackPreview, sz: Sizes) -> ft.Control:
    k = p.pack
    n = len(p.added) + len(p.changed) + len(p.removed)
    out: list[ft.Control] = [
        c.heading("Check this guide before you apply it", sz.fs, 3),
        c.para(f"{k.title}, version {k.version}", sz.fs, 16, weight=ft.FontWeight.BOLD),
        c.para(f"Made {made(k.created)}", sz.fs, 15),
        c.para(f"Approved by {k.approved_by}", sz.fs, 15),
        c.para(f"Language: {k.language}", sz.fs, 15),
        c.para(f"Signed with the trusted key {k.key_name}", sz.fs, 15),
        c.para(f"Replaces: {p.replaces.label}", sz.fs, 15),
        c.para(f"{len(p.added)} files added, {len(p.changed)} changed, "
               f"{len(p.removed)} removed.", sz.fs, 15),
    ]
    if n:
        lines = ([f"added: {x}" for x in p.added] + [f"changed: {x}" for x in p.changed]
                 + [f"removed: {x}" for x in p.removed])
        out.append(line_list(L.GUIDE_FILES, lines, sz))
    if p.older:
        out.append(framed([warn_text(
            f"This is an older version than the guide in use ({p.replaces.version}). "
            "You will be asked again before it is applied.", sz)], warn=True))
    elif p.same_version:
        out.append(c.para("This version is already in use.", sz.fs, 15, italic=True))
    out.append(c.wrap_row([
        c.button(L.GUIDE_APPLY, lambda e: state.packs.apply(), ft.Icons.CHECK, primary=True),
        c.button(L.GUIDE_CANCEL, lambda e: state.packs.cancel(), ft.Icons.CLOSE),
    ]))
    return framed(out)


def confirm_panel(state, sz: Sizes) -> ft.Control:
    return framed([
        c.para(state.packs.question, sz.fs, 16, weight=ft.FontWeight.BOLD),
        c.wrap_row([
            c.button(L.GUIDE_YES, lambda e: state.packs.answer(True), ft.Icons.CHECK,
                     primary=True),
            c.button(L.GUIDE_NO, lambda e: state.packs.answer(False), ft.Icons.CLOSE),
        ]),
    ])
