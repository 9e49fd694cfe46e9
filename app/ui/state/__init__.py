"""The one app state, composed of parts that are each handed their dependencies.

    state = AppState(guide, data_dir, log, search=..., device=...)
    state.nav.go("phrases", stage=2)      state.stairway.move_up()
    state.incident.add_note("note", "…")  state.checklist.tick(cl.id, item)

Parts: `ui` (message, field errors, dialog, banners, change signal, saved preferences),
`nav` (location and Back), `stairway`, `checklist`, `situations`, `phrases`, `search`,
`incident`, `export`, `retention`, `settings`, `packs` (Settings > Guide), `practice` (drills,
Progress, erasing practice history), `debrief` (answers kept for an instructor). Views read
the parts and call their methods; no part imports flet, and none reaches into another
except through what it was given.

The guide can change while the app runs (a pack applied, a save in live preview): the
process-wide `GuideHub` tells every page, and `use_guide(shown)` hands the new guide to every
part that keeps one as `.guide`, the new search to `search`, its banners to `packs`, and names
it in the open incident. What the officer did is kept by id (stage number, sign and item ids,
phrase ids). A checklist tick whose item the new guide no longer has is shown apart, done and
read-only, in the words it was ticked in, until the call ends; one whose words the new guide has
in exactly one item follows that item (app.ui.state.checklist). A sign the new stage no longer has
is shown apart the same way and does not count toward Move up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app import drafts
from app.guide.model import Guide
from app.i18n import text as t
from app.incidents import format_local
from app.said import Said
from app.ui.router import Location
from app.ui.state.checklist import ChecklistPart, SituationsPart
from app.ui.state.debrief import DebriefPart
from app.ui.state.device import Device
from app.ui.state.export import ExportFile, ExportPart
from app.ui.state.guide import GuidePart
from app.ui.state.hub import GuideHub, Shown
from app.ui.state.incident import IncidentPart
from app.ui.state.nav import Nav
from app.ui.state.phrases import ANY, PhrasesPart, SearchPart, phrase_key
from app.ui.state.practice import PracticePart
from app.ui.state.replay import replay
from app.ui.state.retention import RetentionPart
from app.ui.state.settings import SettingsPart
from app.ui.state.stairway import Override, StairwayPart, said_sign
from app.ui.state.ui import PrefsStore, Ui

__all__ = ["ANY", "AppState", "Device", "ExportFile", "Override", "phrase_key"]


class AppState:
    def __init__(
        self,
        guide: Guide,
        data_dir: Path,
        log: Any = None,
        log_problem: str | None = None,
        search: Callable[[str], list] | None = None,
        now: Callable[[], datetime] | None = None,
        device: Device | None = None,
        hub: GuideHub | None = None,
    ) -> None:
        if hub is not None:
            guide, search = hub.current.guide, hub.current.search
        self.guide = guide
        self.data_dir = Path(data_dir)
        self.store = PrefsStore(self.data_dir)
        self.prefs = self.store.value
        self.ui = ui = Ui(self.store)
        if log_problem:
            ui.notices.append(log_problem)
        self.device = device or Device()
        self.nav = nav = Nav(ui, self.prefs, self._enter, self._defaults)
        self.incident = inc = IncidentPart(log, self.prefs, ui, nav, self.device,
                                           self.data_dir, now)
        self.export = ExportPart(inc, ui, self.device, self.data_dir)
        self.retention = RetentionPart(log, self.prefs, ui, inc.now, inc._call)
        self.retention.apply()
        self.packs = GuidePart(hub, ui)
        if hub is not None:
            inc.guide_in_use = _named(hub.current)
            self.packs.sync_notices(hub.current)
        inc.resume()
        self.stairway = StairwayPart(guide, self.prefs, ui, inc.record, inc.now, self.device)
        self.checklist = ChecklistPart(guide, self.prefs, ui, inc.record, inc.now, self.device)
        if self.checklist.carry():  # ticks made under another guide (a restart after an update)
            ui.changed(save=True)
        self.situations = SituationsPart(guide, self.prefs, ui, self._situation_chosen)
        self.phrases = PhrasesPart(guide, self.prefs, ui, nav, inc.record,
                                   lambda: inc.used_phrases)
        self.search = SearchPart(search, ui, nav, self.phrases, self.prefs)
        self.settings = SettingsPart(self.prefs, ui, inc.keep_awake)
        self.practice = PracticePart(guide, self.data_dir, ui, nav)
        self.debrief = DebriefPart(self.practice, ui)
        self.leave_answer: Callable[[bool], None] | None = None
        inc.taken_up = self._take_up

    def _take_up(self, notes: list) -> None:
        """An open call became the current call while the preferences held another call's
        place, or none (they were damaged and reset): its stage, signs and ticks are read
        back from its log, and the officer is told where it stands."""
        standing = replay(notes, self.guide)
        self.stairway.take_up(standing)
        self.checklist.take_up(standing)
        stage = self.stairway.stage()
        self.ui.notices.append(Said(
            "taken_up", id=self.incident.current.id, order=self.prefs.stage,
            title=stage.title if stage else "-"))
        self.ui.changed(save=True)

    def use_guide(self, shown: Shown) -> None:
        """The process switched guides: show `shown` on this page now (see the docstring)."""
        self.guide = shown.guide
        for part in list(vars(self).values()):
            if part is not self and hasattr(part, "guide") and not isinstance(part, Guide):
                part.guide = shown.guide
        self.search._search = shown.search
        if self.search.query.strip():
            self.search.results = list(shown.search(self.search.query.strip()))
        self.packs.sync_notices(shown)
        self.incident.guide_in_use = _named(shown)
        self.incident.note_guide()
        self.ui.changed(save=self.checklist.carry())

    @property
    def log(self) -> Any:
        return self.incident.log

    def subscribe(self, fn: Callable[[], None]) -> Callable[[], None]:
        return self.ui.subscribe(fn)

    # ---- navigation glue: what a screen loads when it opens ----
    def _defaults(self, screen: str) -> dict[str, str]:
        inc = self.incident.current
        if screen == "incident" and (live := self.incident.looked_away):
            return {"incident": live}  # the Incident tab is the live call's, even from a look
        return {"incident": inc.id} if inc is not None and screen in ("incident", "board") else {}

    def _enter(self, loc: Location) -> None:
        self.stairway.read_stage = None
        self.practice.enter(loc)
        if loc.screen in ("incident", "board", "incidents"):
            self.incident.enter(loc.screen, loc.get("incident"))
        else:  # a closed call was only being looked at
            self.incident.back_to_live()
        if loc.screen == "stairway":
            read = loc.int("read")
            self.stairway.read_stage = None if read == self.prefs.stage else read
        elif loc.screen == "situations":
            self.situations.preview = loc.get("show")
        elif loc.screen == "search" and loc.get("q") and not self.search.query:
            self.search.query = loc.get("q") or ""
            self.search.results = list(self.search._search(self.search.query.strip())) \
                if self.search._search else []

    def start_incident(self, situation_id: str | None, location: str) -> bool:
        """Open an incident for this situation (which becomes the chosen one).

        One call at a time: an incident still open is closed first (the start form says
        so). What the officer did before opening it, the ticks and the stage, goes into
        its log, each tick with its time."""
        if self.incident.is_open and not self.close_incident():
            return False
        sit = self.situations.get(situation_id) if situation_id else None
        if situation_id:
            self.prefs.situation = situation_id
        if not self.incident.start(situation_id, sit.title if sit else None, location):
            return False
        self._log_before()
        self.ui.drafts.drop(drafts.START)
        self.ui.drafts.drop(drafts.START_SITUATION)
        self.ui.changed(save=True)
        return True

    def close_incident(self) -> bool:
        """Close the open incident. The call is over: the next one starts with no ticks, at
        stage 1 (the closed incident's log keeps every tick and stage change)."""
        closing = self.incident.current
        self.incident.close()
        if self.incident.is_open:  # not closed: the reason is on screen
            return False
        if closing is not None:  # the call is over: what was typed for it goes too
            self.ui.drafts.drop_incident(closing.id)
        self.checklist.start_over()
        self.stairway.start_over()
        self.ui.changed(save=True)
        return True

    def _situation_chosen(self, sit) -> None:
        """A situation picked during a call is the call's: the open incident takes it."""
        inc = self.incident
        if inc.is_open and inc.current.situation != sit.title:
            inc.change_details(situation=sit.title)

    def _log_before(self) -> None:
        """Log what was done before the incident was opened: the ticks (oldest first, with
        their time), the stairway's ticked signs (stage by stage, no time: signs keep none)
        and a stage past the first."""
        rec = self.incident.record
        for key, at, words in self.checklist.ticked():
            rec("checklist_tick", t("log_ticked_before", text=words, time=format_local(
                at, fmt="%Y-%m-%d %H:%M")), item=key)
        for stage, sign in self.stairway.signs_ticked():
            rec("sign_tick", said_sign("log_sign_before", stage, sign), stage=stage.id,
                item=sign.id)
        if self.prefs.stage > 1 and (stage := self.stairway.stage()) is not None:
            rec("stage_change", t("log_stage_before", order=self.prefs.stage,
                                  title=stage.title), stage=stage.id)

    # ---- leaving the app (Back on Home while an incident is open) ----
    def ask_leave(self, answer: Callable[[bool], None]) -> None:
        """The phone's Back on Home during an open incident: ask before leaving."""
        self.leave_answer = answer
        self.ui.ask("leave")

    def leave(self, go: bool) -> None:
        answer, self.leave_answer = self.leave_answer, None
        self.ui.dialog = None
        if answer is not None:
            answer(go)
        self.ui.changed()


def _named(shown: Shown) -> tuple[str, str]:
    """(id and version, one line) of a guide, as an incident records it."""
    return shown.origin.key, shown.origin.record
