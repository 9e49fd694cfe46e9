"""The field guide end to end in Chromium: home, the stairway, override, search, theme."""

from __future__ import annotations

import time

from PIL import Image, ImageStat

from app.guide.model import SAY
from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import back_to_stage_one, click, control, fill, go_tab, see, shot, tap


def _stage_heading(guide, order: int) -> str:
    return f"{L.stage_indicator(order, len(guide.stages))}: {guide.stages[order - 1].title}"


def _back_to_stage_one(page, guide) -> None:
    back_to_stage_one(page, len(guide.stages))
    see(page, _stage_heading(guide, 1))


def _phrase_for_everyone(guide, order: int):
    return next(p for p in guide.stages[order - 1].phrases if p.kind == SAY and not p.situations)


def test_home_renders(phone, guide):
    _back_to_stage_one(phone, guide)  # earlier tests may have left the officer higher up
    go_tab(phone, L.NAV_HOME)
    control(phone, "button", L.START_INCIDENT)
    control(phone, "tab", L.NAV_STAIRWAY)
    see(phone, guide.stages[0].title)
    shot(phone, "e2e-home")


def test_move_up_needs_every_sign_then_shows_stage_two_phrases(phone, guide):
    _back_to_stage_one(phone, guide)
    signs = guide.stages[0].signs
    for sign in signs:  # start from no sign ticked, whatever an earlier run left
        if (
            control(phone, "checkbox", sign.text, exact=False).get_attribute("aria-checked")
            == "true"
        ):
            click(phone, "checkbox", sign.text, exact=False)
            phone.wait_for_timeout(150)
    tap(phone, L.move_up(len(signs)))  # gated until the signs are ticked, and says why there
    see(phone, f"{len(signs)} signs are not ticked yet")
    see(phone, L.stage_indicator(1, len(guide.stages)))
    for sign in signs:
        click(phone, "checkbox", sign.text, exact=False)
        phone.wait_for_timeout(150)
    boxes = [control(phone, "checkbox", s.text, exact=False) for s in signs]
    assert all(b.get_attribute("aria-checked") == "true" for b in boxes)
    shot(phone, "e2e-stairway-signs-ticked")
    move_up = control(phone, "button", L.MOVE_UP)
    assert move_up.get_attribute("aria-disabled") != "true"
    move_up.click(force=True)
    see(phone, _stage_heading(guide, 2))
    go_tab(phone, L.NAV_PHRASES)
    phrase = _phrase_for_everyone(guide, 2)  # read from content/, not hard-coded
    see(phone, phrase.text)
    shot(phone, "e2e-phrases-stage-2")


def test_override_asks_for_a_reason_and_moves_up(phone, guide):
    go_tab(phone, L.NAV_STAIRWAY)
    see(phone, _stage_heading(guide, 2))
    tap(phone, L.OVERRIDE)
    fill(phone, L.OVERRIDE_REASON, "Subject asked for the negotiator by name")
    shot(phone, "e2e-override-reason")
    tap(phone, L.OVERRIDE_CONFIRM)
    see(phone, _stage_heading(guide, 3))
    control(phone, "button", L.STEP_BACK)  # stepping back is always there
    _back_to_stage_one(phone, guide)


def test_search_finds_a_phrase_and_opens_it(phone, guide):
    phrase = _phrase_for_everyone(guide, 2)
    tap(phone, L.OPEN_SEARCH)
    fill(phone, L.SEARCH_FIELD, phrase.text.rstrip(".?!"))
    phone.keyboard.press("Enter")
    result = see(phone, phrase.text)
    shot(phone, "e2e-search-results")
    result.click(force=True)
    control(phone, "heading", screens.get("phrases").title)  # the result opened phrases
    see(phone, phrase.text)
    shot(phone, "e2e-search-opened")


def _mean_brightness(path) -> float:
    return ImageStat.Stat(Image.open(path).convert("L")).mean[0]


def _brightness_once(page, name: str, done, timeout: float = 10.0) -> float:
    """The screen's mean brightness once `done(brightness)` holds, or the last one seen.

    The new theme is painted a frame or more after the tap reaches the server; under
    load (CI runs the whole suite on two cores) that took longer than a fixed wait.
    """
    deadline = time.monotonic() + timeout
    while True:
        seen = _mean_brightness(shot(page, name))
        if done(seen) or time.monotonic() > deadline:
            return seen
        page.wait_for_timeout(250)


def test_dark_mode_toggles(phone):
    go_tab(phone, L.NAV_HOME)
    tap(phone, L.OPEN_SETTINGS)
    tap(phone, L.THEME_LIGHT)
    light = _brightness_once(phone, "e2e-settings-light", lambda b: b > 180)
    tap(phone, L.THEME_DARK)
    dark = _brightness_once(phone, "e2e-settings-dark", lambda b: b < 80)
    tap(phone, L.THEME_SYSTEM)  # back to the default for the other tests
    phone.go_back()  # the browser's Back leaves Settings for the screen before
    control(phone, "tab", L.NAV_HOME)
    assert light > 180 and dark < 80, (light, dark)
