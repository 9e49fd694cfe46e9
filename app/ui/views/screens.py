"""Screen name -> view component, and the app-bar title of each screen."""

from __future__ import annotations

from app.ui.views.board import BoardView
from app.ui.views.checklist import ChecklistView
from app.ui.views.home import HomeView
from app.ui.views.incident import IncidentView
from app.ui.views.incidents import IncidentsView
from app.ui.views.phrases import PhrasesView
from app.ui.views.search import SearchView
from app.ui.views.settings import SettingsView
from app.ui.views.situations import SituationsView
from app.ui.views.stairway import StairwayView

SCREENS = {
    "home": HomeView,
    "stairway": StairwayView,
    "phrases": PhrasesView,
    "checklist": ChecklistView,
    "incident": IncidentView,
    "board": BoardView,
    "incidents": IncidentsView,
    "situations": SituationsView,
    "search": SearchView,
    "settings": SettingsView,
}

TITLES = {
    "home": "Stairway",
    "stairway": "Stairway",
    "phrases": "Phrases",
    "checklist": "First-officer checklist",
    "incident": "Incident log",
    "board": "Board",
    "incidents": "All incidents",
    "situations": "Situation",
    "search": "Search",
    "settings": "Settings and about",
}
