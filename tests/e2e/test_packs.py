"""A signed guide pack, imported in the browser at 390x844, then rolled back (issue 9).

The server serves a temporary copy of content/ whose keys/ trusts a key made for this
test; the pack is built by `make_pack` (what `python -m app pack` runs) from another
copy with one phrase changed. The officer imports it with the file picker (the browser
uploads it into the data folder), checks the preview, applies it, sees the new version on
About and the new phrase, goes back to the previous guide and sees the old one. Then the
Guide screen is photographed at 360x640, night, largest text, with a pack waiting and
with a refused one.
"""

from __future__ import annotations

import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import __version__
from app.packs.build import make_pack
from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import (
    PHONE,
    ROOT,
    SMALL_PHONE,
    control,
    go_tab,
    open_app,
    see,
    shot,
    start_server,
    stop,
    tap,
    to_tabs,
)
from tests.packs_helpers import builtin

STAGE = "stairway/1-active-listening.md"
VERSION = "2026.11"


@pytest.fixture
def browser(fresh_browser):
    """A Chromium per test: these pages switch the guide live (see conftest's
    fresh_browser)."""
    return fresh_browser


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """(server url, good pack, broken pack, the phrase the good pack changes)."""
    tmp = tmp_path_factory.mktemp("packs")
    key = Ed25519PrivateKey.generate()
    content = builtin(tmp, key, source=ROOT / "content")
    source = tmp / "pack-source"
    shutil.copytree(ROOT / "content", source)
    text = (source / STAGE).read_text(encoding="utf-8")
    old = next(line[2:] for line in text.splitlines() if line.startswith("- ") and "?" in line)
    new = old[:-1] + " so far?"
    (source / STAGE).write_text(text.replace(old, new, 1), encoding="utf-8")
    fields = dict(id="metro-pd", title="Metro PD guide", language="en",
                  approved_by="Sgt A. Example, Training Unit")
    good = tmp / "metro-pd.stairway"
    good.write_bytes(make_pack(source, key, version=VERSION, **fields)[0])
    bad = tmp / "forged.stairway"
    bad.write_bytes(make_pack(source, Ed25519PrivateKey.generate(), version="9", **fields)[0])
    proc, url, _ = start_server(tmp / "data", ["--content-dir", str(content)])
    yield url, good, bad, new
    stop(proc)


def open_guide_screen(page) -> None:
    to_tabs(page)
    go_tab(page, L.NAV_HOME)
    tap(page, L.OPEN_SETTINGS)
    tap(page, L.OPEN_GUIDE)
    control(page, "heading", screens.get("guide").title)
    page.wait_for_timeout(350)


def pick(page, path) -> None:
    """Tap Import and choose the file in the browser's file dialog."""
    with page.expect_file_chooser(timeout=20_000) as chooser:
        tap(page, L.GUIDE_IMPORT)
    chooser.value.set_files(str(path))


def open_about(page) -> None:
    tap(page, "Back")
    tap(page, L.OPEN_ABOUT)
    control(page, "heading", screens.get("about").title)


def test_import_apply_see_it_then_roll_back(browser, packs):
    url, good, _, phrase = packs
    page = open_app(browser, url, viewport=PHONE)
    try:
        open_guide_screen(page)
        see(page, f"Built-in guide, version {__version__}")
        see(page, "metro-pd")  # the trusted key is listed
        pick(page, good)
        see(page, "Check this guide before you apply it", timeout=30_000)
        see(page, f"Metro PD guide, version {VERSION}")
        see(page, "0 files added, 1 changed, 0 removed.")
        shot(page, "e2e-guide-preview")
        tap(page, L.GUIDE_APPLY)
        see(page, f"Now using Metro PD guide {VERSION}.")
        open_about(page)
        see(page, f"Metro PD guide, version {VERSION}")
        shot(page, "e2e-guide-about-pack")
        go_tab(page, L.NAV_PHRASES)
        see(page, phrase)  # the new guide is on screen, no reload

        to_tabs(page)
        open_guide_screen(page)
        tap(page, L.GUIDE_ROLLBACK)
        see(page, "Go back to Built-in guide? The whole app switches now.")
        tap(page, L.GUIDE_YES)
        see(page, f"Now using Built-in guide {__version__}.")
        open_about(page)
        see(page, f"Built-in guide, version {__version__}")
        assert page.get_by_text(f"version {VERSION}").count() == 0
        shot(page, "e2e-guide-about-builtin")
        assert page.net.unexpected() == []
    finally:
        page.context.close()


def test_guide_screen_small_phone_night_largest_text(browser, packs):
    url, good, bad, _ = packs
    page = open_app(browser, url, viewport=SMALL_PHONE, color_scheme="dark")
    try:
        to_tabs(page)
        go_tab(page, L.NAV_HOME)
        tap(page, L.OPEN_SETTINGS)
        tap(page, L.TEXT_SIZES[1.75])
        page.wait_for_timeout(500)
        tap(page, L.OPEN_GUIDE)
        control(page, "heading", screens.get("guide").title)
        shot(page, "guide-dark-360x640-text1.75-builtin")
        pick(page, bad)
        see(page, "The guide in use did not change.", timeout=30_000)
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(500)
        shot(page, "guide-dark-360x640-text1.75-refused")
        pick(page, good)
        see(page, "Check this guide before you apply it", timeout=30_000)
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(500)
        shot(page, "guide-dark-360x640-text1.75-preview")
        tap(page, L.GUIDE_CANCEL)
        see(page, L.GUIDE_IMPORT)
    finally:  # no taps here (the text size stays with this module's server, which ends)
        page.context.close()
