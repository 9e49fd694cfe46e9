"""Ticks whose item a guide update reworded or dropped, in a browser: shown apart on the
checklist, done and read-only, in the words they were ticked in; readable on the smallest
phone at night at the largest text; kept through a reload; the box folds away.

The data folder is written before the server starts, as a restart after an update leaves it.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.ui import labels as L
from tests.e2e.conftest import (
    PHONE,
    SMALL_PHONE,
    click,
    control,
    enable_semantics,
    find,
    go_tab,
    gone,
    open_app,
    reload,
    see,
    shot,
    start_server,
    stop,
)
from tests.e2e.layout import unreadable

GONE = "Call the negotiators on the radio and give them the exact place to meet you."
SHORT = "Keep the crowd back."
COVER = "Keep cover. Do not rush in."
SIGN = "They answer your questions with more than one word, most of the time."


def _data(tmp_path, scale: float):
    data = tmp_path / "data"
    data.mkdir()
    ticks = {"first-officer/call-the-negotiators-old": "2026-11-29T09:41:00+00:00",
             "first-officer/keep-the-crowd-back-old": "2026-11-29T09:44:00+00:00",
             "first-officer/keep-cover-do-not-rush-in": "2026-11-29T09:40:00+00:00"}
    words = {"first-officer/call-the-negotiators-old": GONE,
             "first-officer/keep-the-crowd-back-old": SHORT,
             "first-officer/keep-cover-do-not-rush-in": COVER}
    (data / "prefs.json").write_text(json.dumps(
        {"checklist": ticks, "tick_texts": words, "text_scale": scale,
         "last_route": "/checklist", "signs": {"1": ["they-answer-old"]},
         "sign_texts": {"1/they-answer-old": SIGN}}))
    return data


@pytest.mark.parametrize(
    "scheme, viewport, scale",
    [
        pytest.param("dark", SMALL_PHONE, max(L.TEXT_SIZES), id="dark-360x640-largest-text"),
        pytest.param("dark", PHONE, max(L.TEXT_SIZES), id="dark-390x844-largest-text"),
        pytest.param("light", PHONE, 1.0, id="light-390x844"),
    ],
)
def test_ticks_from_an_earlier_guide_are_shown_apart(browser, tmp_path, scheme, viewport, scale):
    proc, url, _log = start_server(_data(tmp_path, scale))
    done = L.checklist_earlier(GONE, _clock("2026-11-29T09:41:00+00:00"))
    short = L.checklist_earlier(SHORT, _clock("2026-11-29T09:44:00+00:00"))
    heading = L.section_toggle("Done before the guide changed")
    try:
        page = open_app(browser, url + "/checklist", viewport=viewport, color_scheme=scheme)
        name = f"earlier-ticks-{scheme}-{viewport['width']}x{viewport['height']}-{scale}"
        see(page, done)
        assert find(page, "checkbox", done, timeout=1000) is None  # done, nothing to untick
        assert control(page, "checkbox", L.checklist_item(COVER)).get_attribute(
            "aria-checked") == "true"  # a tick the guide still has stays in its place
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(500)
        assert unreadable(page, viewport["width"]) == []
        shot(page, name)

        reload(page)  # mid-call: still there
        enable_semantics(page)
        see(page, short)
        click(page, "button", heading, exact=False)  # folded away
        assert gone(page, done), f"{done!r} is still on screen ({shot(page, 'FAILED-gone')})"
        see(page, L.checklist_item(COVER))
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(500)
        assert unreadable(page, viewport["width"]) == []
        shot(page, name + "-folded")
        reload(page)  # folded it stays
        enable_semantics(page)
        control(page, "button", heading, exact=False)
        assert gone(page, done), f"{done!r} is still on screen ({shot(page, 'FAILED-gone')})"
        click(page, "button", heading, exact=False)
        see(page, done)

        go_tab(page, L.NAV_STAIRWAY)  # a sign ticked before the change: apart, not counted
        row = see(page, L.sign_earlier(SIGN))
        assert find(page, "checkbox", L.sign_earlier(SIGN), timeout=1000) is None
        if (box := row.bounding_box()) is not None:  # the box in view for the picture
            page.mouse.wheel(0, box["y"] - viewport["height"] / 3)
        page.wait_for_timeout(500)  # the scroll ends before the layout is read
        assert unreadable(page, viewport["width"]) == []
        shot(page, name + "-stairway")
        assert page.net.unexpected() == []
        page.context.close()
    finally:
        stop(proc)
    saved = json.loads((tmp_path / "data" / "prefs.json").read_text())
    assert len(saved["checklist"]) == 3  # nothing unticked by the look
    assert saved["signs"] == {"1": ["they-answer-old"]}


def _clock(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")

