"""The frame around every screen: the views stack, app bar, banners, bottom navigation.

`Root` renders one `ft.View` per screen from the root down to the current one
(`app.ui.screens.chain`), so the phone's Back and the app bar's arrow pop to the parent
screen; browser Back moves through the routes. Everything about a screen (route, title,
tab, parent, view) comes from the one registry, `app.ui.screens`. `Root` re-renders when
the state says it changed (one subscription for the whole app).
"""

from __future__ import annotations

import importlib

import flet as ft

from app import i18n
from app.ui import router, screens
from app.ui.router import Location
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.banners import banners
from app.ui.views.dialogs import DialogView

ACTIONS = (("situations", "PERSON_SEARCH"), ("search", "SEARCH"), ("settings", "SETTINGS"))
_views: dict[str, object] = {}


def view_of(screen: screens.Screen):
    """The component named by the registry ("module:Component" under app.ui.views)."""
    if screen.view not in _views:
        module, name = screen.view.split(":")
        _views[screen.view] = getattr(importlib.import_module(f"app.ui.views.{module}"), name)
    return _views[screen.view]


def app_bar(state, s: screens.Screen, sz: Sizes) -> ft.AppBar:
    top_level = s.icon is not None  # a bottom-bar screen: actions, no back arrow
    actions = [c.icon_button(screens.get(name).label, getattr(ft.Icons, icon),
                             lambda e, n=name: state.nav.go(n))
               for name, icon in ACTIONS] if top_level else []
    return ft.AppBar(
        title=ft.Text(s.title, size=min(sz.fs(20), 22), weight=ft.FontWeight.W_500),
        automatically_imply_leading=not top_level,
        actions=actions,
    )


def nav_bar(state, s: screens.Screen) -> ft.NavigationBar | None:
    if s.tab is None:  # search, settings, situations...: no tab is theirs, none is lit
        return None
    names = [t.name for t in screens.TABS]
    return ft.NavigationBar(
        selected_index=names.index(s.tab),
        on_change=lambda e: state.nav.go(names[int(e.control.selected_index)]),
        destinations=[ft.NavigationBarDestination(icon=getattr(ft.Icons, t.icon), label=t.label)
                      for t in screens.TABS],
    )


def confirm_pop(state, page_view):
    """Back while a dialog is open closes it; Back on Home during an incident asks first."""

    def handler(e) -> None:
        view = e.control
        page = view.page

        def answer(go: bool) -> None:
            page.run_task(view.confirm_pop, go)

        if state.ui.dialog:
            answer(False)
            state.nav.back()
        else:
            state.ask_leave(answer)

    return handler


@ft.component
def Body(state, name: str, stamp: int):
    """A screen's body. Memoized on `stamp`: the top screen gets the state's version (it
    follows every change); a screen under it keeps the stamp of its last render, so it
    is not built again while it waits (only seen during a Back transition)."""
    return view_of(screens.get(name))(state)


MemoBody = ft.memo(Body)


def screen_view(state, s: screens.Screen, loc: Location, top: bool, sz: Sizes,
                stamps: dict[str, int]) -> ft.View:
    keep = {k: v for k, v in {**state.nav.defaults(s.name), **loc.params}.items()
            if "{" + k in s.route or top}
    route = router.to_route(Location(s.name, keep))
    if top:
        stamps[route] = state.ui.version
    stamp = stamps.setdefault(route, state.ui.version)
    body = DialogView(state) if (top and state.ui.dialog) else MemoBody(state, s.name, stamp)
    guard = top and (bool(state.ui.dialog) or (s.parent is None and state.incident.is_open))
    return ft.View(
        route=route,
        appbar=app_bar(state, s, sz),
        navigation_bar=nav_bar(state, s),
        can_pop=not guard,
        on_confirm_pop=confirm_pop(state, s) if guard else None,
        controls=[ft.Column(
            # room above the body: a text field first on its screen (the note, search) floats
            # its label above its border, and the scroll view cut that label in half
            [*banners(state, sz), ft.Container(body, padding=ft.Padding.only(top=sz.fs(6)))],
            # a new screen, a dialog or a new question (ui.turn_page) opens at its top
            key=f"{route}:{(state.ui.dialog or '') if top else ''}:{state.ui.page_turn}",
            spacing=12, expand=True, scroll=ft.ScrollMode.AUTO,
        )],
        padding=12,
    )


@ft.component
def Root(state):
    version, set_version = ft.use_state(state.ui.version)
    dispose = ft.use_ref(None)
    if dispose.current is None:
        dispose.current = state.subscribe(lambda: set_version(state.ui.version))
    ft.on_unmounted(lambda: dispose.current and dispose.current())

    stamps = ft.use_ref(None)
    if stamps.current is None:
        stamps.current = {}
    sz = Sizes(state.prefs.text_scale)
    loc = state.nav.location
    stack = screens.chain(loc.screen)
    looks = (sz.scale, i18n.generation())
    if stamps.current.get("looks") != looks:  # a new text size or language: rebuild all
        stamps.current = {"looks": looks}
    return [screen_view(state, s, loc, s is stack[-1], sz, stamps.current) for s in stack]
