"""Spanish on a real phone-size page: every screen at 360x640, night, largest text, reads
cleanly (nothing clipped or sticking out), with screenshots to look at.

The server is `python -m app serve` on the Spanish guide with the Spanish labels switched
on first (what the app does when the active pack's language is es); this process switches
too, so the tests find the controls by their Spanish labels.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from app import i18n
from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import (
    ROOT,
    SMALL_PHONE,
    control,
    fill,
    find,
    free_port,
    open_app,
    see,
    shot,
    stop,
    tap,
    wait_for_port,
)
from tests.e2e.layout import unreadable

ES = ROOT / "content" / "translations" / "es"
FLUTTER_BACK = "Atrás"  # the app bar arrow's name: Flutter's own word, in the page's locale
SPANISH_SERVER = (
    "import sys; from app import i18n; i18n.use('es'); from app.cli import main; "
    "sys.exit(main(sys.argv[1:]))"
)


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    """A server showing the Spanish guide in Spanish; this process in Spanish too."""
    data = tmp_path_factory.mktemp("e2e-es") / "data"
    port = free_port()
    log = data.parent / "server.log"
    cmd = [sys.executable, "-c", SPANISH_SERVER, "serve", "--port", str(port),
           "--data-dir", str(data), "--content-dir", str(ES)]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, proc)
    except RuntimeError as e:
        stop(proc)
        raise RuntimeError(f"{e}\n--- server log ---\n{log.read_text()}") from e
    i18n.use("es")
    yield f"http://127.0.0.1:{port}"
    i18n.use("en")
    stop(proc)


def to_tabs(page) -> None:
    """Back out of sub-screens with the app bar arrow until the bottom bar shows."""
    for _ in range(3):
        if find(page, "tab", L.NAV_HOME, timeout=1500) is not None:
            return
        tap(page, FLUTTER_BACK)
        page.wait_for_timeout(400)


def open_screen(page, name: str) -> None:
    """Down the screen's chain from Home, by the tab or button the registry names."""
    chain = screens.chain(name)
    if "incident" in [s.name for s in chain][1:]:
        to_tabs(page)
        page.get_by_role("tab", name=L.NAV_INCIDENT).click()
        page.wait_for_timeout(350)
        if find(page, "button", L.OPEN_BOARD, timeout=3000) is None:
            tap(page, L.START_INCIDENT)
            fill(page, L.START_LOCATION, "Calle Olmo 1")
            tap(page, L.START_CONFIRM)
            control(page, "textbox", L.NOTE_FIELD)
    to_tabs(page)
    for s in chain:
        if s.icon:
            page.get_by_role("tab", name=s.label).click()
        else:
            tap(page, s.label)
        control(page, "heading", s.title)
        page.wait_for_timeout(350)
        if s.name == "search":
            fill(page, L.SEARCH_FIELD, "familia")
    page.mouse.wheel(0, -20_000)
    page.wait_for_timeout(700)


def text_scale(page, scale: float) -> None:
    open_screen(page, "settings")
    tap(page, L.TEXT_SIZES[scale])
    page.wait_for_timeout(500)


def test_every_screen_in_spanish_reads_cleanly_at_360_night_largest_text(browser, spanish):
    page = open_app(browser, spanish, viewport=SMALL_PHONE, color_scheme="dark")
    try:
        see(page, "Iniciar incidente")  # the first frame is Spanish
        text_scale(page, max(L.TEXT_SIZES))
        problems = {}
        for s in screens.SCREENS:
            open_screen(page, s.name)
            shot(page, f"es-{s.name}-dark-360x640-text1.75")
            if out := unreadable(page, SMALL_PHONE["width"]):
                problems[s.name] = out
        assert problems == {}
        assert page.net.unexpected() == []
    finally:
        text_scale(page, 1.0)
        page.context.close()
