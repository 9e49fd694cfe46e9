"""Answers kept for an instructor's debrief. No flet import.

After "Your own words" flags an answer (or names no skill), "I think this is fine" keeps
the line, the answer and the verdict in the practice history's file
(`app.practice.disputes`); the score does not change. The Progress screen lists them, and
its copy and share buttons give `text()`: plain lines an instructor can read or paste.
They stay on the device until practice history is erased.
"""

from __future__ import annotations

from app.i18n import text as t
from app.incidents.clock import format_local
from app.practice.attempt import PracticeError
from app.practice.disputes import Dispute
from app.said import local
from app.ui.state.practice import PracticePart
from app.ui.state.ui import Ui

SHOWN = 10  # the Progress screen lists the newest answers kept


def headline(
    flags: int, hedged: bool, skill: str | None, asks_safety: bool = False
) -> tuple[str, bool | None, bool]:
    """Your own words' verdict on an answer given in time: (header, good, only to check).
    `hedged`: every flag is the backstop's, unsure; `asks_safety`: no skill, but a safety
    question asked straight ("Are you thinking about killing yourself?"), which is right.
    Shared by the drill and the kept cards."""
    if flags and hedged:
        return t("words_check_one"), None, True
    if flags:
        return (t("words_flag_one") if flags == 1 else t("words_flags", n=flags)), False, False
    if skill:
        return t("words_clean"), True, False
    if asks_safety:
        return t("words_safety"), True, False
    return t("words_no_skill"), False, False


class DebriefPart:
    def __init__(self, practice: PracticePart, ui: Ui) -> None:
        self.practice, self.ui = practice, ui
        self._failed: tuple[object, str] | None = None  # (the answer, why it wasn't kept)

    # ---- Your own words ----
    def can_keep(self) -> bool:
        """Is "I think this is fine" offered for the answer on screen?"""
        words = self.practice.words
        return words is not None and self.practice.last is not None and words.can_dispute()

    @property
    def kept_now(self) -> bool:
        """The answer on screen was kept."""
        words = self.practice.words
        return words is not None and self.practice.last is not None and words.disputed

    def keep(self) -> None:
        """The officer thinks the answer on screen is fine: keep it for the debrief."""
        if self.can_keep():
            self._write(lambda words: words.dispute(), "kept_failed")

    def undo(self) -> None:
        """Take back "I think this is fine" on the answer on screen (a mis-tap)."""
        if self.kept_now:
            self._write(lambda words: words.undo_dispute(), "kept_undo_failed")

    def _write(self, change, failed: str) -> None:
        """Make the change; a refused write is said beside the button (catalogue key
        `failed`), otherwise Progress reads the kept answers again."""
        words = self.practice.words
        try:
            change(words)
        except PracticeError as err:
            self._failed = (words.last, t(failed, reason=local(err)))
        else:
            self._failed = None
            self.practice.report = None
        self.ui.changed()

    @property
    def problem(self) -> str:
        """Why the answer on screen could not be kept (shown beside the button), or ""."""
        words = self.practice.words
        if self._failed is None or words is None or words.last is not self._failed[0]:
            return ""
        return self._failed[1]

    # ---- Your progress ----
    def answers(self) -> tuple[Dispute, ...]:
        """Every answer kept, oldest first (as read when Progress opened)."""
        report = self.practice.report or self.practice.refresh()
        return report.kept

    def shown(self) -> tuple[Dispute, ...]:
        """The newest SHOWN answers, newest first."""
        return tuple(reversed(self.answers()[-SHOWN:]))

    def verdict(self, d: Dispute) -> str:
        """What the app said, as its header did: "1 thing to check.", "2 things to fix."."""
        return headline(len(d.flags), d.hedged, d.skill)[0]

    def where(self, d: Dispute) -> str:
        """The scenario's situation and when: "Suicidal person · 2026-11-27 14:05"."""
        found = self.practice.core.scenario(d.scenario_id)
        titles = {s.id: s.title for s in self.practice.guide.situations}
        place = titles.get(found.situation, found.situation) if found else d.scenario_id
        return f"{place} · {format_local(d.at, fmt='%Y-%m-%d %H:%M')}"

    def copied(self) -> None:
        """The Copy button ran (the client copied the text inside the tap)."""
        self.ui.say(t("kept_copied"))

    def text(self) -> str:
        """Every answer kept, as plain text to copy or share with the instructor."""
        titles = {s.id: s.title for s in self.practice.guide.skills}
        lines = [t("kept_copy_title", n=len(self.answers()))]
        for d in self.answers():
            flags = [f"{code} ({t('kept_to_check')})" if d.hedged else code for code in d.flags]
            found = self.practice.core.scenario(d.scenario_id)
            lines += ["", self.where(d)]
            if found is not None:  # the instructor finds the line in the guide by its title
                lines.append(t("kept_scenario", title=found.title))
            lines += [t("kept_they_said", text=d.said), t("kept_you_said", text=d.answer),
                      t("kept_app_said", text=f"{self.verdict(d)} {d.feedback}"),
                      t("kept_codes", skill=titles.get(d.skill, d.skill) if d.skill
                        else t("kept_no_skill"), flags=", ".join(flags) or "–")]
        return "\n".join(lines) + "\n"
