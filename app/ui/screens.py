"""The one table of screens: name, route, title, bottom-bar entry, parent and view.

Everything that lists screens reads this table: the shell (views stack, app bar title,
bottom bar, which tab is lit), the router (routes and their parameters), the saved last
route, the browser tests' screen list and the screenshot list. Adding a screen is one
`Screen(...)` line here, one view module and its title in app/i18n/en.txt. Titles and
labels are catalogue keys, read in the language in use when a screen renders.

No flet import: the view is named as "module:Component" under app.ui.views and resolved
by the shell, so this table is readable by plain Python (tests, benchmarks).
"""

from __future__ import annotations

from dataclasses import dataclass

from app import i18n


@dataclass(frozen=True)
class Screen:
    name: str
    route: str  # "/incident/{incident}/board"; a trailing "{x?}" segment is optional
    title_key: str  # catalogue key of the app bar title (short: 175% text, 360 px phone)
    parent: str | None  # where Back (the app bar arrow, Android's Back) goes; None = root
    view: str  # "module:Component" under app.ui.views
    label_key: str  # catalogue key naming whatever opens this screen (tab, app-bar button)
    tab: str | None = None  # bottom-bar entry lit on this screen; None hides the bar
    icon: str | None = None  # ft.Icons name when this screen is a bottom-bar entry
    params: tuple[str, ...] = ()  # query parameters it reads (see app.ui.router)

    @property
    def title(self) -> str:
        """The app bar title in the language in use now."""
        return _text(self.title_key)

    @property
    def label(self) -> str:
        """The tab's or button's name in the language in use now."""
        return _text(self.label_key)


def _text(key: str) -> str:
    """A catalogue key's text now; anything else (a label captured as text) as it is."""
    return i18n.text(key) if i18n.has(key) else key



SCREENS: tuple[Screen, ...] = (
    Screen("home", "/", "screen_home", None, "home:HomeView", "nav_home", "home",
           "HOME_OUTLINED"),
    Screen("stairway", "/stairway", "screen_stairway", "home", "stairway:StairwayView",
           "nav_stairway", "stairway", "STAIRS_OUTLINED", ("read",)),
    Screen("phrases", "/phrases", "screen_phrases", "home", "phrases:PhrasesView", "nav_phrases",
           "phrases", "RECORD_VOICE_OVER_OUTLINED", ("stage", "skill", "situation", "phrase")),
    Screen("checklist", "/checklist", "screen_checklist", "home", "checklist:ChecklistView",
           "nav_checklist", "checklist", "CHECKLIST", ("item",)),
    Screen("incident", "/incident/{incident?}", "screen_incident", "home",
           "incident:IncidentView", "nav_incident", "incident", "EDIT_NOTE"),
    Screen("board", "/incident/{incident}/board", "screen_board", "incident", "board:BoardView",
           "open_board", "incident"),
    Screen("incidents", "/incidents", "screen_incidents", "incident", "incidents:IncidentsView",
           "open_incidents", "incident"),
    Screen("situations", "/situations", "screen_situations", "home", "situations:SituationsView",
           "open_situations", params=("show",)),
    Screen("search", "/search", "screen_search", "home", "search:SearchView", "open_search",
           params=("q",)),
    Screen("contacts", "/contacts", "screen_contacts", "home", "contacts:ContactsView",
           "open_contacts"),
    Screen("settings", "/settings", "screen_settings", "home", "settings:SettingsView",
           "open_settings"),
    Screen("about", "/about", "screen_about", "settings", "about:AboutView", "open_about"),
    Screen("guide", "/settings/guide", "screen_guide", "settings", "guide:GuideView",
           "open_guide"),
    Screen("practice", "/practice", "screen_practice", "home", "practice:PracticeView",
           "open_practice"),
    Screen("practice_skill", "/practice/skill", "screen_practice_skill", "practice",
           "practice_skill:SkillDrillView", "drill_skill", params=("skill",)),
    Screen("practice_walk", "/practice/walk/{scenario?}", "screen_practice_walk", "practice",
           "practice_walk:WalkView", "drill_walk", params=("situation",)),
    Screen("practice_words", "/practice/words", "screen_practice_words", "practice",
           "practice_words:WordsView", "drill_words"),
    Screen("progress", "/practice/progress", "screen_progress", "practice",
           "progress:ProgressView", "open_progress"),
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
