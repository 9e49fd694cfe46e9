"""The first-officer checklist: tick items (time-stamped), progress, sections that fold."""

from __future__ import annotations

from datetime import datetime

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


def _clock(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return _hh_mm(datetime.fromisoformat(iso))
    except ValueError:
        return ""


def item_row(state, cl, item, sz: Sizes, highlight: str | None) -> ft.Control:
    caution = getattr(item, "caution", None)
    if not item.tick:
        return ft.Column([ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE, size=sz.fs(18)),
                                  ft.Text(item.text, size=sz.fs(16), expand=True)]),
                          *c.caution_note(caution, sz.fs)], spacing=2)
    part = state.checklist
    at = _clock(part.tick_time(cl.id, item.id))
    label = t("checklist_ticked", text=item.text, time=at) if at else item.text
    row = c.check_row(L.checklist_item(item.text), label, bool(at),
                      lambda v: part.tick(cl.id, item), sz.fs, caution=caution)
    if highlight == f"{cl.id}/{item.id}":
        return ft.Container(row, border=ft.Border.all(2, ft.Colors.PRIMARY))
    return row


def found_card(state, cl, item, sz: Sizes) -> ft.Control:
    """A search hit, on top of the screen: the screen opens at its top, and a long
    checklist put the match out of sight. It can be ticked right here; it is also in its
    place below, framed."""
    part = state.checklist
    where = t("search_found_in", place=item.section or cl.title)
    if item.tick:
        at = _clock(part.tick_time(cl.id, item.id))
        text = t("checklist_ticked", text=item.text, time=at) if at else item.text
        row = c.check_row(t("search_found_item", text=item.text), text, bool(at),
                          lambda v: part.tick(cl.id, item), sz.fs,
                          caution=getattr(item, "caution", None))
    else:
        row = c.para(item.text, sz.fs)
    return ft.Container(
        ft.Column([c.para(where, sz.fs, 14, weight=ft.FontWeight.BOLD), row], spacing=2),
        border=ft.Border.all(2, ft.Colors.PRIMARY), border_radius=8, padding=8,
    )


def earlier_rows(part, sz: Sizes) -> list[ft.Control]:
    """Ticks whose item a guide update reworded or dropped: on top, in a box that folds
    (the progress above no longer counts them), done and read-only, in the words they were
    ticked in: the new guide has no box to tick them again, so a stray tap must not undo them."""
    rows = part.earlier()
    if not rows:
        return []
    heading = t("checklist_earlier_heading")
    folded = part.earlier_folded()
    head: list[ft.Control] = [c.tappable(
        L.section_toggle(heading),
        ft.Row([ft.Icon(ft.Icons.EXPAND_MORE if folded else ft.Icons.EXPAND_LESS),
                ft.Text(f"{heading}  ({len(rows)})", size=sz.fs(17),
                        weight=ft.FontWeight.BOLD, expand=True)]),
        lambda e: part.toggle_earlier(),
    )]
    if folded:
        return [c.done_box(head, [], sz.fs)]
    head.append(c.para(t("checklist_earlier_why"), sz.fs, 14, italic=True))
    return [c.done_box(head, [(L.checklist_earlier(words, _hh_mm(at)),
                               t("checklist_ticked", text=words, time=_hh_mm(at)))
                              for _key, at, words in rows], sz.fs)]


def _hh_mm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


@ft.component
def ChecklistView(state):
    sz = Sizes(state.prefs.text_scale)
    part = state.checklist
    done, total = part.progress()
    out: list[ft.Control] = [
        ft.Semantics(
            label=L.checklist_progress(done, total),
            content=ft.Column([
                ft.Text(t("checklist_done", done=done, total=total), size=sz.fs(18),
                        weight=ft.FontWeight.BOLD),
                ft.ProgressBar(value=(done / total) if total else 0, height=8),
            ]),
        )
    ]
    if state.prefs.situation:
        sit = state.situations.get()
        out.append(c.para(t("checklist_for", situation=sit.title if sit else state.prefs.situation),
                          sz.fs, 14, italic=True))
    out += earlier_rows(part, sz)
    lists = part.lists()
    highlight = state.nav.location.get("item")
    found = next(((cl, it) for cl, its in lists for it in its
                  if highlight == f"{cl.id}/{it.id}"), None)
    if found:
        out.append(found_card(state, *found, sz))
    if not lists:
        out.append(c.para(L.CHECKLIST_NONE, sz.fs))
    for cl, items in lists:
        out.append(c.heading(cl.title, sz.fs, 1))
        sections: dict[str, list] = {}
        for it in items:
            sections.setdefault(it.section, []).append(it)
        for section, its in sections.items():
            folded = part.is_collapsed(cl.id, section)
            n_done = sum(1 for i in its if i.tick and part.tick_time(cl.id, i.id))
            n_tick = sum(1 for i in its if i.tick)
            out.append(
                c.tappable(
                    L.section_toggle(section or cl.title),
                    ft.Row([
                        ft.Icon(ft.Icons.EXPAND_MORE if folded else ft.Icons.EXPAND_LESS),
                        ft.Text(f"{section or cl.title}  ({n_done}/{n_tick})" if n_tick
                                else section or cl.title,  # signs to watch: nothing to tick
                                size=sz.fs(18), weight=ft.FontWeight.BOLD, expand=True),
                    ]),
                    lambda e, cid=cl.id, s=section: part.toggle_section(cid, s),
                )
            )
            if not folded:
                out += [item_row(state, cl, it, sz, highlight) for it in its]
    return ft.Column(out, spacing=8)
