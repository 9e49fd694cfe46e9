"""About the guide: which guide is in use (built-in or a pack: version, approval, key),
every file's version, review and approval; the sources; what is missing."""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.state.guide import made
from app.ui.theme import Sizes
from app.ui.views import common as c


def in_use(state, sz: Sizes) -> list[ft.Control]:
    o = state.packs.origin
    if o is None:
        return []
    lines = [c.para(t("guide_title_version", title=L.guide_title(o), version=o.version), sz.fs,
                    17, weight=ft.FontWeight.BOLD)]
    p = o.active.pack
    if p is not None:
        lines += [c.para(t("guide_pack_made", id=p.id, when=made(p.created)), sz.fs, 14),
                  c.para(t("guide_pack_approved", name=p.approved_by), sz.fs, 14),
                  c.para(t("guide_signed", name=p.key_name), sz.fs, 14)]
    return [c.heading(L.GUIDE_IN_USE, sz.fs), *lines]


def approval(approved: str, pack_approver: str, sz: Sizes) -> ft.Control:
    if approved:
        return c.para(t("about_approved_by", name=approved), sz.fs, 14)
    if pack_approver:
        return c.para(t("about_approved_with_pack", name=pack_approver), sz.fs, 14)
    return c.para(L.ABOUT_NOT_APPROVED, sz.fs, 14, italic=True)


@ft.component
def AboutView(state):
    sz = Sizes(state.prefs.text_scale)
    g = state.guide
    files = sorted(g.files, key=lambda m: m.file)
    # a signed pack's approval covers every file in it (the agency signed the whole guide)
    pack = state.packs.origin.active.pack if state.packs.origin is not None else None
    pack_approver = pack.approved_by if pack is not None else ""
    unapproved = [m for m in files if not (getattr(m, "approved_by", "") or pack_approver)]
    out: list[ft.Control] = in_use(state, sz)
    if unapproved or not files:
        out.append(ft.Container(
            c.para(L.ABOUT_TRAINING_ONLY, sz.fs, weight=ft.FontWeight.BOLD,
                   color=ft.Colors.ON_ERROR_CONTAINER),
            bgcolor=ft.Colors.ERROR_CONTAINER, padding=10, border_radius=8))
    for m in files:
        by = getattr(m, "reviewed_by", "")
        lines = [c.para(m.title, sz.fs, 16, weight=ft.FontWeight.BOLD),
                 c.para(t("about_version_by", version=m.version, reviewed=m.reviewed, name=by)
                        if by else t("about_version", version=m.version, reviewed=m.reviewed),
                        sz.fs, 14)]
        lines.append(approval(getattr(m, "approved_by", ""), pack_approver, sz))
        lines.append(c.para(m.file, sz.fs, 12))
        out.append(ft.Container(ft.Column(lines, spacing=2), padding=8,
                                border=ft.Border.only(bottom=ft.BorderSide(1, ft.Colors.OUTLINE))))
    if g.skipped:
        out.append(c.para(t("about_skipped", n=len(g.skipped)), sz.fs, color=ft.Colors.ERROR))
    if g.sources:
        out.append(c.heading(L.ABOUT_SOURCES, sz.fs))
        out += [c.para(f"[{s.key}] {s.title}", sz.fs, 14) for s in g.sources]
    return ft.Column(out, spacing=8)
