"""The stairway walkthrough: one stage at a time, gated by its "Move up when" signs."""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


def indicator(current: int, total: int, reading: int | None, sz: Sizes) -> ft.Control:
    """Five numbered steps; the current one filled, done ones ticked (not colour alone)."""
    cells = []
    for n in range(1, total + 1):
        done, here = n < current, n == current
        cells.append(
            ft.Container(
                ft.Text(
                    "✓" if done else str(n),
                    size=sz.fs(16),
                    weight=ft.FontWeight.BOLD if here else None,
                    color=ft.Colors.ON_PRIMARY if here else None,
                ),
                width=40,
                height=40,
                alignment=ft.Alignment.CENTER,
                border_radius=20,
                bgcolor=ft.Colors.PRIMARY if here else None,
                border=ft.Border.all(3 if n == reading else 1, ft.Colors.OUTLINE),
            )
        )
    return ft.Semantics(
        label=L.stage_indicator(current, total),
        content=ft.Row(cells, alignment=ft.MainAxisAlignment.CENTER, wrap=True),
    )


@ft.component
def StairwayView(state):
    sz = Sizes(state.prefs.text_scale)
    total = state.total
    if total == 0:
        return c.para("No stages are loaded. See the message above.", sz.fs)
    order = state.read_stage or state.stage_no
    stage = state.stage(order)
    reading = state.read_stage is not None
    ticked = state.ticked_signs(order)
    if stage is None:
        return ft.Column([
            indicator(state.stage_no, total, state.read_stage, sz),
            c.heading(L.stage_indicator(order, total), sz.fs, 1),
            c.para("This stage did not load because its guide file has a problem. "
                   "Work it from training; move on with the override.", sz.fs),
            *([] if reading else controls(state, sz)),
        ], spacing=10)
    head = [
        indicator(state.stage_no, total, state.read_stage, sz),
        c.heading(f"{L.stage_indicator(order, total)}: {stage.title}", sz.fs, 1),
    ]
    if reading:
        head.append(
            ft.Container(
                ft.Column(
                    [
                        c.para(
                            f"You are reading ahead. You are working stage {state.stage_no}.",
                            sz.fs,
                        ),
                        c.button(L.nav("stairway"), lambda e: state.read(None),
                                 text="Back to my stage"),
                    ]
                ),
                bgcolor=ft.Colors.PRIMARY_CONTAINER,
                padding=12,
                border_radius=12,
            )
        )
    body = [
        c.para(stage.purpose, sz.fs, 17),
        c.heading("What to do", sz.fs),
        c.bullets(stage.do, sz.fs),
        c.heading(f"Move up when ({len(ticked & {s.id for s in stage.signs})}"
                  f"/{len(stage.signs)})", sz.fs),
        *[
            c.check_row(L.sign(s.text), s.text, s.id in ticked,
                        lambda v, s=s: state.tick_sign(s.id, v), sz.fs, disabled=reading)
            for s in stage.signs
        ],
        c.heading("Step back if", sz.fs),
        c.bullets(stage.warnings, sz.fs, ft.Icons.WARNING_AMBER),
    ]
    return ft.Column([*head, *body, *([] if reading else controls(state, sz))], spacing=10)


def controls(state, sz: Sizes) -> list[ft.Control]:
    out = []
    if state.message:
        out.append(c.para(state.message, sz.fs, color=ft.Colors.ERROR))
    if not state.at_top:
        out.append(
            c.button(L.MOVE_UP, lambda e: state.move_up(), ft.Icons.ARROW_UPWARD,
                     primary=True, disabled=not state.can_move_up)
        )
        if not state.can_move_up:
            out.append(c.para("Tick every sign above to move up, or move up with a reason.",
                              sz.fs, 14))
            out.append(c.button(L.OVERRIDE, lambda e: state.open_override(),
                                ft.Icons.WARNING_AMBER))
    else:
        out.append(c.para("This is the top stage. Keep working it; step back if needed.", sz.fs))
    if state.stage_no > 1:
        out.append(c.button(L.STEP_BACK, lambda e: state.step_back(), ft.Icons.ARROW_DOWNWARD))
    if state.overrides:
        last = state.overrides[-1]
        out.append(c.para(f"Override recorded: stage {last.from_stage} to {last.to_stage}, "
                          f"because: {last.reason}", sz.fs, 14, italic=True))
    return out
