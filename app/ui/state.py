"""The one app state object. No flet import: the views observe it and call its methods.

`AppState` holds the loaded guide, the officer's preferences, what each screen shows and
the open incident. Every method that changes something ends with `_changed()`, which
saves the preferences when they moved and tells the subscribers (the root component in
`app.ui.app`) to re-render. Guide content questions go through small pure helpers here;
the note-log half lives in `app.ui.state_incident.IncidentState`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import prefs as prefs_mod
from app.guide.model import Checklist, Guide, Item, Phrase, Situation, Stage
from app.ui.state_incident import IncidentState

Listener = Callable[[], None]


@dataclass(frozen=True)
class Override:
    at: datetime
    from_stage: int
    to_stage: int
    reason: str


def fits(situations: tuple[str, ...], chosen: str | None) -> bool:
    """An item or phrase with no situations fits every situation."""
    return not situations or chosen is None or chosen in situations


def phrase_key(p: Phrase) -> str:
    return f"{p.file}:{p.line}"


class AppState(IncidentState):
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
        self.stages: tuple[Stage, ...] = tuple(sorted(guide.stages, key=lambda s: s.order))
        if self.prefs.stage > max(len(self.stages), 1):
            self.prefs.stage = 1
        self.screen = self.prefs.last_screen
        self.dialog: str | None = None  # "override" | "start" | "close" | "amend" | "export"
        self.override_error: str | None = None
        self.overrides: list[Override] = []
        self.read_stage: int | None = None  # a stage opened from search, read-only
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

    # ---- stairway ----
    @property
    def stage_no(self) -> int:
        return self.prefs.stage

    def stage(self, order: int | None = None) -> Stage | None:
        order = order or self.prefs.stage
        return self.stages[order - 1] if 1 <= order <= len(self.stages) else None

    def ticked_signs(self, order: int | None = None) -> set[str]:
        return set(self.prefs.signs.get(str(order or self.prefs.stage), []))

    def tick_sign(self, sign_id: str, ticked: bool | None = None) -> None:
        key = str(self.prefs.stage)
        now = set(self.prefs.signs.get(key, []))
        ticked = (sign_id not in now) if ticked is None else ticked
        now = now | {sign_id} if ticked else now - {sign_id}
        stage = self.stage()
        order = [s.id for s in stage.signs] if stage else sorted(now)
        self.prefs.signs[key] = [i for i in order if i in now]
        self._changed(save=True)

    @property
    def all_signs_ticked(self) -> bool:
        stage = self.stage()
        return stage is not None and {s.id for s in stage.signs} <= self.ticked_signs()

    @property
    def at_top(self) -> bool:
        return self.prefs.stage >= len(self.stages)

    @property
    def can_move_up(self) -> bool:
        return not self.at_top and self.all_signs_ticked

    def move_up(self) -> bool:
        """Go to the next stage; refused until every "Move up when" sign is ticked."""
        if not self.can_move_up:
            self.message = "Tick every sign first, or move up with a reason."
            self._changed()
            return False
        self._set_stage(self.prefs.stage + 1, "Moved up")
        return True

    def open_override(self) -> None:
        if not self.at_top:
            self.dialog = "override"
            self.override_error = None
            self._changed()

    def override(self, reason: str) -> bool:
        """Move up without all the signs: needs a reason, which is logged and kept."""
        reason = (reason or "").strip()
        if self.at_top:
            return False
        if not reason:
            self.override_error = "Write why you move up before the signs are there."
            self._changed()
            return False
        frm, to = self.prefs.stage, self.prefs.stage + 1
        self.overrides.append(Override(self.now(), frm, to, reason))
        self.log_note(
            "override", f"Moved up from stage {frm} to {to} without all signs: {reason}"
        )
        self.dialog = None
        self.override_error = None
        self._set_stage(to, "Moved up (override)")
        return True

    def step_back(self) -> bool:
        if self.prefs.stage <= 1:
            return False
        self._set_stage(self.prefs.stage - 1, "Stepped back")
        return True

    def _set_stage(self, order: int, verb: str) -> None:
        self.prefs.stage = order
        self.read_stage = None
        self.message = None
        stage = self.stage()
        title = stage.title if stage else str(order)
        self.log_note("stage_change", f"{verb} to stage {order}: {title}",
                      stage=stage.id if stage else str(order))
        self._changed(save=True)

    def read(self, order: int | None) -> None:
        """Show another stage read-only (from search) or return to the current one."""
        self.read_stage = None if order == self.prefs.stage else order
        self.screen = "stairway"
        self._changed()

    # ---- checklist ----
    def checklists(self) -> list[tuple[Checklist, list[Item]]]:
        """Every checklist with its items that fit the chosen situation."""
        out = []
        for cl in sorted(self.guide.checklists, key=lambda c: (c.order, c.id)):
            out.append((cl, [i for i in cl.items if fits(i.situations, self.prefs.situation)]))
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
        stage = self.stage(self.phrase_stage())
        if stage is None:
            return []
        return [
            p
            for p in stage.phrases
            if (self.filter_skill is None or p.skill == self.filter_skill)
            and fits(p.situations, self.filter_situation)
        ]

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
