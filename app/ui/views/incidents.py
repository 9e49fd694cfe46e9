"""Every incident on this device, newest first; tap one to open its timeline."""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.incidents import format_local
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def IncidentsView(state):
    sz = Sizes(state.prefs.text_scale)
    out: list[ft.Control] = []
    if not state.incident.incident_list:
        out.append(c.para(L.INCIDENTS_NONE, sz.fs))
    for inc in sorted(state.incident.incident_list, key=lambda i: i.opened_at, reverse=True):
        title = f"{format_local(inc.opened_at, fmt='%Y-%m-%d %H:%M')} {inc.situation}"
        status = "left_open" if state.incident.left_open.of(inc) else inc.status.value
        place = inc.location or L.NO_LOCATION
        out.append(c.tappable(
            L.open_incident(f"{title}, {place}"),
            ft.Column([
                ft.Text(title, size=sz.fs(17), weight=ft.FontWeight.BOLD),
                ft.Text(f"{place} · {t('status_' + status)}", size=sz.fs(15)),
            ], spacing=2),
            lambda e, i=inc: state.incident.select(i.id), said=t("status_" + status),
            border=ft.Border.all(1, ft.Colors.OUTLINE),
        ))
    return ft.Column(out, spacing=8)
