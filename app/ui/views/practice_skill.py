"""Name the skill: a phrase from the guide, four choices, feedback at once.

A Say phrase asks which skill it is; the feedback gives the skill's definition and another
example. An Avoid phrase asks what is wrong with it; the feedback says why and what to
say instead. The right choice gets a tick and a wrong pick a cross (not colour alone).
"""

from __future__ import annotations

import flet as ft

from app.guide.model import AVOID
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import practice_common as pc
from app.ui.views.phrase_card import phrase_text


def choices(state, q, fb, chosen: str | None, sz: Sizes) -> list[ft.Control]:
    if fb is None:
        return [pc.stretch([c.button(L.quiz_choice(ch.label),
                                     lambda e, i=ch.id: state.practice.pick(i), text=ch.label)
                            for ch in q.choices])]
    out = []
    for ch in q.choices:
        right, picked = ch.id == q.answer, ch.id == chosen
        mark = "right" if right else "wrong" if picked else None
        word = t("your_answer") if picked else ""
        out.append(pc.answered(mark, word, ch.label, sz, strong=right or picked))
    return out


def feedback(state, q, fb, sz: Sizes, last: bool) -> list[ft.Control]:
    chosen = state.practice.chosen
    if fb.right:
        head, good = t("quiz_right"), True
    elif chosen is None:
        head, good = t("quiz_timeout", answer=fb.answer.label), None
    elif fb.late and chosen == q.answer:
        head, good = t("quiz_late"), None
    else:
        head, good = t("quiz_wrong", answer=fb.answer.label), False
    out = [pc.verdict(good, head, sz)]
    if q.kind == AVOID:
        out += [pc.labelled(t("word_why"), fb.why, sz)] if fb.why else []
        out += [pc.labelled(t("word_instead"), fb.instead, sz)] if fb.instead else []
    else:
        out += [pc.labelled(fb.answer.label, fb.definition, sz)] if fb.definition else []
        out += [pc.labelled(t("another_example"), f"“{fb.example}”", sz)] if fb.example else []
    return out + pc.onward(state, sz, L.SEE_RESULT if last else L.NEXT_QUESTION)


def end(state, quiz, sz: Sizes) -> list[ft.Control]:
    n = len(quiz.questions)
    if n == 0:
        return [c.para(t("quiz_empty"), sz.fs),
                c.button(L.BACK_TO_PRACTICE, lambda e: state.nav.back(), ft.Icons.ARROW_BACK)]
    return [c.heading(t("quiz_score", right=quiz.right, total=n), sz.fs, 1),
            c.para(t("practice_saved"), sz.fs, 15),
            *pc.finish(state, sz)]


@ft.component
def SkillDrillView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    quiz = p.quiz
    if quiz is None:  # opened before the drill could start (no guide): say so, never crash
        return c.para(t("drill_not_started"), sz.fs)
    q = quiz.current
    if q is None:
        return ft.Column(end(state, quiz, sz), spacing=10)
    fb = p.last
    out: list[ft.Control] = [pc.counter(t("question_count", n=quiz.index + 1,
                                          total=len(quiz.questions), right=quiz.right), sz)]
    if p.waiting and p.is_timed:
        out.append(pc.Countdown(state, key=f"q{quiz.index}"))
    if quiz.index == 0 and (focus := p.focus) is not None:  # the weakest skill, from Progress
        out.append(c.para(t("quiz_focus", skill=focus.title), sz.fs, 15, italic=True))
    avoid = q.kind == AVOID
    out += [
        c.heading(t("quiz_ask_avoid" if avoid else "quiz_ask_say"), sz.fs),
        ft.Container(phrase_text(q.text, sz.fs(20), None, avoid), padding=12, border_radius=12,
                     bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH),
        *choices(state, q, fb, p.chosen, sz),
    ]
    if fb is not None:
        out += feedback(state, q, fb, sz, quiz.index + 1 >= len(quiz.questions))
    return ft.Column(out, spacing=10)
