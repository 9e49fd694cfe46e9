"""The one factory: `build_main(content_dir, data_dir)` -> `main(page)`.

`app.main`, `app.ui.serve` and the tests all call it, so tests run the real wiring. The
guide and the note log are loaded once per process (shared by every browser tab; the log
is thread-safe); each page gets its own `AppState` over them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import flet as ft

from app import paths
from app.guide.model import Guide
from app.ui import labels as L
from app.ui import theme
from app.ui.state import AppState
from app.ui.views.shell import Root

log = logging.getLogger("stairway")


def load_guide(content_dir: Path, data_dir: Path) -> tuple[Guide, str | None]:
    """The guide, or an empty one and a sentence: content problems never crash the app."""
    try:
        from app.guide import load_guide as _load

        guide = _load(content_dir, paths.cache_dir(data_dir))
    except Exception as exc:  # noqa: BLE001 - any failure becomes one sentence on screen
        log.exception("guide could not be loaded")
        return Guide(), f"The guide could not be loaded from {content_dir} ({exc})."
    if guide.skipped:
        return guide, f"{L.CONTENT_BANNER}: " + ", ".join(s.file for s in guide.skipped) + "."
    return guide, None


def open_log(data_dir: Path):
    try:
        from app.incidents import IncidentLog

        return IncidentLog(data_dir), None
    except Exception as exc:  # noqa: BLE001
        log.exception("incident log could not be opened")
        return None, f"The note log could not be opened in {data_dir} ({exc}). Notes are off."


def make_search(guide: Guide) -> Callable[[str], list]:
    try:
        from app.guide.search import build_index, search

        index = build_index(guide)
    except Exception:  # noqa: BLE001
        log.exception("search index could not be built")
        return lambda q: []
    return lambda q: search(index, q, 20)


def build_main(content_dir: Path, data_dir: Path) -> Callable[[ft.Page], None]:
    content_dir, data_dir = Path(content_dir), Path(data_dir)
    guide, guide_problem = load_guide(content_dir, data_dir)
    note_log, log_problem = open_log(data_dir)
    search = make_search(guide)

    def main(page: ft.Page) -> AppState:
        state = AppState(guide, data_dir, note_log, log_problem, search)
        if guide_problem:
            state.notices.insert(0, guide_problem)
        state.browser = bool(page.web)

        def download(name: str, text: str) -> None:
            async def save() -> None:
                try:
                    await ft.FilePicker().save_file(file_name=name, src_bytes=text.encode())
                except Exception as exc:  # noqa: BLE001
                    state.message = f"The download did not start ({exc}). Copy the text."
                    state._changed()

            page.run_task(save)

        if state.browser:
            state.deliver = download
        page.title = L.APP_TITLE
        page.padding = 0
        applied = [(state.prefs.theme, state.prefs.text_scale)]
        theme.apply(page, *applied[0])

        def restyle() -> None:  # the one place outside components that updates the page
            key = (state.prefs.theme, state.prefs.text_scale)
            if key != applied[0]:
                applied[0] = key
                theme.apply(page, *key)
                page.update()

        state.subscribe(restyle)
        page.data = state
        page.render_views(Root, state)
        return state

    return main
