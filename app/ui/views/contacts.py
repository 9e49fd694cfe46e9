"""Numbers to call (content/contacts.md): one tap dials, through the phone's dialer.

The dialling is a client action on the button (`ft.OpenUrl("tel:…")`): it runs inside the
tap, which a browser requires before it hands a tel: link to the phone.
"""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def ContactsView(state):
    sz = Sizes(state.prefs.text_scale)
    contacts = tuple(getattr(state.guide, "contacts", ()) or ())
    if not contacts:
        return c.para(L.CONTACTS_NONE, sz.fs)
    out: list[ft.Control] = []
    section = None
    for ct in contacts:
        if ct.section != section:
            section = ct.section
            out.append(c.heading(section or L.CONTACTS_NUMBERS, sz.fs))
        out.append(c.call_button(L.call(ct.label, ct.number), ct.label, ct.number,
                                 f"tel:{ct.tel}", sz.fs))
    return ft.Column(out, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
