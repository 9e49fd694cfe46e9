"""Every label the screens use, read from the current language's catalogue (app.i18n).

Screen readers announce these, the headless tests find controls by them, and the browser
tests import them (`page.get_by_role("button", name=labels.MOVE_UP)`). `L.MOVE_UP` is the
catalogue's `move_up` in the language in use *at the moment it is read*: read labels while
rendering, never into a module-level constant, a default argument or a table built at
import (a language switch could not change those; tests/test_ui_i18n.py looks for them).

Add a label: one `key: text` line in app/i18n/en.txt (and its translation in es.txt),
then `L.KEY` for a plain label, or a function below when it has `{placeholders}`.
"""

from __future__ import annotations

from app import i18n
from app.i18n import text as t

# Text sizes offered in Settings: scale -> catalogue key
_TEXT_SIZE_KEYS = {1.0: "text_size_100", 1.25: "text_size_125", 1.5: "text_size_150",
                   1.75: "text_size_175"}


def __getattr__(name: str) -> object:
    """`L.MOVE_UP` -> the label `move_up` now; `L.TEXT_SIZES`, `L.NOTE_KINDS` -> tables."""
    if name == "TEXT_SIZES":
        return {scale: t(key) for scale, key in _TEXT_SIZE_KEYS.items()}
    if name == "NOTE_KINDS":
        return {s.kind: t(f"save_{s.kind}") for s in _kinds() if s.button}
    key = name.lower()
    if name.isupper() and i18n.has(key):
        if i18n.placeholders(i18n.english()[key]):
            raise AttributeError(f"label {key!r} has placeholders: call labels.{key}(...)")
        return t(key)
    raise AttributeError(f"module {__name__!r} has no label {name!r}")


def _kinds():
    from app.incidents import kinds  # the note-kind table: one row per kind

    return kinds.KINDS


def note_kind(kind: str) -> str:
    """The button that saves the note field as `kind` ("Save as demand")."""
    return t(f"save_{kind}")


def kind_label(kind: str) -> str:
    """A note kind's name in the timeline ("Demand")."""
    return t(f"kind_{kind}") if i18n.has(f"kind_{kind}") else str(kind)


def screen_title(name: str) -> str:
    """A screen's app bar title (the screen table's entry `name`)."""
    return t(f"screen_{name}")


def stage_indicator(order: int, total: int = 5) -> str:
    return t("stage_indicator", order=order, total=total)


def sign(text: str) -> str:
    """A "Move up when" sign's checkbox."""
    return t("sign", text=text)


def language_name(code: str) -> str:
    """A guide's language by name ("Spanish (español)"), not its code "es"; a language the
    catalogue does not name stays its code."""
    key = f"language_{code.split('-')[0].lower()}"
    return t(key) if i18n.has(key) else code


def move_up(left: int) -> str:
    """The Move up button as shown and heard: with how many signs are left, when any are."""
    return t("move_up") if left <= 0 else t("move_up_one_left") if left == 1 else \
        t("move_up_left", n=left)


def sign_earlier(text: str) -> str:
    """A sign ticked before a guide update reworded or dropped it (read-only)."""
    return t("sign_earlier", text=text)


def checklist_item(text: str) -> str:
    return t("checklist_item", text=text)


def checklist_earlier(text: str, time: str) -> str:
    return t("checklist_earlier_item", text=text, time=time)


def checklist_progress(done: int, total: int) -> str:
    return t("checklist_progress", done=done, total=total)


def section_toggle(section: str) -> str:
    return t("section_toggle", section=section)


def phrase(kind: str, text: str) -> str:
    """A phrase card: 'Say: ...' or 'Avoid: ...'. Tapping it marks it used."""
    return t("phrase_avoid" if kind == "avoid" else "phrase_say", text=text)


def situation_choice(title: str) -> str:
    return t("situation_choice", title=title)


def stage_chip(order: int, title: str) -> str:
    """A stage chip above the phrase list: "Phrases for stage 2: Empathy"."""
    return t("stage_chip", order=order, title=title)


def call(label: str, number: str) -> str:
    """A tap-to-call button for a number from content/contacts.md."""
    return t("call", label=label, number=number)


def filter_option(group: str, value: str) -> str:
    """One chip in a phrase filter group, e.g. filter_option(FILTER_SKILL, 'Mirroring')."""
    return f"{group}: {value}"


def search_result(title: str) -> str:
    return t("search_result", title=title)


def open_incident(title: str) -> str:
    return t("open_incident", title=title)


def amend_note(seq: int) -> str:
    """A note in the timeline: tapping it opens its amendment."""
    return t("amend_note", seq=seq)


def demand_state(status: str) -> str:
    """A demand's status as shown ("granted"); an unknown one as it is stored."""
    key = f"demand_{status}"
    return t(key) if i18n.has(key) else str(status)


def demand_status(demand: str, status: str) -> str:
    return t("demand_mark", demand=demand, status=demand_state(status))


def retention(days: int | None) -> str:
    """One retention choice in Settings."""
    return t("retention_keep") if days is None else t("retention_days", days=days)


def caution(text: str) -> str:
    """An item's caution line, under it."""
    return t("caution", text=text)


def guide_title(origin) -> str:
    """The name of the guide on screen (a hub `Origin`): the pack's own title, or the
    built-in guide / live preview in the language in use."""
    kind = getattr(origin, "kind", "")
    if kind == "built-in":
        return t("guide_builtin_title")
    if kind == "preview":
        return t("guide_preview_title")
    return origin.title


def guide_label(active) -> str:
    """An `ActiveGuide` as a name: `Metro PD guide 2026.11 (metro-pd)` or the built-in."""
    return t("guide_builtin_title") if active.pack is None else active.label


# ---- Practice and Progress ----


def answer_choice(text: str) -> str:
    """One answer to pick: a skill in "Name the skill", a line in a scenario walk."""
    return t("answer_choice", text=text)


quiz_choice = walk_answer = answer_choice


def scenario(title: str) -> str:
    """A scenario in the walk's list: tapping it starts the walk."""
    return t("scenario_start", title=title)


def scenario_filter(title: str | None) -> str:
    """A situation chip above the scenario list (None: every situation)."""
    return t("scenario_filter", title=title) if title else t("scenario_filter_all")


def walk_meter(stage: int, total: int, title: str = "") -> str:
    """The scenario walk's stairway meter, read out: "Stairway meter: stage 2 of 5, Empathy"."""
    if title:
        return t("walk_meter_named", stage=stage, total=total, title=title)
    return t("walk_meter", stage=stage, total=total)


def countdown(seconds: int) -> str:
    """Timed mode's countdown, read out."""
    return t("countdown_spoken", seconds=seconds)


def progress_days(days: int) -> str:
    """The Progress window choice: 'Last 7 days'."""
    return t("progress_days", days=days)


def skill_bar(title: str, right: int, total: int, days: int) -> str:
    """A Progress bar, read out with its numbers."""
    if not total:
        return t("skill_bar_none", title=title, days=days)
    return t("skill_bar", title=title, percent=round(100 * right / total), right=right,
             total=total, days=days)


def drill_skill(title: str) -> str:
    """Progress: start "Name the skill" on the weakest skill."""
    return t("drill_named", title=title)


def review_skill(title: str) -> str:
    """Walk summary: open the phrases of a skill to review."""
    return t("review_skill", title=title)


def review_stage(order: int, title: str) -> str:
    """Walk summary: read a stage of the stairway."""
    return t("review_stage", order=order, title=title)
