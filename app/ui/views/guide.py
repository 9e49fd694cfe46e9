"""Settings > Guide: the guide in use, importing a pack, going back, the trusted keys.

What needs the officer (a question, a refusal, a pack to check) comes first, so it is in
view without scrolling on a small phone; then the guide in use, the actions, the keys.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.state.guide import BUILTIN, ROLLBACK, made
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.guide_pack import confirm_panel, framed, preview_panel, refusal_panel


def in_use(state, sz: Sizes) -> list[ft.Control]:
    """Which guide is shown: title, version, date, approval, key and fingerprint."""
    o = state.packs.origin
    if o is None:
        return [c.para(L.GUIDE_CAME_WITH_APP, sz.fs)]
    p = o.active.pack
    lines = [c.para(t("guide_title_version", title=L.guide_title(o), version=o.version), sz.fs,
                    17, weight=ft.FontWeight.BOLD)]
    if p is not None:
        lines += [c.para(t("guide_made", when=made(p.created)), sz.fs, 15),
                  c.para(t("about_approved_by", name=p.approved_by), sz.fs, 15),
                  c.para(t("guide_language", language=L.language_name(p.language)), sz.fs, 15),
                  c.para(t("guide_signed", name=p.key_name), sz.fs, 15),
                  c.para(t("guide_fingerprint", fingerprint=p.key_fingerprint), sz.fs, 13,
                         selectable=True)]
    elif o.kind == "built-in":
        lines.append(c.para(L.GUIDE_BUILTIN_ABOUT, sz.fs, 15))
    else:
        lines.append(c.para(t("guide_live", folder=o.active.content_dir), sz.fs, 15))
    return [c.heading(L.GUIDE_IN_USE, sz.fs), framed(lines)]


def keys(state, sz: Sizes) -> list[ft.Control]:
    found = state.packs.keys()
    if not found:  # said where the Import button would be
        return []
    out: list[ft.Control] = [c.heading(L.GUIDE_TRUSTED_KEYS, sz.fs)]
    for k in found:
        out.append(ft.Column([c.para(k.name, sz.fs, 16, weight=ft.FontWeight.BOLD),
                              c.para(k.fingerprint, sz.fs, 13, selectable=True)], spacing=2))
    return out


@ft.component
def GuideView(state):
    sz = Sizes(state.prefs.text_scale)
    packs = state.packs
    out: list[ft.Control] = []
    if packs.busy:
        out.append(ft.Row([ft.ProgressRing(width=20, height=20),
                           c.para(packs.busy, sz.fs, 15, expand=True)]))
    if packs.refusal:
        out.append(refusal_panel(state, sz))
    if packs.confirm:
        out.append(confirm_panel(state, sz))
    elif packs.preview is not None:
        out.append(preview_panel(state, packs.preview, sz))
    if state.ui.message:
        out.append(c.para(state.ui.message, sz.fs, 15, weight=ft.FontWeight.BOLD))
    out += in_use(state, sz)
    # A button is shown only when it can act; otherwise the sentence it would have said
    # when tapped stands in its place (an officer should not have to tap to find out).
    picker = packs.picker
    if packs.keys():
        out.append(c.button(L.GUIDE_IMPORT, None, ft.Icons.FILE_OPEN, disabled=packs.live,
                            action=picker.action() if picker is not None else None))
    else:
        out.append(c.para(L.GUIDE_NO_KEYS, sz.fs, 15))
    out.append(c.heading(L.GUIDE_GOING_BACK, sz.fs))
    if packs.previous() is not None:
        out.append(c.button(L.GUIDE_ROLLBACK, lambda e: packs.ask(ROLLBACK), ft.Icons.UNDO,
                            disabled=packs.live))
    else:
        out.append(c.para(t("guide_no_previous"), sz.fs, 15))
    origin = packs.origin
    if origin is not None and origin.kind == "built-in":
        out.append(c.para(t("guide_builtin_in_use"), sz.fs, 15))
    else:
        out.append(c.button(L.GUIDE_BUILTIN, lambda e: packs.ask(BUILTIN),
                            ft.Icons.HOME_OUTLINED, disabled=packs.live))
    out += keys(state, sz)
    return ft.Column(out, spacing=10)
