"""The Spanish pack in a real browser: imported in Settings > Guide at 390x844, the whole app
switches to Spanish (labels and guide) without a reload; then every screen at 360x640,
night, largest text, reads cleanly, with screenshots to look at.

The server serves a temporary copy of content/ whose keys/ trusts a key made for this
test; the pack is built by `make_pack` (what `make pack-es` runs) from
content/translations/es with language "es". The tests run in order: the second one sees
the Spanish pack the first one applied. This process switches its labels too, so the
tests find controls by the Spanish labels the app now shows.
"""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import i18n
from app.packs.build import make_pack
from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import (
    PHONE,
    ROOT,
    SMALL_PHONE,
    control,
    fill,
    find,
    open_app,
    see,
    shot,
    start_server,
    stop,
    tap,
)
from tests.e2e.layout import unreadable
from tests.packs_helpers import builtin

ES = ROOT / "content" / "translations" / "es"
FLUTTER_BACK = {"en": "Back", "es": "Atrás"}  # the app bar arrow: Flutter's own word


@pytest.fixture
def browser(fresh_browser):
    """A Chromium per test: these pages switch the guide live (see conftest's
    fresh_browser)."""
    return fresh_browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(server url, the Spanish pack) over a built-in content that trusts its key."""
    tmp = tmp_path_factory.mktemp("i18n")
    key = Ed25519PrivateKey.generate()
    content = builtin(tmp, key, source=ROOT / "content")
    pack = tmp / "metro-pd-es.stairway"
    pack.write_bytes(make_pack(ES, key, id="metro-pd-es", title="Guía Metro PD",
                               version="2026.11", language="es",
                               approved_by="Sgto. A. Ejemplo")[0])
    proc, url, _ = start_server(tmp / "data", ["--content-dir", str(content)])
    yield url, pack
    i18n.use("en")
    stop(proc)


def to_tabs(page) -> None:
    """Back out of sub-screens with the app bar arrow until the bottom bar shows."""
    for _ in range(3):
        if find(page, "tab", L.NAV_HOME, timeout=1500) is not None:
            return
        tap(page, FLUTTER_BACK[i18n.language()])
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


def test_importing_the_spanish_pack_switches_labels_and_guide(browser, server):
    url, pack = server
    page = open_app(browser, url, viewport=PHONE)
    try:
        open_screen(page, "guide")  # in English: the built-in guide is in use
        with page.expect_file_chooser(timeout=20_000) as chooser:
            tap(page, L.GUIDE_IMPORT)
        chooser.value.set_files(str(pack))
        see(page, "Language: Spanish (español)", timeout=30_000)
        tap(page, L.GUIDE_APPLY)
        see(page, "Ahora se usa Guía Metro PD 2026.11.")  # the answer is in Spanish already
        i18n.use("es")  # this process reads the labels the app shows now
        control(page, "heading", screens.get("guide").title)  # "Guía", no reload
        shot(page, "e2e-es-guide-applied")
        to_tabs(page)
        page.get_by_role("tab", name=L.NAV_HOME).click()
        see(page, "Iniciar incidente")
        see(page, "Escucha activa")  # the Spanish guide's first stage
        assert page.title() == "Stairway"
        assert page.net.unexpected() == []
    finally:
        page.context.close()


def test_every_screen_in_spanish_reads_cleanly_at_360_night_largest_text(browser, server):
    url, _ = server
    assert i18n.language() == "es", "the first test applies the Spanish pack"
    page = open_app(browser, url, viewport=SMALL_PHONE, color_scheme="dark")
    try:
        see(page, "Iniciar incidente")  # a new page opens in Spanish: the pack is in use
        text_scale(page, max(L.TEXT_SIZES))
        problems = {}
        for s in screens.SCREENS:
            open_screen(page, s.name)
            shot(page, f"es-{s.name}-dark-360x640-text1.75")
            if out := unreadable(page, SMALL_PHONE["width"]):
                problems[s.name] = out
        assert problems == {}
        assert page.net.unexpected() == []
    finally:  # no taps here: on a page that timed out they could hang the run (CI 5e8ce7c)
        page.context.close()


@pytest.mark.timeout(600)  # two screens at the largest text on a loaded 2-core machine
def test_spanish_practice_walk_and_own_words_at_360_night_largest_text(browser, server):
    """A Spanish scenario played in the browser, then Your own words: a Spanish answer is
    not judged by the English rules (compare with the models), and the Spanish never-say
    list still flags "Cálmese"."""
    from app.guide import compile_guide
    from app.guide.model import BEST, HARMFUL

    url, _ = server
    assert i18n.language() == "es", "the first test applies the Spanish pack"
    bridge = next(s for s in compile_guide(ES).practice if s.id == "practice-bridge")
    page = open_app(browser, url, viewport=SMALL_PHONE, color_scheme="dark")
    problems = {}
    try:
        text_scale(page, max(L.TEXT_SIZES))
        open_screen(page, "practice_walk")
        tap(page, L.scenario(bridge.title))
        for i, grade in enumerate((BEST, HARMFUL)):
            turn = bridge.turns[i]
            see(page, turn.line)
            tap(page, L.walk_answer(next(a.text for a in turn.answers if a.grade == grade)))
            page.wait_for_timeout(500)
            page.mouse.wheel(0, -20_000)
            page.wait_for_timeout(500)
            shot(page, f"es-practice-walk-{grade}-dark-360x640-text1.75")
            if out := unreadable(page, SMALL_PHONE["width"]):
                problems[f"walk {grade}"] = out
            tap(page, L.NEXT_LINE)
        open_screen(page, "practice_words")
        for tag, answer, verdict in (
                ("compare", "Se le nota mucho miedo.", "Compara con las respuestas modelo."),
                ("banned", "Cálmese, por favor.", "1 cosa que corregir.")):
            fill(page, L.WORDS_FIELD, answer)
            tap(page, L.CHECK_ANSWER)
            see(page, verdict)
            page.wait_for_timeout(500)
            page.mouse.wheel(0, -20_000)
            page.wait_for_timeout(500)
            page.mouse.move(180, 320)  # over the body, not the app bar
            page.mouse.wheel(0, 560)  # the verdict, under their line and the note
            page.wait_for_timeout(700)
            shot(page, f"es-practice-words-{tag}-dark-360x640-text1.75")
            if out := unreadable(page, SMALL_PHONE["width"]):
                problems[f"own words: {answer}"] = out
            tap(page, L.NEXT_LINE)
            control(page, "textbox", L.WORDS_FIELD)
        assert problems == {}
        assert page.net.unexpected() == []
    finally:  # no taps here: on a page that timed out they could hang the run (CI 5e8ce7c)
        page.context.close()
