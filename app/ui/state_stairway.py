"""The stairway half of the app state: the current stage, its signs, moving up and back.

Mixed into `AppState`; no flet import. The stairway is worked in order: "Move up" needs
every "Move up when" sign of the stage ticked, or an override with a reason, which is
kept in `overrides` and logged. A stage whose file did not load has no signs to tick, so
only the override moves past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.guide import query
from app.guide.model import Stage

STAGES = 5  # the Behavioral Change Stairway has five steps


@dataclass(frozen=True)
class Override:
    at: datetime
    from_stage: int
    to_stage: int
    reason: str


class StairwayState:
    """Needs from the host class: `guide`, `prefs`, `message`, `dialog`, `log_note`,
    `now`, `_changed`."""

    def __init__(self) -> None:
        self.stages: tuple[Stage, ...] = tuple(sorted(self.guide.stages, key=lambda s: s.order))
        self.total = STAGES if self.stages else 0
        if not 1 <= self.prefs.stage <= max(self.total, 1):
            self.prefs.stage = 1
        self.override_error: str | None = None
        self.overrides: list[Override] = []
        self.read_stage: int | None = None  # a stage opened from search, read-only

    @property
    def stage_no(self) -> int:
        return self.prefs.stage

    def stage(self, order: int | None = None) -> Stage | None:
        """The stage with this number (default: the current one); None if it did not load."""
        return query.stage(self.guide, order or self.prefs.stage)

    def ticked_signs(self, order: int | None = None) -> set[str]:
        return set(self.prefs.signs.get(str(order or self.prefs.stage), []))

    def tick_sign(self, sign_id: str, ticked: bool | None = None) -> None:
        key = str(self.prefs.stage)
        now = set(self.prefs.signs.get(key, []))
        ticked = (sign_id not in now) if ticked is None else ticked
        now = now | {sign_id} if ticked else now - {sign_id}
        stage = self.stage()
        order = [s.id for s in stage.signs] if stage else sorted(now)
        self.prefs.signs[key] = [i for i in order if i in now]
        self._changed(save=True)

    @property
    def all_signs_ticked(self) -> bool:
        stage = self.stage()
        return stage is not None and {s.id for s in stage.signs} <= self.ticked_signs()

    @property
    def at_top(self) -> bool:
        return self.prefs.stage >= self.total

    @property
    def can_move_up(self) -> bool:
        return not self.at_top and self.all_signs_ticked

    def move_up(self) -> bool:
        """Go to the next stage; refused until every "Move up when" sign is ticked."""
        if not self.can_move_up:
            self.message = "Tick every sign first, or move up with a reason."
            self._changed()
            return False
        self._set_stage(self.prefs.stage + 1, "Moved up")
        return True

    def open_override(self) -> None:
        if not self.at_top:
            self.dialog = "override"
            self.override_error = None
            self._changed()

    def override(self, reason: str) -> bool:
        """Move up without all the signs: needs a reason, which is logged and kept."""
        reason = (reason or "").strip()
        if self.at_top:
            return False
        if not reason:
            self.override_error = "Write why you move up before the signs are there."
            self._changed()
            return False
        frm, to = self.prefs.stage, self.prefs.stage + 1
        self.overrides.append(Override(self.now(), frm, to, reason))
        self.log_note(
            "override", f"Moved up from stage {frm} to {to} without all signs: {reason}"
        )
        self.dialog = None
        self.override_error = None
        self._set_stage(to, "Moved up (override)")
        return True

    def step_back(self) -> bool:
        if self.prefs.stage <= 1:
            return False
        self._set_stage(self.prefs.stage - 1, "Stepped back")
        return True

    def _set_stage(self, order: int, verb: str) -> None:
        self.prefs.stage = order
        self.read_stage = None
        self.message = None
        stage = self.stage()
        title = stage.title if stage else str(order)
        self.log_note("stage_change", f"{verb} to stage {order}: {title}",
                      stage=stage.id if stage else str(order))
        self._changed(save=True)

    def read(self, order: int | None) -> None:
        """Show another stage read-only (from search) or return to the current one."""
        self.read_stage = None if order == self.prefs.stage else order
        self.screen = "stairway"
        self._changed()

