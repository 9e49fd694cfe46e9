"""About the guide: which guide is in use (built-in or a pack: version, approval, key),
every file's version, review and approval; the sources; what is missing."""

from __future__ import annotations

import flet as ft

from app.ui.state.guide import made
from app.ui.theme import Sizes
from app.ui.views import common as c

NOT_APPROVED = "Not yet approved by your agency."


def in_use(state, sz: Sizes) -> list[ft.Control]:
    o = state.packs.origin
    if o is None:
        return []
    lines = [c.para(f"{o.title}, version {o.version}", sz.fs, 17, weight=ft.FontWeight.BOLD)]
    p = o.active.pack
    if p is not None:
        lines += [c.para(f"Guide pack {p.id}, made {made(p.created)}", sz.fs, 14),
                  c.para(f"Pack approved by {p.approved_by}", sz.fs, 14),
                  c.para(f"Signed with the trusted key {p.key_name}", sz.fs, 14)]
    return [c.heading("Guide in use", sz.fs), *lines]


@ft.component
def AboutView(state):
    sz = Sizes(state.prefs.text_scale)
    g = state.guide
    files = sorted(g.files, key=lambda m: m.file)
    unapproved = [m for m in files if not getattr(m, "approved_by", "")]
    out: list[ft.Control] = in_use(state, sz)
    if unapproved or not files:
        out.append(ft.Container(
            c.para(f"{NOT_APPROVED} Use this guide as training material until it is.", sz.fs,
                   weight=ft.FontWeight.BOLD, color=ft.Colors.ON_ERROR_CONTAINER),
            bgcolor=ft.Colors.ERROR_CONTAINER, padding=10, border_radius=8))
    for m in files:
        lines = [c.para(m.title, sz.fs, 16, weight=ft.FontWeight.BOLD),
                 c.para(f"Version {m.version}, reviewed {m.reviewed}"
                        + (f" by {m.reviewed_by}" if getattr(m, "reviewed_by", "") else ""),
                        sz.fs, 14)]
        approved = getattr(m, "approved_by", "")
        lines.append(c.para(f"Approved by {approved}" if approved else NOT_APPROVED, sz.fs, 14,
                            italic=not approved))
        lines.append(c.para(m.file, sz.fs, 12))
        out.append(ft.Container(ft.Column(lines, spacing=2), padding=8,
                                border=ft.Border.only(bottom=ft.BorderSide(1, ft.Colors.OUTLINE))))
    if g.skipped:
        out.append(c.para(f"{len(g.skipped)} guide file(s) could not be loaded; see the banner "
                          "on Home, and ask your instructor.", sz.fs, color=ft.Colors.ERROR))
    if g.sources:
        out.append(c.heading("Sources", sz.fs))
        out += [c.para(f"[{s.key}] {s.title}", sz.fs, 14) for s in g.sources]
    return ft.Column(out, spacing=8)
