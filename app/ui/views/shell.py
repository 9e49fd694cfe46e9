"""The frame around every screen: app bar, banners, the screen, the bottom navigation.

`Root` re-renders when the state says it changed (one subscription for the whole app).
"""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.dialogs import DialogView
from app.ui.views.screens import SCREENS, TITLES

NAV = (
    ("home", L.NAV_HOME, ft.Icons.HOME_OUTLINED),
    ("stairway", L.NAV_STAIRWAY, ft.Icons.STAIRS_OUTLINED),
    ("phrases", L.NAV_PHRASES, ft.Icons.RECORD_VOICE_OVER_OUTLINED),
    ("checklist", L.NAV_CHECKLIST, ft.Icons.CHECKLIST),
    ("incident", L.NAV_INCIDENT, ft.Icons.EDIT_NOTE),
)
# screens reached from another one count as that one in the bottom bar
NAV_PARENT = {"board": "incident", "incidents": "incident"}


def banners(state, sz: Sizes) -> list[ft.Control]:
    out = []
    for i, text in enumerate(state.notices):
        out.append(
            ft.Container(
                ft.Row(
                    [
                        ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ON_ERROR_CONTAINER),
                        ft.Text(text, size=sz.fs(15), expand=True,
                                color=ft.Colors.ON_ERROR_CONTAINER),
                        c.icon_button(L.DISMISS_BANNER, ft.Icons.CLOSE,
                                      lambda e, i=i: state.dismiss_notice(i)),
                    ]
                ),
                bgcolor=ft.Colors.ERROR_CONTAINER,
                padding=8,
                border_radius=8,
            )
        )
    return out


@ft.component
def Root(state):
    version, set_version = ft.use_state(state.version)

    def subscribe():
        return state.subscribe(lambda: set_version(state.version))

    dispose = ft.use_ref(None)
    if dispose.current is None:
        dispose.current = subscribe()
    ft.on_unmounted(lambda: dispose.current and dispose.current())

    sz = Sizes(state.prefs.text_scale)
    screen = state.screen if state.screen in SCREENS else "home"
    nav_keys = [k for k, _, _ in NAV]
    selected = NAV_PARENT.get(screen, screen)

    def on_nav(e):
        state.go(nav_keys[int(e.control.selected_index)])

    body = DialogView(state) if state.dialog else SCREENS[screen](state)
    return [
        ft.View(
            route="/",
            appbar=ft.AppBar(
                title=ft.Text(TITLES.get(screen, L.APP_TITLE), size=min(sz.fs(20), 24)),
                actions=[
                    c.icon_button(L.OPEN_SITUATIONS, ft.Icons.PERSON_SEARCH,
                                  lambda e: state.go("situations")),
                    c.icon_button(L.OPEN_SEARCH, ft.Icons.SEARCH, lambda e: state.go("search")),
                    c.icon_button(L.OPEN_SETTINGS, ft.Icons.SETTINGS,
                                  lambda e: state.go("settings")),
                ],
            ),
            navigation_bar=ft.NavigationBar(
                selected_index=nav_keys.index(selected) if selected in nav_keys else 0,
                on_change=on_nav,
                destinations=[
                    ft.NavigationBarDestination(icon=icon, label=label) for _, label, icon in NAV
                ],
            ),
            controls=[
                ft.Column(
                    [*banners(state, sz), body],
                    key=f"{screen}:{state.dialog}",  # a new screen or dialog starts at the top
                    spacing=12,
                    expand=True,
                    scroll=ft.ScrollMode.AUTO,
                )
            ],
            padding=12,
        )
    ]
