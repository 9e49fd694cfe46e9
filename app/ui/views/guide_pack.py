"""Settings > Guide, the panels that come and go: a pack's preview, a refusal, a question.

Only presentation: every button calls a `state.packs` method (app.ui.state.guide).
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
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
        warn_text(L.GUIDE_UNCHANGED, sz),
    ]
    if r.details:
        out.append(line_list(f"{L.GUIDE_PROBLEMS} ({len(r.details)})", r.details, sz))
    return framed(out, warn=True)


def preview_panel(state, p: PackPreview, sz: Sizes) -> ft.Control:
    k = p.pack
    n = len(p.added) + len(p.changed) + len(p.removed)
    out: list[ft.Control] = [
        c.heading(L.GUIDE_CHECK_FIRST, sz.fs, 3),
        c.para(t("guide_title_version", title=k.title, version=k.version), sz.fs, 16,
               weight=ft.FontWeight.BOLD),
        c.para(t("guide_made", when=made(k.created)), sz.fs, 15),
        c.para(t("about_approved_by", name=k.approved_by), sz.fs, 15),
        c.para(t("guide_language", language=L.language_name(k.language)), sz.fs, 15),
        c.para(t("guide_signed", name=k.key_name), sz.fs, 15),
        c.para(t("guide_replaces", guide=L.guide_label(p.replaces)), sz.fs, 15),
        c.para(t("guide_file_counts", added=len(p.added), changed=len(p.changed),
                 removed=len(p.removed)), sz.fs, 15),
    ]
    if n:
        lines = ([t("guide_file_added", file=x) for x in p.added]
                 + [t("guide_file_changed", file=x) for x in p.changed]
                 + [t("guide_file_removed", file=x) for x in p.removed])
        out.append(line_list(L.GUIDE_FILES, lines, sz))
    if p.older:
        out.append(framed([warn_text(t("guide_older_warning", version=p.replaces.version), sz)],
                          warn=True))
    elif p.same_version:
        out.append(c.para(L.GUIDE_SAME_VERSION, sz.fs, 15, italic=True))
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
