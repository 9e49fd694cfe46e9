"""Where a call stands, read back from its own log: the stage, the signs ticked at each
stage, the stages left by an override, and the checklist's ticks. No flet import.

The preferences keep where the current call stands; the log keeps every step of it. When
a call open in the log becomes the current call without the preferences having followed
it (they were damaged and reset, or it is opened from All incidents while another call
was current), the preferences hold another call's place, or none: the stairway showed
stage 1 while the log said stage 2. This replays the log's entries, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.guide.model import Guide


@dataclass
class Standing:
    stage: int = 1
    signs: dict[str, list[str]] = field(default_factory=dict)  # as Prefs.signs
    left_early: list[int] = field(default_factory=list)
    checklist: dict[str, str] = field(default_factory=dict)  # key -> ISO time, as Prefs


def stage_order(guide: Guide, stage: str | None) -> int | None:
    """A stage id as the log keeps it (or its number, for a stage that did not load)."""
    if not stage:
        return None
    for s in guide.stages:
        if s.id == stage:
            return s.order
    # only "1" to "5": "²" is a digit to isdigit() and not to int(), and an imported log's
    # field can hold anything its form allows
    return int(stage) if stage in ("1", "2", "3", "4", "5") else None


def replay(notes: Iterable[Any], guide: Guide) -> Standing:
    """Where the call stands after `notes` (the incident's entries, any order)."""
    out = Standing()
    early: int | None = None  # the stage an override just left
    left: set[int] = set()
    for n in sorted(notes, key=lambda n: n.seq):
        kind, order = str(n.kind), stage_order(guide, n.stage)
        if kind == "override" and order is not None:
            early = order
        elif kind == "stage_change" and order is not None:
            if order == out.stage + 1:  # moved up: with every sign, or by the override
                (left.add if early == out.stage else left.discard)(out.stage)
            out.stage, early = order, None
        elif kind in ("sign_tick", "sign_untick") and order is not None and n.item:
            now = out.signs.setdefault(str(order), [])
            if n.item in now:
                now.remove(n.item)
            if kind == "sign_tick":
                now.append(n.item)
        elif kind in ("checklist_tick", "checklist_untick") and n.item:
            out.checklist.pop(n.item, None)
            if kind == "checklist_tick":
                out.checklist[n.item] = n.at.isoformat(timespec="seconds")
    out.signs = {k: v for k, v in out.signs.items() if v}
    out.left_early = sorted(left)
    return out
