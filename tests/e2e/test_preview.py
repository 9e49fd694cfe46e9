"""Live preview for instructors (`serve --watch`), in the browser (issue 9 §1).

An instructor keeps the app open on the Stairway screen while editing a temporary copy of
content/: a saved change shows without reloading; a file broken mid-edit leaves the last
good guide on screen under a banner that names `path:line`; fixing the file clears it.
"""

from __future__ import annotations

import shutil

import pytest

from app.ui import labels as L
from tests.e2e.conftest import (
    PHONE,
    ROOT,
    go_tab,
    gone,
    open_app,
    see,
    shot,
    start_server,
    stop,
)

STAGE = "stairway/1-active-listening.md"
PURPOSE = "Bring the emotion down so the person can think."


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("preview")
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    proc, url, log = start_server(tmp / "data", ["--watch", "--content-dir", str(content)])
    yield url, content
    stop(proc)


def save(content, old: str, new: str) -> None:
    path = content / STAGE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_save_shows_problems_show_fix_clears(browser, live):
    url, content = live
    page = open_app(browser, url, viewport=PHONE)
    try:
        go_tab(page, L.NAV_STAIRWAY)
        see(page, PURPOSE)
        edited = "Slow the emotion down so the person can think again."
        save(content, PURPOSE, edited)
        see(page, edited, timeout=10_000)  # no reload: the page follows the save
        shot(page, "e2e-preview-saved")

        save(content, "stage: 1\n", "stage: one\n")  # a mistake in the header
        banner = see(page, f"{STAGE}:", timeout=10_000)
        text = banner.get_attribute("aria-label") or banner.inner_text()
        assert "last good guide" in text and f"{STAGE}:8:" in text, text
        see(page, edited)  # the last good guide stays on screen
        shot(page, "e2e-preview-problem")

        save(content, "stage: one\n", "stage: 1\n")
        assert gone(page, "last good guide"), "the banner did not clear after the fix"
        see(page, edited)
    finally:
        save(content, "stage: one\n", "stage: 1\n") if "stage: one" in \
            (content / STAGE).read_text(encoding="utf-8") else None
        page.context.close()
