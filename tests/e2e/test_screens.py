"""Every screen, light and night, at 390x844 and 360x640: screenshots and no overflow.

The pictures land in build/screenshots/ to be looked at; the test itself checks that no
labelled control or text sticks out past the right edge (no horizontal scrolling) and
that the night theme really is dark.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageStat

from app.prefs import SCREENS as PREF_SCREENS
from app.ui import labels as L
from tests.e2e.conftest import (
    PHONE,
    SMALL_PHONE,
    control,
    fill,
    go_tab,
    open_app,
    see,
    shot,
    tap,
)

SCREENS = list(PREF_SCREENS)  # every screen the app can show and remember


def _ensure_incident(page) -> None:
    go_tab(page, L.NAV_INCIDENT)
    try:
        control(page, "button", L.OPEN_BOARD, timeout=3000)
        return  # an incident is open already
    except AssertionError:
        pass
    tap(page, L.START_INCIDENT)
    fill(page, L.START_LOCATION, "Screenshot street 1")
    tap(page, L.START_CONFIRM)
    control(page, "textbox", L.NOTE_FIELD)


def _open(page, screen: str) -> None:
    tabs = {
        "home": L.NAV_HOME,
        "stairway": L.NAV_STAIRWAY,
        "phrases": L.NAV_PHRASES,
        "checklist": L.NAV_CHECKLIST,
        "incident": L.NAV_INCIDENT,
    }
    if screen in tabs:
        go_tab(page, tabs[screen])
    elif screen in ("board", "incidents"):
        _ensure_incident(page)
        tap(page, L.OPEN_BOARD if screen == "board" else L.OPEN_INCIDENTS)
    elif screen == "situations":
        tap(page, L.OPEN_SITUATIONS)
    elif screen == "search":
        tap(page, L.OPEN_SEARCH)
        fill(page, L.SEARCH_FIELD, "calm")
    elif screen == "settings":
        tap(page, L.OPEN_SETTINGS)
    page.mouse.wheel(0, -20_000)  # top of the screen for the picture
    page.wait_for_timeout(700)


def _overflowing(page, width: int) -> list[str]:
    """Labelled or text nodes whose box reaches past the right edge of the viewport."""
    return page.evaluate(
        """(width) => [...document.querySelectorAll('flt-semantics')]
            .filter(e => e.getAttribute('role') || e.getAttribute('aria-label')
                         || (e.children.length === 0 && e.textContent.trim()))
            .filter(e => !e.closest('[style*="overflow-x: scroll"]'))
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > 0 && r.right > width + 1)
            .map(([e, r]) => `${(e.getAttribute('aria-label') || e.textContent).slice(0, 50)}`
                             + ` right=${Math.round(r.right)}`)""",
        width,
    )


def _text_scale(page, scale: float) -> None:
    tap(page, L.OPEN_SETTINGS)
    tap(page, L.TEXT_SIZES[scale])
    page.wait_for_timeout(500)


@pytest.mark.parametrize(
    "scheme, viewport, scale",
    [
        # the reference phone, day
        pytest.param("light", PHONE, 1.0, id="light-390x844"),
        # the reference phone, night (the app follows the phone's setting)
        pytest.param("dark", PHONE, 1.0, id="dark-390x844"),
        # the smallest phone we support
        pytest.param("light", SMALL_PHONE, 1.0, id="light-360x640"),
        # smallest phone, largest text, night
        pytest.param("dark", SMALL_PHONE, max(L.TEXT_SIZES), id="dark-360x640-largest-text"),
    ],
)
def test_every_screen(browser, server, scheme, viewport, scale):
    page = open_app(browser, server, viewport=viewport, color_scheme=scheme)
    size = f"{viewport['width']}x{viewport['height']}" + ("" if scale == 1.0 else f"-text{scale}")
    try:
        if scale != 1.0:
            _text_scale(page, scale)
        problems = {}
        for screen in SCREENS:
            _open(page, screen)
            path = shot(page, f"{screen}-{scheme}-{size}")
            brightness = ImageStat.Stat(Image.open(path).convert("L")).mean[0]
            dark_enough = brightness < 90 if scheme == "dark" else brightness > 160
            assert dark_enough, (screen, scheme, brightness)
            if out := _overflowing(page, viewport["width"]):
                problems[screen] = out
        assert problems == {}
        assert page.net.unexpected() == []
    finally:
        if scale != 1.0:
            _text_scale(page, 1.0)
        page.context.close()


def test_search_screen_shows_results(browser, server):
    page = open_app(browser, server)
    try:
        _open(page, "search")
        see(page, L.search_result(""))
    finally:
        page.context.close()
