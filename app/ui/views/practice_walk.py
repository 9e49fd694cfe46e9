"""Scenario walk: pick a scenario (filtered by situation), then answer the person line by
line. A stairway meter climbs on good answers and drops a stage on a harmful one; after
each answer the grade, why, and the best answer; at the end the stage reached and what
to review (app.ui.views.practice_walk_end).
"""

from __future__ import annotations

import flet as ft

from app.guide.model import ACCEPTABLE, BEST, HARMFUL
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import practice_common as pc
from app.ui.views.practice_walk_end import meter, summary

WORDS = {BEST: "Best", ACCEPTABLE: "Acceptable", HARMFUL: "Harmful"}
GRADES = {  # grade -> (good for the verdict box, what it did to the meter)
    BEST: (True, "Best answer. The meter climbs."),
    ACCEPTABLE: (True, "Acceptable. The meter climbs a little."),
    HARMFUL: (False, "Harmful. The meter drops a stage."),
}


def picker(state, sz: Sizes) -> list[ft.Control]:
    p = state.practice
    here = p.walk_situation
    sits = p.walk_situations()
    out: list[ft.Control] = [
        c.para("Pick a scenario. Answer the person line by line; the meter shows how far up "
               "the stairway your answers take you.", sz.fs),
        c.heading("Situation", sz.fs, 3),
        c.wrap_row([c.choice(L.scenario_filter(None), lambda e: p.filter_scenarios(None),
                             here is None, text="All")]
                   + [c.choice(L.scenario_filter(s.title), lambda e, s=s: p.filter_scenarios(s.id),
                               here == s.id, text=s.title) for s in sits]),
    ]
    if state.ui.message:
        out.append(c.field_error(state.ui.message, sz.fs))
    titles = {s.id: s.title for s in state.guide.situations}
    found = p.scenarios()
    if not found:
        out.append(c.para("No practice scenario loaded for this situation.", sz.fs))
    for sc in found:
        out.append(ft.Column([
            c.button(L.scenario(sc.title), lambda e, i=sc.id: p.open_scenario(i),
                     ft.Icons.PLAY_ARROW, text=sc.title),
            c.para(f"{titles.get(sc.situation, sc.situation)} · {len(sc.turns)} lines", sz.fs, 14,
                   color=ft.Colors.ON_SURFACE_VARIANT),
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
        word = WORDS[a.grade] + (" (your answer)" if picked else "")
        out.append(pc.answered(mark, word, a.text, sz, strong=picked))
    return out


def feedback(state, pick, sz: Sizes, last: bool) -> list[ft.Control]:
    skills = {s.id: s.title for s in state.guide.skills}
    a = pick.answer
    if a is None:
        late = state.practice.chosen is not None
        head = ("After the 10 seconds: it counts as missed." if late else "Time is up.")
        out = [pc.verdict(None, f"{head} The meter stays where it was.", sz)]
    else:
        good, head = GRADES.get(a.grade, (False, a.grade))
        out = [pc.verdict(good, head, sz), pc.labelled("Why", a.why, sz)]
        if a.skill:
            out.append(pc.labelled("Skill", skills.get(a.skill, a.skill), sz))
    if a is None or a.grade != BEST:
        out += [pc.labelled("Best answer", f"“{pick.best.text}”", sz, 17),
                pc.labelled("Why", pick.best.why, sz)]
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
    out: list[ft.Control] = [
        c.heading(walk.scenario.title, sz.fs, 3),
        meter(state, walk.stage, walk.position, sz),
        pc.counter(f"Line {index + 1} of {len(walk.scenario.turns)}", sz),
    ]
    if index == 0 and walk.scenario.summary:
        out.append(c.para(walk.scenario.summary, sz.fs, 16))
    if p.waiting and p.is_timed:
        out.append(pc.Countdown(state, key=f"t{index}"))
    out += pc.said(turn.line, sz, turn.note)
    out += answers(state, walk.orders[index], pick, sz)
    if pick is not None:
        out += feedback(state, pick, sz, walk.done)
    return ft.Column(out, spacing=10)
