"""The one table of screens: name, route, title, bottom-bar entry, parent and view.

Everything that lists screens reads this table: the shell (views stack, app bar title,
bottom bar, which tab is lit), the router (routes and their parameters), the saved last
route, the browser tests' screen list and the screenshot list. Adding a screen is one
`Screen(...)` line here and one view module.

No flet import: the view is named as "module:Component" under app.ui.views and resolved
by the shell, so this table is readable by plain Python (tests, benchmarks).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ui import labels as L


@dataclass(frozen=True)
class Screen:
    name: str
    route: str  # "/incident/{incident}/board"; a trailing "{x?}" segment is optional
    title: str  # app bar title: short, so it fits at 175% text on a 360 px phone
    parent: str | None  # where Back (the app bar arrow, Android's Back) goes; None = root
    view: str  # "module:Component" under app.ui.views
    label: str  # the name of whatever opens this screen (tab, app-bar button)
    tab: str | None = None  # bottom-bar entry lit on this screen; None hides the bar
    icon: str | None = None  # ft.Icons name when this screen is a bottom-bar entry
    params: tuple[str, ...] = ()  # query parameters it reads (see app.ui.router)


SCREENS: tuple[Screen, ...] = (
    Screen("home", "/", "Stairway", None, "home:HomeView", L.NAV_HOME, "home", "HOME_OUTLINED"),
    Screen("stairway", "/stairway", "Stairway", "home", "stairway:StairwayView", L.NAV_STAIRWAY,
           "stairway", "STAIRS_OUTLINED", ("read",)),
    Screen("phrases", "/phrases", "Phrases", "home", "phrases:PhrasesView", L.NAV_PHRASES,
           "phrases", "RECORD_VOICE_OVER_OUTLINED", ("stage", "skill", "situation", "phrase")),
    Screen("checklist", "/checklist", "Checklist", "home", "checklist:ChecklistView",
           L.NAV_CHECKLIST, "checklist", "CHECKLIST", ("item",)),
    Screen("incident", "/incident/{incident?}", "Incident log", "home", "incident:IncidentView",
           L.NAV_INCIDENT, "incident", "EDIT_NOTE"),
    Screen("board", "/incident/{incident}/board", "Board", "incident", "board:BoardView",
           L.OPEN_BOARD, "incident"),
    Screen("incidents", "/incidents", "All incidents", "incident", "incidents:IncidentsView",
           L.OPEN_INCIDENTS, "incident"),
    Screen("situations", "/situations", "Situation", "home", "situations:SituationsView",
           L.OPEN_SITUATIONS, params=("show",)),
    Screen("search", "/search", "Search", "home", "search:SearchView", L.OPEN_SEARCH,
           params=("q",)),
    Screen("contacts", "/contacts", "Call", "home", "contacts:ContactsView", L.OPEN_CONTACTS),
    Screen("settings", "/settings", "Settings", "home", "settings:SettingsView",
           L.OPEN_SETTINGS),
    Screen("about", "/about", "About the guide", "settings", "about:AboutView", L.OPEN_ABOUT),
    Screen("practice", "/practice", "Practice", "home", "practice:PracticeView",
           L.OPEN_PRACTICE),
    Screen("practice-skill", "/practice/skill", "Name the skill", "practice",
           "practice_skill:SkillDrillView", L.DRILL_SKILL, params=("skill",)),
    Screen("practice-walk", "/practice/walk/{scenario?}", "Scenario walk", "practice",
           "practice_walk:WalkView", L.DRILL_WALK, params=("situation",)),
    Screen("practice-words", "/practice/words", "Your own words", "practice",
           "practice_words:WordsView", L.DRILL_WORDS),
    Screen("progress", "/practice/progress", "Your progress", "practice", "progress:ProgressView",
           L.OPEN_PROGRESS),
    Screen("guide", "/settings/guide", "Guide", "settings", "guide:GuideView", L.OPEN_GUIDE),
)

BY_NAME: dict[str, Screen] = {s.name: s for s in SCREENS}
TABS: tuple[Screen, ...] = tuple(s for s in SCREENS if s.icon)
HOME = "home"


def get(name: str) -> Screen:
    """The screen called `name`; an unknown name is a programming error (ValueError)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown screen {name!r}") from None


def chain(name: str) -> list[Screen]:
    """The screens from the root down to `name`: the views stack Back walks down."""
    out: list[Screen] = []
    s: Screen | None = get(name)
    while s is not None and s not in out:
        out.insert(0, s)
        s = BY_NAME.get(s.parent) if s.parent else None
    return out
