"""Routes and the screen registry: every screen round-trips, junk never raises."""

from __future__ import annotations

import importlib

import pytest

from app.ui import router, screens
from app.ui.router import Location


@pytest.mark.parametrize(
    "route,screen,params",
    [
        ("/", "home", {}),  # the root
        ("", "home", {}),  # nothing at all
        ("/stairway", "stairway", {}),  # a tab
        ("/stairway?read=4", "stairway", {"read": "4"}),  # reading ahead
        ("/phrases?stage=2", "phrases", {"stage": "2"}),  # the brief's own example
        ("/phrases?stage=2&skill=mirroring&situation=any", "phrases",
         {"stage": "2", "skill": "mirroring", "situation": "any"}),  # every filter
        ("/incident", "incident", {}),  # no incident open
        ("/incident/20261126-0500-ab12", "incident", {"incident": "20261126-0500-ab12"}),
        ("/incident/20261126-0500-ab12/board", "board", {"incident": "20261126-0500-ab12"}),
        ("/checklist?item=first-officer%2Fkeep-cover", "checklist",
         {"item": "first-officer/keep-cover"}),  # a highlighted item
        ("/search?q=weapon", "search", {"q": "weapon"}),  # a query
        ("/about/", "about", {}),  # a trailing slash
        ("/phrases?color=red", "phrases", {}),  # a parameter the screen does not read
    ],
)
def test_routes_parse(route, screen, params):
    loc, problem = router.parse(route)
    assert (loc.screen, loc.params, problem) == (screen, params, None)


@pytest.mark.parametrize(
    "route,screen,refused",
    [
        ("/incident/../../etc/passwd", "home", None),  # path traversal: no such screen
        ("/incident/..", "home", None),  # a bare ..
        ("/incident/a..b/board", "board", "incident"),  # dots are never in an id
        ("/incident/%2e%2e%2fprefs/board", "board", "incident"),  # encoded traversal
        ("/incident/" + "x" * 80, "incident", "incident"),  # too long for an id
        ("/phrases?stage=9", "phrases", "stage"),  # there is no stage 9
        ("/phrases?stage=two", "phrases", "stage"),  # not a number
        ("/phrases?skill=<script>", "phrases", "skill"),  # markup as a skill id
        ("/stairway?read=-1", "stairway", "read"),  # negative
        ("/stairway?read=%C2%B3", "stairway", "read"),  # "³": isdigit(), yet not int()
        ("/nowhere", "home", None),  # unknown screen
        ("/x" * 2000, "home", None),  # far too long
        ("/search?q=%ED%A0%80", "search", None),  # a lone surrogate: cleaned, not kept
        ("/phrases?stage=\ud800", "phrases", "stage"),  # a lone surrogate as a stage
        ("http://[::1", "home", None),  # not even a URL
    ],
)
def test_junk_routes_fall_back_with_a_sentence(route, screen, refused):
    loc, problem = router.parse(route)
    assert loc.screen == screen
    assert problem is None or ("\n" not in problem and len(problem) < 200)
    if screen == "home" and route not in ("/", ""):
        assert problem and ("no screen" in problem or "too long" in problem)
    if refused:
        assert refused in problem and refused not in loc.params


@pytest.mark.parametrize("screen", [s.name for s in screens.SCREENS])
def test_every_screen_round_trips_and_has_a_view(screen):
    s = screens.get(screen)
    params = {"incident": "20261126-0500-ab12"} if "{incident" in s.route else {}
    route = router.to_route(Location(screen, params))
    assert router.parse(route) == (Location(screen, params), None)
    module, name = s.view.split(":")
    assert callable(getattr(importlib.import_module(f"app.ui.views.{module}"), name))
    assert screens.chain(screen)[0].name == screens.HOME and screens.chain(screen)[-1] is s


def test_registry_is_consistent():
    names = [s.name for s in screens.SCREENS]
    assert len(names) == len(set(names))
    assert len({s.route for s in screens.SCREENS}) == len(names)  # a route names one screen
    for s in screens.SCREENS:
        assert s.parent is None or s.parent in names, s.name
        assert s.tab is None or screens.get(s.tab).icon, s.name  # a lit tab is a tab
        assert set(s.params) <= set(router.CHECKS), s.name  # every parameter is checked
        assert len(s.title) <= 16, s.title  # fits the app bar at 175% on 360 px
    assert [s.name for s in screens.TABS] == ["home", "stairway", "phrases", "checklist",
                                              "incident"]


def test_a_required_part_missing_gives_the_root():
    assert router.to_route(Location("board", {})) == "/"
