"""The first-officer checklist: tick items (time-stamped), progress, sections that fold."""

from __future__ import annotations

from datetime import datetime

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


def _clock(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


def item_row(state, cl, item, sz: Sizes) -> ft.Control:
    if not item.tick:
        return ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE, size=sz.fs(18)),
                       ft.Text(item.text, size=sz.fs(16), expand=True)])
    at = _clock(state.tick_time(cl.id, item.id))
    label = f"{item.text}  (ticked {at})" if at else item.text
    return ft.Container(
        c.check_row(L.checklist_item(item.text), label, bool(at),
                    lambda v: state.tick_item(cl.id, item), sz.fs),
        border=ft.Border.all(2, ft.Colors.PRIMARY) if state.highlight == item.id else None,
    )


@ft.component
def ChecklistView(state):
    sz = Sizes(state.prefs.text_scale)
    done, total = state.checklist_progress()
    out: list[ft.Control] = [
        ft.Semantics(
            label=f"{L.CHECKLIST_PROGRESS}: {done} of {total}",
            content=ft.Column([
                ft.Text(f"{done} of {total} done", size=sz.fs(18), weight=ft.FontWeight.BOLD),
                ft.ProgressBar(value=(done / total) if total else 0, height=8),
            ]),
        )
    ]
    if state.prefs.situation:
        sit = state.situation()
        out.append(c.para(f"Showing items for: {sit.title if sit else state.prefs.situation}",
                          sz.fs, 14, italic=True))
    lists = state.checklists()
    if not lists:
        out.append(c.para("No checklist is loaded. See the message above.", sz.fs))
    for cl, items in lists:
        out.append(c.heading(cl.title, sz.fs, 1))
        sections: dict[str, list] = {}
        for it in items:
            sections.setdefault(it.section, []).append(it)
        for section, its in sections.items():
            folded = state.is_collapsed(cl.id, section)
            n_done = sum(1 for i in its if i.tick and state.tick_time(cl.id, i.id))
            n_tick = sum(1 for i in its if i.tick)
            out.append(
                c.tappable(
                    L.section_toggle(section or cl.title),
                    ft.Row([
                        ft.Icon(ft.Icons.EXPAND_MORE if folded else ft.Icons.EXPAND_LESS),
                        ft.Text(f"{section or cl.title}  ({n_done}/{n_tick})",
                                size=sz.fs(18), weight=ft.FontWeight.BOLD, expand=True),
                    ]),
                    lambda e, cid=cl.id, s=section: state.toggle_section(cid, s),
                )
            )
            if not folded:
                out += [item_row(state, cl, it, sz) for it in its]
    return ft.Column(out, spacing=8)
