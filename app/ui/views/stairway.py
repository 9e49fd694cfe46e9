"""The stairway walkthrough: one stage at a time, gated by its "Move up when" signs."""

from __future__ import annotations

from collections.abc import Sequence

import flet as ft

from app.i18n import joined
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


def indicator(current: int, total: int, reading: int | None, sz: Sizes,
              early: Sequence[int] = ()) -> ft.Control:
    """Five numbered steps; the current one filled, done ones ticked (not colour alone), and
    those left without all their signs marked "!", with a line under the steps saying so."""
    cells = []
    for n in range(1, total + 1):
        done, here = n < current, n == current
        cells.append(c.step(n, done, here, sz, border=3 if n == reading else 1,
                            early=n in early))
    row = ft.Row(cells, alignment=ft.MainAxisAlignment.CENTER, wrap=True)
    if not early:  # heard as "Stage 2 of 5", not "Stage 2 of 5 1 2 3 4 5"
        return ft.Semantics(label=L.stage_indicator(current, total), container=True,
                            exclude_semantics=True, content=row)
    said = t("stage_passed_early" if len(early) == 1 else "stages_passed_early",
             stages=joined([str(n) for n in early]))
    return ft.Semantics(
        label=f"{L.stage_indicator(current, total)}. {said.lstrip('! ')}", container=True,
        exclude_semantics=True,
        content=ft.Column([row, c.para(said, sz.fs, 15, text_align=ft.TextAlign.CENTER)],
                          horizontal_alignment=ft.CrossAxisAlignment.CENTER, spacing=4))


@ft.component
def StairwayView(state):
    sz = Sizes(state.prefs.text_scale)
    st = state.stairway
    if st.total == 0:
        return c.para(L.STAIRWAY_NONE, sz.fs)
    order = st.read_stage or st.number
    stage = st.stage(order)
    reading = st.read_stage is not None
    head = [indicator(st.number, st.total, st.read_stage, sz, st.passed_early())]
    if stage is None:
        return ft.Column([
            *head,
            c.heading(L.stage_indicator(order, st.total), sz.fs, 1),
            c.para(L.STAIRWAY_STAGE_BROKEN, sz.fs),
            *([] if reading else controls(state, sz)),
        ], spacing=10)
    head.append(c.heading(f"{L.stage_indicator(order, st.total)}: {stage.title}", sz.fs, 1))
    if reading:
        head.append(ft.Container(
            ft.Column([
                c.para(t("reading_ahead" if order > st.number else "reading_back",
                         number=st.number), sz.fs),
                c.button(L.NAV_STAIRWAY, lambda e: state.nav.go("stairway"),
                         text=L.BACK_TO_MY_STAGE),
            ]),
            bgcolor=ft.Colors.PRIMARY_CONTAINER, padding=12, border_radius=12,
        ))
    ticked = st.ticked(order)
    body = [
        c.para(stage.purpose, sz.fs, 17),
        c.heading(L.WHAT_TO_DO, sz.fs),
        c.bullets(stage.do, sz.fs),
        c.heading(t("move_up_when", done=len(ticked & {s.id for s in stage.signs}),
                    total=len(stage.signs)), sz.fs),
        *[c.check_row(L.sign(s.text), s.text, s.id in ticked,
                      lambda v, s=s: st.tick_sign(s.id, v), sz.fs, disabled=reading,
                      caution=getattr(s, "caution", None))
          for s in stage.signs],
        *([] if reading else earlier_signs(st.earlier_signs(), sz)),
        # Move up right under its signs: after "Step back if" it sat screens down at 175%
        *([] if reading else controls(state, sz)),
        c.heading(L.STEP_BACK_IF, sz.fs),
        c.bullets(stage.warnings, sz.fs, ft.Icons.WARNING_AMBER),
    ]
    return ft.Column([*head, *body], spacing=10)


def earlier_signs(words: list[str], sz: Sizes) -> list[ft.Control]:
    """Signs ticked at this stage that a guide update reworded or dropped: shown, read-only,
    and not counted toward Move up (the officer ticks the new wording if it still holds)."""
    if not words:
        return []
    return [c.done_box([c.heading(t("signs_earlier_heading"), sz.fs, 3),
                        c.para(t("signs_earlier_why"), sz.fs, 14, italic=True)],
                       [(L.sign_earlier(w), w) for w in words], sz.fs, muted=True)]


def controls(state, sz: Sizes) -> list[ft.Control]:
    st = state.stairway
    out = []
    if state.ui.message:
        out.append(c.para(state.ui.message, sz.fs, color=ft.Colors.ERROR))
    if not st.at_top:
        ready = st.can_move_up
        left = st.signs_left()
        out.append(c.button(L.MOVE_UP, lambda e: st.move_up(), ft.Icons.ARROW_UPWARD,
                            primary=ready, text=L.move_up(0 if ready else left)))
        if error := state.ui.errors.get(L.MOVE_UP):
            out.append(c.field_error(error, sz.fs))
        if not ready:
            out.append(c.button(L.OVERRIDE, lambda e: st.open_override(),
                                ft.Icons.WARNING_AMBER))
    else:
        out.append(c.para(L.TOP_STAGE, sz.fs))
    if st.number > 1:
        out.append(c.button(L.STEP_BACK, lambda e: st.step_back(), ft.Icons.ARROW_DOWNWARD))
    if st.overrides:
        last = st.overrides[-1]
        out.append(c.para(t("override_recorded", from_stage=last.from_stage,
                            to_stage=last.to_stage, reason=last.reason), sz.fs, 14, italic=True))
    return out
