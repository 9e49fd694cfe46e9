"""Phrases for a stage, filtered by stage, skill and situation; search. No flet import.

The filters are the phrases screen's route parameters (`/phrases?stage=2&situation=any`),
so a reload, a deep link and browser Back all keep them. Without a stage the current
stage is shown; without a situation, the chosen one.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Any

from app.guide import query
from app.guide.model import Guide, Phrase
from app.guide.words import query_cut
from app.i18n import text as t
from app.prefs import Prefs
from app.ui.state.nav import Nav
from app.ui.state.ui import Ui

ANY = "any"  # the situation parameter that shows every situation's phrases
TWICE = 3.0  # seconds: the same phrase tapped again sooner is the same use


def phrase_key(p: Phrase) -> str:
    """A phrase's identity in the log: its stable id, which survives edits around it."""
    return p.id


class PhrasesPart:
    def __init__(self, guide: Guide, prefs: Prefs, ui: Ui, nav: Nav,
                 record: Callable[..., object], used: Callable[[], set[str]]) -> None:
        self.guide, self.prefs, self.ui, self.nav = guide, prefs, ui, nav
        self.record = record
        self.used = used  # the keys of the phrases used in the open incident
        self._last: tuple[str, float] | None = None  # the phrase logged last, and when

    def _param(self, key: str) -> str | None:
        return self.nav.location.get(key) if self.nav.screen == "phrases" else None

    @property
    def chosen_stage(self) -> int | None:
        v = self._param("stage")
        return int(v) if v else None

    @property
    def stage(self) -> int:
        return self.chosen_stage or self.prefs.stage

    @property
    def skill(self) -> str | None:
        return self._param("skill")

    @property
    def situation(self) -> str | None:
        v = self._param("situation")
        return None if v == ANY else (v or self.prefs.situation)

    @property
    def highlight(self) -> str | None:
        return self._param("phrase")

    def list(self) -> list[Phrase]:
        return query.shown_phrases(self.guide, self.stage, skill=self.skill,
                                    situation=self.situation)

    def set_filters(self, stage: int | None = ..., skill: str | None = ...,
                    situation: str | None = ...) -> None:
        """Change any of the three filters (`...` keeps one); this is a new route."""
        stage = self.chosen_stage if stage is ... else stage
        skill = self.skill if skill is ... else skill
        if situation is ...:
            situation = self._param("situation")
        elif situation is None:
            situation = ANY if self.prefs.situation else None
        self.nav.go("phrases", stage=stage, skill=skill, situation=situation)

    def use(self, p: Phrase) -> None:
        """Log that the phrase was said (or that an Avoid phrase slipped out). The same
        phrase tapped again within TWICE seconds is one use: a double tap, or a thumb
        landing twice while scrolling, wrote two entries into the evidence log."""
        key = phrase_key(p)
        self.used().add(key)
        now = monotonic()
        if self._last is not None and self._last[0] == key and now - self._last[1] < TWICE:
            return
        self._last = (key, now)
        said = t("log_avoided" if p.kind == "avoid" else "log_said", text=p.text)
        self.record("phrase_used", said, item=key)
        self.ui.changed()

    def find(self, stage: int, text: str) -> Phrase | None:
        return next((p for p in query.phrases(self.guide, stage) if p.text == text), None)


class SearchPart:
    def __init__(self, search: Callable[[str], list] | None, ui: Ui, nav: Nav,
                 phrases: PhrasesPart, prefs: Prefs) -> None:
        self._search, self.ui, self.nav, self.phrases, self.prefs = search, ui, nav, phrases, prefs
        self.query = ""
        self.results: list = []

    def run(self, text: str) -> None:
        self.query = text or ""
        q = self.query.strip()
        self.results = list(self._search(q)) if (q and self._search) else []
        self.ui.changed()

    @property
    def cut(self) -> bool:
        """Only the start of a long query was searched (a paste): the screen says so."""
        return query_cut(self.query.strip())

    def open(self, hit: Any) -> None:
        """Go where a search hit came from (`app.guide.search.Hit.target`).

        A stage opens read-only: reading ahead is fine, skipping ahead is not.
        """
        target = tuple(getattr(hit, "target", hit) or ())
        kind, rest = (target[0], target[1:]) if target else ("", ())
        if kind == "stage" and rest:
            n = int(rest[0])
            self.nav.go("stairway", read=None if n == self.prefs.stage else n)
        elif kind == "phrase" and rest:
            pid = getattr(hit, "phrase_id", "") or None
            if pid is None and len(rest) > 1:
                p = self.phrases.find(int(rest[0]), rest[1])
                pid = phrase_key(p) if p else None
            self.nav.go("phrases", stage=int(rest[0]), situation=ANY, phrase=pid)
        elif kind == "checklist" and rest:
            item = f"{rest[0]}/{rest[1]}" if len(rest) > 1 and rest[1] else None
            self.nav.go("checklist", item=item)
        elif kind == "situation" and rest:
            self.nav.go("situations", show=rest[0])
        elif kind == "skill" and rest:
            self.nav.go("phrases", skill=rest[0], situation=ANY)
