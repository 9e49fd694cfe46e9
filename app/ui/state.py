"""The one app state object. No flet import: the views observe it and call its methods.

`AppState` holds the loaded guide, the officer's preferences, what each screen shows and
the open incident. Every method that changes something ends with `_changed()`, which
saves the preferences when they moved and tells the subscribers (the root component in
`app.ui.app`) to re-render. Guide content questions go through small pure helpers here;
the note-log half lives in `app.ui.state_incident.IncidentState`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app import prefs as prefs_mod
from app.guide import query
from app.guide.model import Checklist, Guide, Item, Phrase, Situation
from app.ui.state_incident import IncidentState
from app.ui.state_stairway import Override, StairwayState

Listener = Callable[[], None]


__all__ = ["AppState", "Override", "phrase_key"]


def phrase_key(p: Phrase) -> str:
    return f"{p.file}:{p.line}"


class AppState(StairwayState, IncidentState):
    def __init__(
        self,
        guide: Guide,
        data_dir: Path,
        log: Any = None,
        log_problem: str | None = None,
        search: Callable[[str], list] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.guide = guide
        self.data_dir = Path(data_dir)
        self.prefs, prefs_problem = prefs_mod.load(self.data_dir)
        self._listeners: list[Listener] = []
        self._search = search
        self.version = 0
        self.notices: list[str] = [n for n in (prefs_problem, log_problem) if n]
        StairwayState.__init__(self)
        self.screen = self.prefs.last_screen
        self.dialog: str | None = None  # "override" | "start" | "close" | "amend" | "export"
        self.filter_stage: int | None = None  # None = the current stage
        self.filter_skill: str | None = None
        self.filter_situation: str | None = self.prefs.situation
        self.used_phrases: set[str] = set()
        self.preview_situation: str | None = None
        self.query = ""
        self.results: list = []
        self.highlight: str | None = None  # phrase text or checklist item id from search
        self.message: str | None = None  # a one-line answer to the last action
        self.browser = False  # web mode: exports are downloaded (set by the app factory)
        IncidentState.__init__(self, log, now)

    # ---- observing ----
    def subscribe(self, fn: Listener) -> Callable[[], None]:
        self._listeners.append(fn)

        def dispose() -> None:
            if fn in self._listeners:
                self._listeners.remove(fn)

        return dispose

    def _changed(self, save: bool = False) -> None:
        if save:
            try:
                prefs_mod.save(self.data_dir, self.prefs)
            except OSError as exc:
                self.message = f"Preferences could not be saved ({exc.strerror})."
        self.version += 1
        for fn in list(self._listeners):
            fn()

    # ---- navigation ----
    def go(self, screen: str) -> None:
        if screen not in prefs_mod.SCREENS:
            raise ValueError(f"unknown screen {screen!r}")
        self.screen = screen
        self.message = None
        self.dialog = None  # leaving a screen cancels its open dialog
        if screen != "stairway":
            self.read_stage = None
        self.prefs.last_screen = screen
        self.on_screen(screen)
        self._changed(save=True)

    def dismiss_notice(self, index: int) -> None:
        if 0 <= index < len(self.notices):
            del self.notices[index]
            self._changed()

    def ask(self, dialog: str) -> None:
        """Open a confirmation dialog ("close")."""
        self.dialog = dialog
        self._changed()

    def close_dialog(self) -> None:
        self.dialog = None
        self.override_error = None
        self._changed()

    # ---- checklist ----
    def checklists(self) -> list[tuple[Checklist, list[Item]]]:
        """Every checklist with its items that fit the chosen situation."""
        out = []
        for cl in sorted(self.guide.checklists, key=lambda c: (c.order, c.id)):
            out.append((cl, query.checklist_items(cl, self.prefs.situation)))
        return out

    def checklist_progress(self) -> tuple[int, int]:
        done = total = 0
        for cl, items in self.checklists():
            for i in items:
                if i.tick:
                    total += 1
                    done += f"{cl.id}/{i.id}" in self.prefs.checklist
        return done, total

    def tick_time(self, checklist_id: str, item_id: str) -> str | None:
        return self.prefs.checklist.get(f"{checklist_id}/{item_id}")

    def tick_item(self, checklist_id: str, item: Item) -> None:
        key = f"{checklist_id}/{item.id}"
        if key in self.prefs.checklist:
            del self.prefs.checklist[key]
            self.log_note("note", f"Checklist item unticked: {item.text}")
        else:
            self.prefs.checklist[key] = self.now().isoformat(timespec="seconds")
            self.log_note("checklist_tick", item.text, item=key)
        self._changed(save=True)

    def toggle_section(self, checklist_id: str, section: str) -> None:
        key = f"{checklist_id}/{section}"
        c = self.prefs.collapsed
        if key in c:
            c.remove(key)
        else:
            c.append(key)
        self._changed(save=True)

    def is_collapsed(self, checklist_id: str, section: str) -> bool:
        return f"{checklist_id}/{section}" in self.prefs.collapsed

    # ---- situations ----
    def situation(self, sid: str | None = None) -> Situation | None:
        sid = sid or self.prefs.situation
        return next((s for s in self.guide.situations if s.id == sid), None)

    def choose_situation(self, sid: str | None) -> None:
        self.prefs.situation = sid
        self.filter_situation = sid
        self.preview_situation = None
        self._changed(save=True)

    # ---- phrases ----
    def phrase_stage(self) -> int:
        return self.filter_stage or self.prefs.stage

    def phrases(self) -> list[Phrase]:
        return query.phrases(self.guide, self.phrase_stage(), skill=self.filter_skill,
                             situation=self.filter_situation)

    def set_filters(self, stage: int | None = ..., skill: str | None = ...,
                    situation: str | None = ...) -> None:
        """Change any of the three phrase filters; `...` leaves one as it is."""
        if stage is not ...:
            self.filter_stage = stage
        if skill is not ...:
            self.filter_skill = skill
        if situation is not ...:
            self.filter_situation = situation
        self._changed()

    def use_phrase(self, p: Phrase) -> None:
        key = phrase_key(p)
        self.used_phrases.add(key)
        label = "Avoided" if p.kind == "avoid" else "Said"
        self.log_note("phrase_used", f"{label}: {p.text}", item=key)
        self._changed()

    # ---- search ----
    def search(self, query: str) -> None:
        self.query = query
        q = query.strip()
        self.results = list(self._search(q)) if (q and self._search) else []
        self._changed()

    def open_result(self, hit: Any) -> None:
        """Go where a search hit came from (`app.guide.search.Hit.target`).

        A stage opens read-only: reading ahead is fine, skipping ahead is not.
        """
        target = tuple(getattr(hit, "target", hit) or ())
        kind, rest = (target[0], target[1:]) if target else ("", ())
        self.highlight = None
        screen = "search"
        if kind == "stage" and rest:
            screen = "stairway"
            self.read_stage = None if rest[0] == self.prefs.stage else int(rest[0])
        elif kind == "phrase" and rest:
            screen = "phrases"
            self.filter_stage, self.filter_skill = int(rest[0]), None
            self.filter_situation = None
            self.highlight = rest[1] if len(rest) > 1 else None
        elif kind == "checklist":
            screen = "checklist"
            self.highlight = rest[1] if len(rest) > 1 else None
        elif kind == "situation" and rest:
            screen = "situations"
            self.preview_situation = rest[0]
        elif kind == "skill" and rest:
            screen = "phrases"
            self.filter_stage, self.filter_skill = None, rest[0]
        self.screen = screen
        self._changed()

    # ---- settings ----
    def set_theme(self, theme: str) -> None:
        if theme not in prefs_mod.THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self.prefs.theme = theme
        self._changed(save=True)

    def set_text_scale(self, scale: float) -> None:
        if scale not in prefs_mod.TEXT_SCALES:
            raise ValueError(f"unknown text size {scale!r}")
        self.prefs.text_scale = scale
        self._changed(save=True)
