"""Scenario walk: pick a scenario (filtered by situation), then answer the person line by
line. A stairway meter climbs on good answers and drops a stage on a harmful one; after
each answer the grade, why, and the best answer; at the end the stage reached and what
to review (app.ui.views.practice_walk_end).
"""

from __future__ import annotations

import flet as ft

from app.guide.model import ACCEPTABLE, BEST, HARMFUL
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import practice_common as pc
from app.ui.views.practice_walk_end import WORDS, meter, summary

GRADES = {  # grade -> (good for the verdict box, what it did to the meter: a catalogue key)
    BEST: (True, "walk_best"),
    ACCEPTABLE: (True, "walk_acceptable"),
    HARMFUL: (False, "walk_harmful"),
}


def picker(state, sz: Sizes) -> list[ft.Control]:
    p = state.practice
    here = p.walk_situation
    sits = p.walk_situations()
    out: list[ft.Control] = [
        c.para(t("walk_intro"), sz.fs),
        c.heading(t("walk_situation"), sz.fs, 3),
        c.wrap_row([c.choice(L.scenario_filter(None), lambda e: p.filter_scenarios(None),
                             here is None, text=t("walk_all"))]
                   + [c.choice(L.scenario_filter(s.title), lambda e, s=s: p.filter_scenarios(s.id),
                               here == s.id, text=s.title) for s in sits]),
    ]
    if state.ui.message:
        out.append(c.field_error(state.ui.message, sz.fs))
    titles = {s.id: s.title for s in state.guide.situations}
    found = p.scenarios()
    if not found:
        out.append(c.para(t("walk_none"), sz.fs))
    for sc in found:
        out.append(ft.Column([
            c.button(L.scenario(sc.title), lambda e, i=sc.id: p.open_scenario(i),
                     ft.Icons.PLAY_ARROW, text=sc.title),
            c.para(t("walk_lines", situation=titles.get(sc.situation, sc.situation),
                     n=len(sc.turns)), sz.fs, 14, color=ft.Colors.ON_SURFACE_VARIANT),
        ], spacing=2))
    return out


def answers(state, order, pick, sz: Sizes) -> list[ft.Control]:
    if pick is None:
        return [pc.stretch([c.button(L.walk_answer(a.text),
                                     lambda e, i=i: state.practice.choose(i), text=a.text)
                            for i, a in enumerate(order)])]
    out = []
    for i, a in enumerate(order):  # after the pick: each answer with its grade
        picked = state.practice.chosen == i
        mark = "right" if a.grade == BEST else "wrong" if picked and a.grade == HARMFUL else None
        word = t(WORDS[a.grade])
        word = t("grade_yours", grade=word) if picked else word
        out.append(pc.answered(mark, word, a.text, sz, strong=picked))
    return out


def feedback(state, pick, sz: Sizes, last: bool) -> list[ft.Control]:
    skills = {s.id: s.title for s in state.guide.skills}
    a = pick.answer
    if a is None:
        late = state.practice.chosen is not None
        out = [pc.verdict(None, t("walk_late" if late else "walk_timeout"), sz)]
    else:
        good, head = GRADES[a.grade]
        if a.grade == HARMFUL and pick.stage_before == 1:  # no stage below to drop to
            head = "walk_harmful_floor"
        out = [pc.verdict(good, t(head), sz), pc.labelled(t("word_why"), a.why, sz)]
        if a.skill:
            out.append(pc.labelled(t("word_skill"), skills.get(a.skill, a.skill), sz))
    if a is None or a.grade != BEST:
        out += [pc.labelled(t("best_answer"), f"“{pick.best.text}”", sz, 17),
                pc.labelled(t("word_why"), pick.best.why, sz)]
    return out + pc.onward(state, sz, L.SEE_RESULT if last else L.NEXT_LINE)


@ft.component
def WalkView(state):
    sz = Sizes(state.prefs.text_scale)
    p = state.practice
    ws = p.walk
    if ws is None or ws.walk is None:
        return ft.Column(picker(state, sz), spacing=10)
    walk = ws.walk
    pick = p.last
    if pick is None and walk.done:
        return ft.Column(summary(state, ws, sz), spacing=10)
    index = pick.turn if pick is not None else walk.index
    turn = walk.scenario.turns[index]
    stairway = [c.heading(walk.scenario.title, sz.fs, 3),
                meter(state, walk.stage, walk.position, sz)]
    count = pc.counter(t("line_count", n=index + 1, total=len(walk.scenario.turns)), sz)
    out: list[ft.Control] = [*stairway, count]
    if p.held:  # timed: the scene first, then the clock and the first line
        return ft.Column([*out, c.para(walk.scenario.summary, sz.fs, 16),
                          c.button(L.START_CLOCK, lambda e: p.begin(), ft.Icons.TIMER,
                                   primary=True)], spacing=10)
    if index == 0 and walk.scenario.summary and not p.is_timed:
        out.append(c.para(walk.scenario.summary, sz.fs, 16))
    line = [*pc.said(turn.line, sz, turn.note), *answers(state, walk.orders[index], pick, sz)]
    if p.waiting and p.is_timed:  # the clock, the line and the answers first, in view
        out = [count, pc.Countdown(state, key=f"t{index}"), *line, *stairway]
    else:
        out += line
    if pick is not None:
        out += feedback(state, pick, sz, walk.done)
    return ft.Column(out, spacing=10)
