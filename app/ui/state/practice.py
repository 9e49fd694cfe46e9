"""Practice and Progress: the drill on screen, its last feedback, timed mode, the Progress
bars and erasing practice history. No flet import.

The screens call this part; it calls the core (`app.practice.drills.Practice`) and keeps
only what the screens show. A drill starts when its screen opens (`enter`, from the
route), so a reload, a deep link or a killed app never finds a drill half-built: at worst
it starts again. Leaving for the Practice or Progress screen ends it, but browser Back
(or Forward) to it shows it as it was left; a review link (a skill's phrases, a stage)
keeps a finished walk so Back shows its summary, and a walk left for the scenario list
goes on where it was when it is opened again.
Results go to the practice history file in the data folder, never to the incident log.
"""

from __future__ import annotations

from pathlib import Path

from app import i18n
from app.guide import query
from app.guide.model import Guide
from app.i18n import text as t
from app.practice.drills import TIME_LIMIT, Practice, Progress
from app.practice.sessions import OwnWords, Quiz, WalkSession
from app.ui import labels as L
from app.ui.router import Location
from app.ui.state.nav import Nav
from app.ui.state.progress import DAYS, ProgressPart, open_history
from app.ui.state.ui import Ui

DRILLS = ("practice_skill", "practice_walk", "practice_words")  # screens that run a drill
ENDS = ("practice", "progress")  # opening these ends the drill on screen
QUESTIONS = 10  # name the skill: questions per run
LINES = 5  # your own words: lines per run

__all__ = ["DAYS", "DRILLS", "TIME_LIMIT", "PracticePart", "open_history"]


class PracticePart(ProgressPart):
    def __init__(self, guide: Guide, data_dir: Path | None, ui: Ui, nav: Nav,
                 core: Practice | None = None) -> None:
        self.ui, self.nav = ui, nav
        if core is None:
            history, problem = open_history(data_dir)
            if problem:
                ui.notices.append(problem)
            core = Practice(guide, history, language=i18n.language())
        self.core = core
        self._guide = guide
        self.timed = False  # the switch on the Practice screen; read when a drill starts
        self.days = DAYS[0]  # the Progress window shown
        self.session: Quiz | WalkSession | OwnWords | None = None
        self.last = None  # the feedback on the answer just given (Feedback, Pick, Judged)
        self.chosen: str | int | None = None  # what the officer picked (None: time ran out)
        self.key: tuple | None = None  # what the running drill was started for
        self.erase_count: int | None = None  # Settings: asked to erase this many answers
        self.report: Progress | None = None  # what the Progress screen shows (read on entry)
        self._parked: tuple | None = None  # a drill left (key, session, last, chosen, typed, any)
        self.typed = ""  # your own words: the field as typed so far
        self._warned = 0

    @property
    def guide(self) -> Guide:
        return self._guide

    @guide.setter
    def guide(self, guide: Guide) -> None:
        """`AppState.use_guide` sets every part's `.guide`: here that is `use_guide`."""
        self.use_guide(guide)

    @property
    def judges(self) -> bool:  # the rules read the guide's language (English only)
        return self.core.classifier.english

    def use_guide(self, guide: Guide) -> None:
        """A new guide (a pack applied, a live edit): drills draw on it from now on; the
        history stays. A drill on screen starts again, since its questions came from the
        old guide."""
        if guide is self._guide:
            return
        self._guide = guide
        self.core = Practice(guide, self.core.history, language=i18n.language())
        self._parked = None
        if self.key is not None:
            self._start(self.key)
        self.report = None

    # ---- which drill is on screen (called on every route change) ----
    def enter(self, loc: Location) -> None:
        self.erase_count = None
        if loc.screen in ENDS:
            self._leave()
        if loc.screen == "progress":
            self.refresh()
        if loc.screen not in DRILLS:
            return
        key = (loc.screen, loc.get("skill"), loc.get("scenario"))
        if key != self.key or (self.session is None and loc.get("scenario")):
            parked = self._parked
            self._park()
            if parked is not None and parked[0] == key and (parked[5] or self.nav.following):
                self._resume(parked)
            else:
                self._start(key)

    def _stop(self) -> None:
        self._clear()
        self._parked = None

    def _clear(self) -> None:
        self.session, self.last, self.key, self.chosen = None, None, None, None
        self.typed = ""  # your own words: the field as typed so far

    def _park(self) -> None:
        """Leaving a drill for its list (browser Back): keep it. A walk not finished goes on
        when Forward or the same scenario opens it again; any other only with Forward (a
        finished walk shows its end). Only one drill is kept."""
        s = self.session
        if s is not None:
            going = isinstance(s, WalkSession) and s.walk is not None and not s.walk.done
            self._parked = (self.key, s, self.last, self.chosen, self.typed, going)

    def _leave(self) -> None:
        """Practice or Progress opened: the drill on screen ends. It is kept for the
        browser's Back and Forward alone, which show it again as it was left (its end
        screen, or the line it was on); a drill opened from the Practice screen is new.
        Practice opened again with no drill on screen (Back past it) keeps the one kept."""
        s = self.session
        if s is not None:
            self._parked = (self.key, s, self.last, self.chosen, self.typed, False)
        self._clear()

    def _resume(self, parked: tuple) -> None:
        self.key, self.session, self.last, self.chosen, self.typed, _ = parked
        self._parked = None
        if not self.session.answered and not self.session.held:  # the line is shown again:
            self.session._start()  # its time starts again

    def _start(self, key: tuple) -> None:
        screen, skill, scenario = key
        self._clear()
        self.key = key
        p = self.core
        if screen == "practice_skill":
            self.session = p.start_quiz(QUESTIONS, skill=skill, timed=self.timed)
        elif screen == "practice_words":
            self.session = p.start_own_words(LINES, timed=self.timed)
        elif scenario:
            try:
                self.session = p.start_walk(scenario, timed=self.timed)
            except KeyError:
                self.ui.message = t("walk_unknown", id=scenario)

    @property
    def focus(self):
        """The skill a "name the skill" drill works on (from Progress), or None."""
        if self.key is None or self.key[0] != "practice_skill" or not self.key[1]:
            return None
        return next((s for s in self.guide.skills if s.id == self.key[1]), None)

    def set_timed(self, on: bool) -> None:
        """Timed mode for the drills started from now on (10 seconds to answer)."""
        self.timed = bool(on)
        self.ui.changed()

    def again(self) -> None:
        """Start the drill on screen again from its first question."""
        if self.key is not None:
            self._start(self.key)
        self.ui.changed()

    # ---- what the drill screens read ----
    @property
    def quiz(self) -> Quiz | None:
        return self.session if isinstance(self.session, Quiz) else None

    @property
    def walk(self) -> WalkSession | None:
        return self.session if isinstance(self.session, WalkSession) else None

    @property
    def words(self) -> OwnWords | None:
        return self.session if isinstance(self.session, OwnWords) else None

    @property
    def held(self) -> bool:
        """A timed walk shows its scene first; its clock starts with `begin`."""
        return self.session is not None and self.session.held

    def begin(self) -> None:
        if self.session is not None and self.session.held:
            self.session.begin()
            self.ui.turn_page()

    @property
    def waiting(self) -> bool:
        """A question is on screen and not answered yet."""
        s = self.session
        if s is None or s.answered or self.last is not None or s.held:
            return False
        if isinstance(s, WalkSession):
            return s.walk is not None and not s.walk.done
        return s.current is not None

    @property
    def is_timed(self) -> bool:
        return self.session is not None and self.session.timing.limit is not None

    def left(self) -> float | None:
        """Seconds left on the countdown; None when untimed or nothing is waiting."""
        return self.session.left() if self.waiting and self.is_timed else None

    @property
    def notice(self) -> str:
        """One sentence when the last answer could not be saved (it is kept and retried)."""
        return self.session.notice if self.session is not None else ""

    # ---- answering ----
    def pick(self, choice_id: str) -> None:
        """Name the skill: the officer chose `choice_id`."""
        if self.quiz is not None and self.waiting:
            self._answered(lambda: self.quiz.answer(choice_id), choice_id)

    def choose(self, index: int) -> None:
        """Scenario walk: the officer chose the answer shown at `index`."""
        if self.walk is not None and self.waiting:
            self._answered(lambda: self.walk.choose(index), index)

    def say(self, text: str) -> None:
        """Your own words: the officer's answer (typed or dictated)."""
        if self.words is None or not self.waiting:
            return
        if not (text or "").strip():
            self.ui.error(L.WORDS_FIELD, t("words_empty"))
            return
        self.ui.errors.pop(L.WORDS_FIELD, None)
        self._answered(lambda: self.words.answer(text), text)

    def typing(self, text: str) -> None:
        """Your own words: what the field holds now (judged, late, if time runs out), and
        the field's error goes once the officer types."""
        self.typed = text
        self.ui.clear_error(L.WORDS_FIELD)

    def tick(self) -> bool:
        """The countdown's heartbeat: when time is up, the question counts as missed (an
        answer half typed is still judged, as late, so the officer sees what it was)."""
        left = self.left()
        if left is None or left > 0:
            return False
        if self.words is not None and self.typed.strip():
            typed = self.typed
            self._answered(lambda: self.words.answer(typed), typed)
        else:
            self._answered(self.session.timeout)
        return True

    def _answered(self, answer, chosen: str | int | None = None) -> None:
        try:
            self.last = answer()
        except (IndexError, RuntimeError):  # a second tap on an answered question
            return
        self.chosen = chosen
        self._warn()
        self.ui.changed()

    def next(self) -> None:
        """On to the next question (after the feedback)."""
        if self.session is None or self.last is None:
            return
        self.last, self.chosen, self.typed = None, None, ""
        self.session.next()
        self.ui.turn_page()

    # ---- the scenario walk's list and its end-of-walk links ----
    @property
    def walk_situation(self) -> str | None:
        """The situation the scenario list is filtered by (None: every situation)."""
        return self.nav.location.get("situation") if self.nav.screen == "practice_walk" else None

    def scenarios(self) -> tuple:
        return self.core.scenarios(self.walk_situation)

    def walk_situations(self) -> list:
        """The guide's situations that have at least one scenario, in guide order."""
        have = {s.situation for s in self.core.scenarios()}
        return [s for s in self.guide.situations if s.id in have]

    def filter_scenarios(self, situation: str | None) -> None:
        self.nav.go("practice_walk", situation=situation)

    def open_scenario(self, scenario_id: str) -> None:
        self.nav.go("practice_walk", scenario=scenario_id)

    def review_skill(self, skill: str) -> None:
        """Open the phrases of a skill to review, at the first stage that has some, for
        the scenario's situation."""
        walk = self.walk
        situation = walk.walk.scenario.situation if walk and walk.walk else None
        found = query.phrases(self.guide, skill=skill, situation=situation)
        stage = found[0].stage if found else None
        self.nav.go("phrases", skill=skill, stage=stage, situation=situation)

    def review_stage(self, order: int) -> None:
        self.nav.go("stairway", read=order)
