"""Routes and Back, headless: the phone's Back pops to the parent screen, browser Back
follows history, a reload or deep link opens its screen, and Back on Home during an open
incident asks before leaving. Also the phone services the app calls (a fake client
records every call)."""

from __future__ import annotations

import pytest

from app.ui import labels as L
from tests.ui_harness import CONTENT, open_incident, start


def stack(app) -> list[str]:
    return [v.route for v in app.views()]


@pytest.mark.parametrize(
    "opener,route,views",
    [
        (L.OPEN_SETTINGS, "/settings", ["/", "/settings"]),  # a sub-screen of Home
        (L.OPEN_SEARCH, "/search", ["/", "/search"]),
        (L.OPEN_SITUATIONS, "/situations", ["/", "/situations"]),
    ],
)
async def test_sub_screens_have_a_back_arrow_and_back_returns(app, opener, route, views):
    await app.nav(L.NAV_STAIRWAY)
    await app.click(opener)
    assert app.state.nav.route == route and stack(app) == views
    assert app.top_view().appbar.automatically_imply_leading  # the arrow
    assert app.top_view().navigation_bar is None  # and no tab pretends to be lit
    await app.back()
    assert app.state.nav.screen == "home" and stack(app) == ["/"]


async def test_back_walks_up_from_the_board_and_browser_back_follows_history(app):
    await open_incident(app)
    inc = app.state.incident.current.id
    await app.click(L.OPEN_BOARD)
    assert stack(app) == ["/", f"/incident/{inc}", f"/incident/{inc}/board"]
    await app.back()
    assert app.state.nav.route == f"/incident/{inc}"
    await app.back()
    assert app.state.nav.route == "/"
    await app.nav(L.NAV_PHRASES)
    await app.nav(L.NAV_CHECKLIST)
    await app.browser_back()  # the browser goes to the previous screen, not up
    assert app.state.nav.screen == "phrases"
    await app.browser_back()
    assert app.state.nav.screen == "home"


async def test_back_closes_an_open_dialog_first(app):
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    assert app.state.ui.dialog == "override" and not app.top_view().can_pop
    await app.back()
    assert app.state.ui.dialog is None and app.state.nav.screen == "stairway"
    assert app.invoked("View") == [("confirm_pop", {"should_pop": False})]


@pytest.mark.parametrize(
    "choice,should_pop",
    [
        (L.LEAVE_STAY, False),  # the officer stays: nothing happens
        (L.LEAVE_GO, True),  # the officer leaves: the phone closes the app
    ],
)
async def test_back_on_home_during_an_incident_asks_first(app, choice, should_pop):
    await open_incident(app)
    await app.nav(L.NAV_HOME)
    assert not app.top_view().can_pop  # the root view asks instead of closing the app
    await app.back()
    assert app.state.ui.dialog == "leave" and app.has(L.LEAVE_STAY)
    await app.click(choice)
    assert app.invoked("View")[-1] == ("confirm_pop", {"should_pop": should_pop})
    assert app.state.ui.dialog is None


async def test_back_on_home_without_an_incident_just_leaves(app):
    assert app.top_view().can_pop and app.top_view().on_confirm_pop is None


@pytest.mark.parametrize(
    "route,screen,message",
    [
        ("/phrases?stage=2", "phrases", None),  # a deep link
        ("/about", "about", None),  # a sub-screen
        ("/phrases?stage=7", "phrases", "stage"),  # no stage 7: the screen, and a sentence
        ("/incident/../../prefs.json", "home", "no screen"),  # traversal: Home, and why
        ("/incident/no-such-incident/board", "board", "no incident"),  # a junk id
    ],
)
async def test_a_reload_or_deep_link_opens_its_screen(tmp_path, route, screen, message):
    a = await start(CONTENT, tmp_path / "data", route=route)
    assert a.state.nav.screen == screen
    if message:  # a banner, on whatever screen opened
        assert any(message in n for n in a.state.ui.notices) and a.has(L.DISMISS_BANNER)
    else:
        assert a.state.nav.route == route and not a.state.ui.notices
    a.close()


async def test_a_killed_app_reopens_where_it_was(tmp_path):
    a = await start(CONTENT, tmp_path / "data")
    await open_incident(a)
    await a.click(L.OPEN_BOARD)
    route = a.state.nav.route
    a.close()
    b = await start(CONTENT, tmp_path / "data")  # the phone starts the app at "/"
    assert b.state.nav.route == route and b.state.incident.is_open
    assert ("push_route", {"route": route}) in b.invoked("Page")  # the address follows
    b.close()


async def test_the_view_stack_follows_a_popped_view(app):
    await app.nav(L.NAV_CHECKLIST)
    await app.session.dispatch_event(app.page._i, "view_pop", {"route": "/checklist"})
    await app.settle()
    assert app.state.nav.screen == "home" and stack(app) == ["/"]


async def test_screen_stays_on_during_an_incident_and_the_setting_turns_it_off(app):
    await open_incident(app)
    assert app.invoked("Wakelock") == [("enable", {})]
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.KEEP_AWAKE)
    assert app.invoked("Wakelock") == [("enable", {}), ("disable", {})]
    assert app.state.prefs.keep_awake is False


async def test_stage_moves_give_a_haptic_tick(app):
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.type(L.OVERRIDE_REASON, "drill")
    await app.click(L.OVERRIDE_CONFIRM)
    await app.click(L.STEP_BACK)
    assert app.invoked("HapticFeedback") == [("light_impact", {})] * 2


async def test_export_copy_and_share_run_inside_the_tap(app):
    await open_incident(app)
    await app.type(L.NOTE_FIELD, "Negotiator en route")
    await app.click(L.note_kind("note"))
    await app.click(L.EXPORT_MD)
    text = app.state.export.file.text
    copy, share = app.find(L.EXPORT_COPY), app.find(L.EXPORT_SHARE)
    assert (type(copy.action).__name__, copy.action.method) == ("CopyToClipboard", "set")
    assert copy.action.args == {"data": text} and "Negotiator en route" in text
    assert (type(share.action).__name__, share.action.method) == ("ShareText", "share_text")
    assert share.action.args["text"] == text
    await app.click(L.EXPORT_COPY)
    assert app.state.ui.message.startswith("Copied")
    hint = "Share opens the phone's share menu. If nothing opens, use Copy."
    assert (hint in app.texts()) == app.state.device.browser
    app.state.device.browser = not app.state.device.browser  # the other kind of client
    app.state.ui.changed()
    await app.settle()
    assert (hint in app.texts()) == app.state.device.browser


async def test_an_incident_reopened_at_start_keeps_the_screen_on(tmp_path):
    a = await start(CONTENT, tmp_path / "data")
    await open_incident(a)
    a.close()
    b = await start(CONTENT, tmp_path / "data")  # a reload, or the phone restarted the app
    assert b.invoked("Wakelock") == [("enable", {})]
    b.close()


async def test_a_reload_asks_for_the_wakelock_again(app):
    # a browser reload reattaches the session (main does not run again) in a new document
    await open_incident(app)
    await app.session.dispatch_event(app.page._i, "connect", None)
    await app.settle()
    assert app.invoked("Wakelock") == [("enable", {}), ("enable", {})]


async def test_export_can_be_saved_through_the_file_picker_on_a_phone(app):
    await open_incident(app)
    await app.click(L.EXPORT_CSV)
    await app.click(L.EXPORT_SAVE)
    name = app.state.export.file.name
    calls = app.invoked("FilePicker")
    assert [m for m, _ in calls] == ["save_file"] and calls[0][1]["file_name"] == name


@pytest.mark.parametrize("read, says", [(3, "reading ahead"), (1, "reading an earlier stage")])
async def test_reading_another_stage_says_whether_it_is_ahead_or_behind(app, read, says):
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.type(L.OVERRIDE_REASON, "drill")
    await app.click(L.OVERRIDE_CONFIRM)  # working stage 2
    await app.call(lambda: app.state.nav.go("stairway", read=str(read)))
    banner = [x for x in app.texts() if "You are working stage 2" in x]
    assert len(banner) == 1 and says in banner[0]
