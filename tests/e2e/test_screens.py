"""Every screen, light and night, at 390x844 and 360x640: screenshots and no overflow.

The pictures land in build/screenshots/ to be looked at; the test itself checks that every
screen reads cleanly (tests/e2e/layout.py: nothing sticks out past the right edge, no
title cut off, no word broken letter by letter, no line cut short) and that the night
theme really is dark. The screens come from the registry, app.ui.screens.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageStat

from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import (
    PHONE,
    SMALL_PHONE,
    control,
    fill,
    find,
    go_tab,
    open_app,
    see,
    shot,
    tap,
    to_tabs,
)
from tests.e2e.layout import unreadable

SCREENS = [s.name for s in screens.SCREENS]  # the registry: a new screen is listed here too


def _ensure_incident(page) -> None:
    to_tabs(page)
    go_tab(page, L.NAV_INCIDENT)
    if find(page, "button", L.OPEN_BOARD, timeout=3000) is not None:
        return  # an incident is open already
    tap(page, L.START_INCIDENT)
    fill(page, L.START_LOCATION, "Screenshot street 1")
    tap(page, L.START_CONFIRM)
    control(page, "textbox", L.NOTE_FIELD)


def _open(page, screen: str) -> None:
    """Open `screen` the way an officer does: down its chain of parents from Home, by the
    control the registry names for each step (a tab, or a button on the parent)."""
    if "incident" in [s.name for s in screens.chain(screen)][1:]:
        _ensure_incident(page)
    to_tabs(page)
    for s in screens.chain(screen):
        if s.icon:
            go_tab(page, s.label)
        else:
            tap(page, s.label)
        control(page, "heading", s.title)  # each step lands before the next tap
        page.wait_for_timeout(350)  # the page transition ends: taps on the old view are lost
        if s.name == "search":
            fill(page, L.SEARCH_FIELD, "calm")
    page.mouse.wheel(0, -20_000)  # top of the screen for the picture
    page.wait_for_timeout(700)


def _text_scale(page, scale: float) -> None:
    _open(page, "settings")
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
        _text_scale(page, scale)  # each test sets its own (a second attempt starts over too)
        problems = {}
        for screen in SCREENS:
            _open(page, screen)
            path = shot(page, f"{screen}-{scheme}-{size}")
            brightness = ImageStat.Stat(Image.open(path).convert("L")).mean[0]
            dark_enough = brightness < 90 if scheme == "dark" else brightness > 160
            assert dark_enough, (screen, scheme, brightness)
            if out := unreadable(page, viewport["width"]):
                problems[screen] = out
        assert problems == {}
        assert page.net.unexpected() == []
        if scale != 1.0:
            _text_scale(page, 1.0)  # as found, for the session's later tests
    finally:  # no taps here: on a page that failed they would hide its error, or hang
        page.context.close()


def test_search_screen_shows_results(browser, server):
    page = open_app(browser, server)
    try:
        _open(page, "search")
        see(page, L.search_result(""))
    finally:
        page.context.close()
