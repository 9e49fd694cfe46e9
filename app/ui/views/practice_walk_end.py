"""The scenario walk's stairway meter and its end screen: the stage reached, how the
answers went, and what to review, each with a link to the skill's phrases and the stage.
"""

from __future__ import annotations

import flet as ft

from app.guide.model import ACCEPTABLE, BEST, HARMFUL
from app.i18n import text as t
from app.practice.walk import TOP
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import practice_common as pc

WORDS = {BEST: "grade_best", ACCEPTABLE: "grade_acceptable", HARMFUL: "grade_harmful"}


def meter(state, stage: int, position: float, sz: Sizes, caption: bool = True) -> ft.Control:
    """Five steps, the one reached filled and numbered; a bar for the climb within them.
    Read out as "Stairway meter: stage 2 of 5, Empathy"."""
    titles = {s.order: s.title for s in state.guide.stages}
    cells = []
    for n in range(1, TOP + 1):
        here = n == stage
        cells.append(c.step(n, n < stage, here, sz))
    name = titles.get(stage, "")
    caption_text = t("meter_stage_named", stage=stage, title=name) if name else \
        t("meter_stage", stage=stage)
    return ft.Semantics(label=L.walk_meter(stage, TOP, name), container=True, content=ft.Column([
        ft.Row(cells, alignment=ft.MainAxisAlignment.CENTER, wrap=True),
        ft.ProgressBar(value=(position - 1) / (TOP - 1), bar_height=8),
        *([ft.Text(caption_text, size=sz.fs(16),
                   weight=ft.FontWeight.BOLD, text_align=ft.TextAlign.CENTER)] if caption else []),
    ], spacing=6, horizontal_alignment=ft.CrossAxisAlignment.STRETCH))


def review_card(state, r, sz: Sizes) -> ft.Control:
    p = state.practice
    order = next((s.order for s in state.guide.stages if s.id == r.stage), None)
    links = []
    if r.skill:
        links.append(c.button(L.review_skill(r.skill_title or r.skill),
                              lambda e, k=r.skill: p.review_skill(k), ft.Icons.RECORD_VOICE_OVER))
    if order is not None:
        links.append(c.button(L.review_stage(order, r.stage_title),
                              lambda e, o=order: p.review_stage(o), ft.Icons.STAIRS_OUTLINED))
    return ft.Container(ft.Column([
        c.heading(r.skill_title or t("review_no_skill"), sz.fs, 3),
        c.para(t("they_said", line=r.line), sz.fs, 15, italic=True),
        pc.labelled(t("grade_yours", grade=t(WORDS[r.grade])), f"“{r.chosen}”", sz)
        if r.chosen and r.grade else c.para(t("review_missed"), sz.fs, 15),
        pc.labelled(t("best_answer"), f"“{r.best}”", sz),
        pc.labelled(t("word_why"), r.why, sz, 15),
        *links,
    ], spacing=6), padding=12, border_radius=12, border=ft.Border.all(1, ft.Colors.OUTLINE))


def summary(state, ws, sz: Sizes) -> list[ft.Control]:
    s = ws.summary()
    reached = t("walk_reached_named", stage=s.stage, title=s.stage_title) if s.stage_title \
        else t("walk_reached", stage=s.stage)
    counts = t("walk_counts", best=s.best, acceptable=s.acceptable, harmful=s.harmful)
    out: list[ft.Control] = [
        c.heading(reached, sz.fs, 2),
        meter(state, s.stage, ws.walk.position, sz, caption=False),  # the heading says it
        c.para(counts + (" " + t("walk_missed", missed=s.missed) if s.missed else ""), sz.fs),
        c.heading(t("walk_review"), sz.fs),
    ]
    if not s.review:
        out.append(c.para(t("walk_review_none"), sz.fs))
    out += [review_card(state, r, sz) for r in s.review]
    out += pc.finish(state, sz)
    out.insert(-2, c.button(L.OTHER_SCENARIO, lambda e: state.practice.filter_scenarios(
        ws.walk.scenario.situation), ft.Icons.LIST))
    return out
