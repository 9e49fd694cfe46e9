"""Where the officer is: the current location (screen + route parameters) and Back.

`go()` moves and asks the shell to push the route (browser history, the phone's view
stack); `open_route()` follows a route the client reports (browser Back, a reload, a
deep link) without pushing it again; `back()` closes an open dialog first, then goes to
the screen's parent. No flet import: the shell hands in `navigate(route)`.
"""

from __future__ import annotations

from collections.abc import Callable

from app.prefs import Prefs
from app.ui import router, screens
from app.ui.router import Location
from app.ui.state.ui import Ui


class Nav:
    def __init__(self, ui: Ui, prefs: Prefs,
                 on_enter: Callable[[Location], None] = lambda loc: None,
                 defaults: Callable[[str], dict[str, str]] = lambda screen: {}) -> None:
        self.ui = ui
        self.prefs = prefs
        self.on_enter = on_enter  # the parts load what a screen shows (board, list...)
        self.defaults = defaults  # parameters a screen takes from the state (incident id)
        self.location = Location()
        self.navigate: Callable[[str], None] | None = None  # push a route (the shell)
        self.client_route: str | None = None  # the route the client shows
        self._echoes: list[str] = []  # routes pushed whose route_change has not come back
        self._address: str | None = None  # the banner of the last refused address
        self.following = False  # a route the client reported is being shown (browser Back)

    @property
    def screen(self) -> str:
        return self.location.screen

    @property
    def route(self) -> str:
        return router.to_route(self.location)

    def go(self, screen: str, **params: str | int | None) -> None:
        """Open `screen`; parameters that are None are left out."""
        screens.get(screen)  # unknown names are a programming error
        clean = {**self.defaults(screen),
                 **{k: str(v) for k, v in params.items() if v is not None}}
        loc, _ = router.parse(router.to_route(Location(screen, clean)))
        if loc.screen != screen:  # a required parameter is missing (board, no incident)
            loc = Location(screens.get(screen).parent or screens.HOME)
        self._show(loc, push=True)

    def open_route(self, route: str | None) -> None:
        """Show what a route reported by the client names (no push: it is there already)."""
        if route in self._echoes:  # our own push coming back: already shown
            del self._echoes[: self._echoes.index(route) + 1]
            return
        self.client_route = route
        loc, problem = router.parse(route)
        if loc == self.location and not problem:
            return
        if self.ui.dialog and not problem:  # a form or question open: the browser's Back
            self.ui.close_dialog()  # closes it, as the phone's Back does (its words stay a
            self._push(self.route)  # draft); the screen under it stays
            return
        self.following = True
        try:
            self._show(loc, push=problem is not None)  # a refused route is replaced by ours
        finally:
            self.following = False
        if problem:
            self.tell(problem)

    def restore(self, route: str | None) -> None:
        """At start: the route the page opened on, else the last one (a killed app)."""
        self.client_route = route or "/"
        loc, problem = router.parse(self.prefs.last_route if self.client_route == "/" else route)
        self._show(loc, push=True)  # pushed only when it differs from what the client shows
        if problem:
            self.tell(problem)

    def tell(self, problem: str) -> None:
        """A refused address: a banner on whatever screen opened (one at a time)."""
        if self._address in self.ui.notices:
            self.ui.notices.remove(self._address)
        self._address = problem
        self.ui.notices.append(problem)
        self.ui.changed()

    def back(self) -> bool:
        """Close the open dialog, else go to the parent screen; False at the root."""
        if self.ui.dialog:
            self.ui.close_dialog()
            return True
        parent = screens.get(self.screen).parent
        if parent is None:
            return False
        keep = {k: v for k, v in self.location.params.items()
                if "{" + k in screens.get(parent).route}
        self.go(parent, **keep)
        return True

    def _show(self, loc: Location, push: bool) -> None:
        self.location = loc
        self.ui.reset()
        self.prefs.last_route = router.to_route(loc)
        self.on_enter(loc)
        if push:
            self._push(self.prefs.last_route)
        self.ui.changed(save=True)

    def _push(self, route: str) -> None:
        """Have the client show `route` (its history grows), unless it shows it already."""
        if self.navigate is not None and route != self.client_route:
            self.client_route = route
            self._echoes = [*self._echoes[-20:], route]
            self.navigate(route)
