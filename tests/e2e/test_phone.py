"""Behaving like a phone app in Chromium: Back after every screen never leaves the app,
a reload mid-incident keeps everything, deep links open their screen (junk ones fall back
with a sentence), and the phone services work where the browser has them: Copy, tel:
links, the screen wakelock, and a question before leaving during an open incident."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import (
    PHONE,
    Net,
    click,
    control,
    enable_semantics,
    fill,
    see,
    shot,
    tap,
    wait_first_frame,
    watch,
)
from tests.e2e.test_screens import _open

# Record what the page asks the browser for, without leaving the page: window.open (how a
# tel: link is opened) and the Screen Wake Lock API (what ft.Wakelock uses on the web).
SPY = """
window.__calls = [];
window.open = function (u, t) { window.__calls.push(['open', String(u)]); return null; };
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = function (k) { window.__calls.push(['wakeLock', k]);
                                              return request(k); };
}
"""
NOTE = "Subject on the pier, talking"
DEMAND = "Wants his brother here"


def _page(browser, server, spy: bool = True):
    ctx = browser.new_context(viewport=PHONE, accept_downloads=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    if spy:
        ctx.add_init_script(SPY)
    net = Net()
    ctx.route("**/*", net.route)
    page = watch(ctx.new_page())
    page.net, page.dialogs = net, []
    page.on("dialog", lambda d: (page.dialogs.append(d.type), d.accept()))
    return page


def _load(page, url: str) -> None:
    page.goto(url)
    wait_first_frame(page)
    enable_semantics(page)


@pytest.fixture(scope="module")
def phone_page(chromium, server):
    page = _page(chromium.get(), server)
    _load(page, server)
    yield page
    page.context.close()
    assert page.net.unexpected() == [], "requests left 127.0.0.1"


def _path(page) -> str:
    u = urlparse(page.url)
    return u.path + (f"?{u.query}" if u.query else "")


@pytest.mark.parametrize("screen", [s.name for s in screens.SCREENS if s.parent])
def test_back_after_every_screen_returns_to_the_one_before(phone_page, screen):
    _open(phone_page, screen)
    parent = screens.chain(screen)[-2]
    phone_page.go_back()  # the browser's (and Android Chrome's) Back button
    control(phone_page, "heading", parent.title)  # the screen before, never a blank page
    assert urlparse(phone_page.url).path.startswith(parent.route.split("{")[0].rstrip("/"))


def test_the_app_bar_arrow_goes_up(phone_page):
    _open(phone_page, "about")
    tap(phone_page, "Back")
    control(phone_page, "heading", screens.get("settings").title)
    tap(phone_page, "Back")
    control(phone_page, "tab", L.NAV_HOME)


def test_reload_mid_incident_keeps_everything(phone_page):
    page = phone_page
    _open(page, "incident")
    if not page.get_by_role("button", name=L.OPEN_BOARD).count():
        tap(page, L.START_INCIDENT)
        fill(page, L.START_LOCATION, "North pier")
        tap(page, L.START_CONFIRM)
    fill(page, L.NOTE_FIELD, NOTE)
    tap(page, L.note_kind("note"))
    fill(page, L.NOTE_FIELD, DEMAND)
    tap(page, L.note_kind("demand"))
    see(page, DEMAND)
    tap(page, L.OPEN_BOARD)
    control(page, "heading", screens.get("board").title)
    before = _path(page)
    page.reload()  # the leave question is asked first (answered "leave" here)
    wait_first_frame(page)
    enable_semantics(page)
    assert page.dialogs[-1:] == ["beforeunload"]
    assert _path(page) == before
    control(page, "heading", screens.get("board").title)
    see(page, f"{DEMAND} — pending")
    tap(page, L.OPEN_TIMELINE)
    see(page, NOTE)
    shot(page, "e2e-reloaded-incident")


@pytest.mark.parametrize(
    "route,title,sentence",
    [
        ("/phrases?stage=2", "Phrases", None),  # the brief's deep link
        ("/settings", "Settings", None),  # a sub-screen
        ("/nowhere", "Stairway", "There is no screen at /nowhere"),  # unknown: Home
        ("/incident/a..b/board", "Board", "was not understood (incident)"),  # a junk id
        ("/phrases?stage=9", "Phrases", "was not understood (stage)"),  # no stage 9
    ],
)
def test_deep_links(browser, server, route, title, sentence):
    page = _page(browser, server, spy=False)
    try:
        _load(page, server + route)
        control(page, "heading", title)
        if sentence:
            see(page, sentence)
        assert page.net.unexpected() == []
    finally:
        page.context.close()


def test_phone_services_in_the_browser(phone_page, guide):
    page = phone_page
    _open(page, "incident")
    if not page.get_by_role("button", name=L.OPEN_BOARD).count():
        tap(page, L.START_INCIDENT)
        fill(page, L.START_LOCATION, "South pier")
        tap(page, L.START_CONFIRM)
    fill(page, L.NOTE_FIELD, NOTE)
    tap(page, L.note_kind("note"))
    page.reload()  # a new document: the wakelock must be asked for again
    wait_first_frame(page)
    enable_semantics(page)
    ct = guide.contacts[0]
    _open(page, "contacts")
    click(page, "button", L.call(ct.label, ct.number))
    page.wait_for_timeout(500)
    calls = page.evaluate("window.__calls")
    assert ["open", f"tel:{ct.tel}"] in calls  # the dialer, asked inside the tap
    assert ["wakeLock", "screen"] in calls  # an incident is open: the screen stays on
    assert "incident open" in page.title()  # what the leave question looks for
    _open(page, "incident")
    with page.expect_download():
        tap(page, L.EXPORT_MD)
    tap(page, L.EXPORT_COPY)
    see(page, "Copied")
    assert NOTE in page.evaluate("navigator.clipboard.readText()")
    tap(page, L.EXPORT_CLOSE)


def test_no_leave_question_without_an_open_incident(browser, tmp_path):
    from tests.e2e.conftest import start_server, stop

    proc, url, _ = start_server(tmp_path / "data")
    page = _page(browser, url, spy=False)
    try:
        _load(page, url)
        page.reload()
        wait_first_frame(page)
        assert page.dialogs == [] and "incident open" not in page.title()
    finally:
        page.context.close()
        stop(proc)
