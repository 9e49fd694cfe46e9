"""The one factory: `build_main(content_dir, data_dir, watch=False)` -> `main(page)`.

`app.main`, `app.ui.serve` and the tests all call it, so tests run the real wiring. The
guide (`GuideHub`: the built-in content, or the active guide pack, or with `watch` the
content folder being edited) and the note log are loaded once per process (shared by
every browser tab; the log is thread-safe); each page gets its own `AppState` over them,
its own device services, and its routes: the route the page opened on (a reload, a deep
link) is shown, browser Back and Android's Back move through `state.nav`. When the hub
swaps the guide, every open page takes the new one on its own event loop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import flet as ft

from app import i18n, paths
from app.terminal import terminal_safe
from app.ui import labels as L
from app.ui import theme
from app.ui.device import FletDevice
from app.ui.packpicker import PackPicker
from app.ui.state import AppState
from app.ui.state.hub import GuideHub
from app.ui.views.shell import Root

log = logging.getLogger("stairway")


def locale(language: str) -> ft.LocaleConfiguration:
    """Flutter's own words (the Back arrow's name, Copy and Paste) in the labels' language."""
    code = language.split("-")[0].lower()
    langs = ["en"] if code == "en" else ["en", code]
    return ft.LocaleConfiguration([ft.Locale(c) for c in langs], current_locale=ft.Locale(code))


def report(lines: list[str]) -> None:
    """Paths and line numbers are for instructors: the server's terminal and the log, a
    file's name with a control character in it shown escaped (app/terminal.py)."""
    for line in lines:
        log.warning("%s", terminal_safe(line))
        print(f"stairway: {terminal_safe(line)}", file=sys.stderr, flush=True)


def open_log(data_dir: Path):
    try:
        from app.incidents import IncidentLog

        return IncidentLog(data_dir), None
    except OSError as exc:  # the folder cannot be made or read: said, no traceback
        report([f"the note log could not be opened in {data_dir}: {exc}"])
        return None, L.LOG_NOT_OPENED
    except Exception as exc:  # noqa: BLE001
        log.exception("incident log could not be opened")
        report([f"the note log could not be opened in {data_dir}: {exc}"])
        return None, L.LOG_NOT_OPENED


def build_main(content_dir: Path, data_dir: Path, watch: bool = False,
               hub: GuideHub | None = None) -> Callable[[ft.Page], AppState]:
    """`main(page)` for these folders; `main.hub` is the process's GuideHub. With `watch`
    the content folder is polled and every save reaches every open page."""
    content_dir, data_dir = Path(content_dir), Path(data_dir)
    hub = hub or GuideHub(content_dir, data_dir, watch=watch, report=report)
    note_log, log_problem = open_log(data_dir)
    if watch:
        hub.watch()

    def main(page: ft.Page) -> AppState:
        device = FletDevice(page)
        state = AppState(hub.current.guide, data_dir, note_log, log_problem, device=device,
                         hub=hub)
        device.problem = state.ui.say
        state.packs.picker = PackPicker(page, state.packs, paths.uploads_dir(data_dir))

        async def follow() -> None:  # on this page's loop, whichever thread swapped
            state.use_guide(hub.current)

        stop_following = hub.subscribe(lambda shown: page.run_task(follow))
        page.on_close = lambda e: stop_following()
        page.padding = 0
        applied = [(state.prefs.theme, state.prefs.text_scale)]
        theme.apply(page, *applied[0])
        language = [i18n.language()]
        page.locale_configuration = locale(language[0])
        page.title = L.INCIDENT_TITLE if state.incident.is_open else L.APP_TITLE

        def restyle() -> None:  # the one place outside components that updates the page
            key = (state.prefs.theme, state.prefs.text_scale)
            title = L.INCIDENT_TITLE if state.incident.is_open else L.APP_TITLE
            if key != applied[0] or title != page.title or language[0] != i18n.language():
                if key != applied[0]:
                    applied[0] = key
                    theme.apply(page, *key)
                language[0] = i18n.language()
                page.locale_configuration = locale(language[0])
                page.title = title
                page.update()

        state.subscribe(restyle)
        state.nav.navigate = lambda route: page.run_task(page.push_route, route)
        page.on_route_change = lambda e: state.nav.open_route(e.route)
        page.on_view_pop = lambda e: state.nav.back()
        page.on_connect = lambda e: device.reconnected()  # a reload keeps the session
        state.nav.restore(page.route)
        page.data = state
        page.render_views(Root, state)
        device.ready()
        return state

    main.hub = hub
    return main
