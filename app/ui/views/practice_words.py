"""Your own words: the person's line, a field for the answer (typed, or dictated with the
phone's keyboard), then what the app makes of it: the skill it looks like, in words no
surer than the rules are ("this looks like", "this may be"), the problems it found,
model answers from the scenario and the guide, and "I think this is fine" to keep an
answer the officer disagrees about for an instructor.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.said import local
from app.ui import labels as L
from app.ui.state.debrief import headline
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import hooks
from app.ui.views import practice_common as pc

ECHO_CHARS = 280  # the most of an answer said back above its verdict


@ft.component
def AnswerForm(state):
    """The field and its button; one per line (keyed by it), so a new line starts empty.
    Built again for the same line (Back, then Forward), it holds what was typed."""
    sz = Sizes(state.prefs.text_scale)
    text, get_text, on_text = hooks.use_field(state.practice.typed, on_edit=state.practice.typing)
    return ft.Column([
        ft.TextField(label=L.WORDS_FIELD, value=text, multiline=True, min_lines=2, max_lines=5,
                     text_size=sz.fs(17), on_change=on_text,
                     on_submit=lambda e: state.practice.say(get_text())),
        *([c.field_error(err, sz.fs)] if (err := state.ui.errors.get(L.WORDS_FIELD)) else []),
        c.button(L.CHECK_ANSWER, lambda e: state.practice.say(get_text()), ft.Icons.CHECK,
                 primary=True),
    ], spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def judged(state, j, sz: Sizes, last: bool) -> list[ft.Control]:
    r = j.result
    answered = state.practice.chosen
    out: list[ft.Control] = []
    if answered:  # a long paste is cut: the verdict must not sit twenty screens down
        shown = answered if len(answered) <= ECHO_CHARS else answered[:ECHO_CHARS - 1] + "…"
        out.append(pc.labelled(t("you_said"), f"“{shown}”", sz))
    check = False  # only the backstop's flag: worded like a killer, to check, not to fix
    icon = None
    if not (answered or "").strip():
        head, good = t("words_timeout"), None
    elif j.late:
        head, good = t("words_late"), None
    elif r.unjudged and not r.flags:  # not English: no verdict, only the models to compare
        head, good, check, icon = t("words_compare"), None, True, ft.Icons.COMPARE_ARROWS
    else:
        head, good, check = headline(len(r.flags), not r.to_fix, r.skill, r.asks_safety)
    out.append(pc.verdict(good, head, sz, check, icon))
    # unjudged in a guide the rules read: the feedback says why (another script); in
    # another language's guide the note above the field says it already
    if (answered or "").strip() and (not r.unjudged or state.practice.judges):
        out.append(c.para(local(r.feedback), sz.fs, 17))
    if r.reminder:  # their words may point to suicide: ask (said when time ran out too)
        out.append(_marked(ft.Icons.PRIORITY_HIGH, r.reminder, sz, 17, ft.FontWeight.W_600))
    if good:  # "no problem" must never read as "safe to say": the rules miss some killers
        out.append(c.para(t("words_clean_caveat"), sz.fs, 15, italic=True))
    for f in (f for f in r.flags if r.unjudged or f.message not in r.feedback):
        out.append(_marked(ft.Icons.FLAG_OUTLINED, local(f.message), sz, 16))  # not said above
    if j.models:
        out.append(c.heading(t("model_answers"), sz.fs, 3))
        out += [c.para(f"“{m}”", sz.fs, 17, weight=ft.FontWeight.W_500) for m in j.models]
    return out + keep(state, sz) + pc.onward(state, sz, L.SEE_RESULT if last else L.NEXT_LINE)


def _marked(icon, text: str, sz: Sizes, size: int, weight=None) -> ft.Row:
    """A line of its own with an icon before it: a flag, the reminder to ask."""
    return ft.Row([ft.Icon(icon, size=sz.fs(20)),
                   ft.Text(text, size=sz.fs(size), weight=weight, expand=True)],
                  vertical_alignment=ft.CrossAxisAlignment.START)


def keep(state, sz: Sizes) -> list[ft.Control]:
    """"I think this is fine": the officer disagrees with the verdict; the answer is kept
    for an instructor's debrief (listed under Progress)."""
    d = state.debrief
    problem = [c.field_error(d.problem, sz.fs)] if d.problem else []
    if d.kept_now:
        return [ft.Row([ft.Icon(ft.Icons.BOOKMARK_ADDED_OUTLINED, size=sz.fs(20)),
                        ft.Text(t("kept_on_screen"), size=sz.fs(15), expand=True)]),
                c.button(L.KEEP_UNDO, lambda e: d.undo(), ft.Icons.UNDO), *problem]
    if not d.can_keep():
        return []
    return [c.button(L.KEEP_FINE, lambda e: d.keep(), ft.Icons.BOOKMARK_ADD_OUTLINED),
            *problem]


@ft.component
def WordsView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    words = p.words
    if words is None:
        return c.para(t("drill_not_started"), sz.fs)
    prompt = words.current
    if prompt is None:
        if not words.prompts:
            return ft.Column([
                c.para(t("words_none"), sz.fs),
                c.button(L.BACK_TO_PRACTICE, lambda e: state.nav.back(), ft.Icons.ARROW_BACK)])
        return ft.Column([
            c.heading(t("words_done", n=len(words.prompts)), sz.fs, 1),
            c.para(t("words_done_note" if p.judges else "words_done_compare"), sz.fs, 15),
            *pc.finish(state, sz),
        ], spacing=10)
    j = p.last
    titles = {s.id: s.title for s in state.guide.situations}
    out: list[ft.Control] = [
        pc.counter(t("line_count_situation", n=words.index + 1, total=len(words.prompts),
                     situation=titles.get(prompt.situation, prompt.situation)), sz),
    ]
    if p.waiting and p.is_timed:
        out.append(pc.Countdown(state, key=f"w{words.index}"))
    if prompt.before:  # what their line replies to: the scenario's answer to the line before
        out.append(pc.labelled(t("words_before"), f"“{prompt.before}”", sz, 15))
    out += pc.said(prompt.said, sz, prompt.note)
    if not p.judges:  # the rules read English only: say so
        out.append(c.para(t("words_english_rules"), sz.fs, 15, italic=True))
    if j is None:
        out.append(c.para(t("words_prompt"), sz.fs, 15))
        out.append(AnswerForm(state, key=f"form{words.index}"))
    else:
        out += judged(state, j, sz, words.index + 1 >= len(words.prompts))
    return ft.Column(out, spacing=10)
