"""The stairway: the current stage, its signs, moving up and back. No flet import.

The stairway is worked in order: "Move up" needs every "Move up when" sign of the stage
ticked, or an override with a reason, which is kept in `overrides` and logged. A stage
whose file did not load has no signs to tick, so only the override moves past it. A
refused move says why right beside the button (how many signs are left, and the
override), never silently. A ticked sign that a guide update rewords or drops stays in the
preferences and is shown apart in its words (`earlier_signs`), counting for nothing: the new
wording is ticked afresh if it still holds. Ticking a sign, and unticking it, is logged in the
open incident in the sign's words, so the handover shows what the move up rested on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.guide import query
from app.guide.model import Guide, Item, Stage
from app.i18n import text as t
from app.prefs import Prefs
from app.ui import labels as L
from app.ui.state.checklist import words_of
from app.ui.state.device import Device
from app.ui.state.replay import Standing
from app.ui.state.ui import Ui

STAGES = 5  # the Behavioral Change Stairway has five steps


@dataclass(frozen=True)
class Override:
    at: datetime
    from_stage: int
    to_stage: int
    reason: str


class StairwayPart:
    def __init__(self, guide: Guide, prefs: Prefs, ui: Ui, record: Callable[..., object],
                 now: Callable[[], datetime], device: Device) -> None:
        self.guide, self.prefs, self.ui, self.device = guide, prefs, ui, device
        self.record = record  # logs a note in the open incident, if any
        self.now = now
        if not 1 <= self.prefs.stage <= max(self.total, 1):
            self.prefs.stage = 1
        self.overrides: list[Override] = []
        self.read_stage: int | None = None  # a stage opened read-only (from search)

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The stages that loaded, in order (read from the guide: it can be swapped)."""
        return tuple(sorted(self.guide.stages, key=lambda s: s.order))

    @property
    def total(self) -> int:
        return STAGES if self.guide.stages else 0

    @property
    def number(self) -> int:
        return self.prefs.stage

    def stage(self, order: int | None = None) -> Stage | None:
        """The stage with this number (default: the current one); None if it did not load."""
        return query.stage(self.guide, order or self.prefs.stage)

    def ticked(self, order: int | None = None) -> set[str]:
        return set(self.prefs.signs.get(str(order or self.prefs.stage), []))

    def passed_early(self) -> list[int]:
        """The stages below this one left by an override, before every sign was seen (a
        stage that did not load is left only so): the stepper must not show them as done.
        Kept in the preferences when the move is made, not worked out from the signs ticked
        now: after a switch to a guide in another language, whose signs are new to the
        ticks, stages left with every sign seen were marked as rushed."""
        left = self.prefs.left_early
        if left is None:  # preferences from before it was kept
            return [order for order in range(1, self.number)
                    if not self.signs_all_ticked(order)]
        return [order for order in left if order < self.number]

    def signs_all_ticked(self, order: int | None = None) -> bool:
        """Every "Move up when" sign of the stage ticked; False for a stage that did not
        load."""
        stage = self.stage(order)
        return stage is not None and {s.id for s in stage.signs} <= self.ticked(order)

    def signs_left(self) -> int:
        stage = self.stage()
        return len({s.id for s in stage.signs} - self.ticked()) if stage else 0

    def earlier_signs(self) -> list[str]:
        """The words of signs ticked at this stage that its guide no longer has (an update
        reworded or dropped them): shown apart, not counted toward Move up."""
        stage = self.stage()
        if stage is None:
            return []
        have = {s.id for s in stage.signs}
        key = str(self.prefs.stage)
        return [self.prefs.sign_texts.get(f"{key}/{i}") or words_of(i)
                for i in self.prefs.signs.get(key, []) if i not in have]

    def signs_ticked(self) -> list[tuple[Stage, Item]]:
        """The ticked signs the guide has, stage by stage in the stage's order."""
        return [(stage, sign) for stage in self.stages for sign in stage.signs
                if sign.id in self.ticked(stage.order)]

    def tick_sign(self, sign_id: str, ticked: bool | None = None) -> None:
        key = str(self.prefs.stage)
        was = self.prefs.signs.get(key, [])
        now = set(was)
        ticked = (sign_id not in now) if ticked is None else ticked
        now = now | {sign_id} if ticked else now - {sign_id}
        stage = self.stage()
        order = [s.id for s in stage.signs] if stage else sorted(now)
        # the stage's order, then ticks of signs an update took away (kept: earlier_signs)
        order += [i for i in was if i not in order]
        self.prefs.signs[key] = [i for i in order if i in now]
        sign = next((s for s in stage.signs if s.id == sign_id), None) if stage else None
        text = sign.text if sign else None
        if ticked and text:
            self.prefs.sign_texts[f"{key}/{sign_id}"] = text
        elif not ticked:
            self.prefs.sign_texts.pop(f"{key}/{sign_id}", None)
        if text and ticked != (sign_id in was):  # logged, as a checklist tick is
            self.record("sign_tick" if ticked else "sign_untick",
                        said_sign("log_sign", stage, sign), stage=stage.id, item=sign_id)
        self.ui.errors.pop(L.MOVE_UP, None)
        self.device.tick()
        self.ui.changed(save=True)

    @property
    def at_top(self) -> bool:
        return self.prefs.stage >= self.total

    @property
    def can_move_up(self) -> bool:
        return not self.at_top and self.signs_all_ticked()

    def refusal(self) -> str:
        """Why Move up does not move yet, in one sentence."""
        if self.stage() is None:
            return L.REFUSAL_NO_STAGE
        left = self.signs_left()
        return L.REFUSAL_ONE if left == 1 else t("refusal_many", n=left)

    def move_up(self) -> bool:
        """Go to the next stage; refused, with the reason beside the button, until every
        "Move up when" sign is ticked."""
        if self.at_top:
            return False
        if not self.can_move_up:
            self.ui.error(L.MOVE_UP, self.refusal())
            return False
        self._left(early=False)
        self._set(self.prefs.stage + 1, "log_moved_up")
        return True

    def _left(self, early: bool) -> None:
        """Keep whether the current stage is left before every sign was seen."""
        left = set(self.passed_early() if self.prefs.left_early is None
                   else self.prefs.left_early)
        order = self.prefs.stage
        self.prefs.left_early = sorted(left | {order} if early else left - {order})

    def open_override(self) -> None:
        if not self.at_top:
            self.ui.ask("override")

    def override_intro(self) -> tuple[str, str]:
        """What the override form says above its reason field (that the move is recorded,
        and which stage it leaves for which) and below its buttons (the signs not ticked
        yet, which at the largest text would push the field off a small phone)."""
        frm, to = self.stage(), self.stage(self.prefs.stage + 1)
        ticked = self.ticked()
        move = t("override_move", from_stage=self.prefs.stage, to_stage=self.prefs.stage + 1,
                 from_title=frm.title if frm else "-", to_title=to.title if to else "-")
        missing = [f"• {s.text}" for s in frm.signs if s.id not in ticked] if frm else []
        if missing:  # the list is below the buttons: say above them that it is there
            move = f"{move} {t('override_unticked_below', n=len(missing))}"
        return (f"{L.OVERRIDE_INTRO}\n\n{move}",
                "\n".join([L.OVERRIDE_NOT_SEEN, *missing]) if missing else "")

    def override(self, reason: str) -> bool:
        """Move up without all the signs: needs a reason, which is logged and kept."""
        reason = (reason or "").strip()
        if self.at_top:
            return False
        if not reason:
            self.ui.error(L.OVERRIDE_REASON, L.OVERRIDE_NO_REASON)
            return False
        frm, to = self.prefs.stage, self.prefs.stage + 1
        self.overrides.append(Override(self.now(), frm, to, reason))
        stage, ticked = self.stage(), self.ticked()
        missing = [s.text.rstrip(" .") for s in stage.signs if s.id not in ticked] if stage else []
        said = t("log_override_missing", from_stage=frm, to_stage=to, reason=reason,
                 ticked=len(stage.signs) - len(missing), total=len(stage.signs),
                 missing="; ".join(missing)) if missing \
            else t("log_override", from_stage=frm, to_stage=to, reason=reason)
        self.record("override", said, stage=stage.id if stage else str(frm))  # the one left
        self.ui.dialog = None
        self._left(early=True)
        self._set(to, "log_moved_up_override")
        return True

    def step_back(self) -> bool:
        if self.prefs.stage <= 1:
            return False
        self._set(self.prefs.stage - 1, "log_stepped_back")
        return True

    def start_over(self) -> None:
        """A new call: stage 1, no sign ticked, no override (the closed incident's log
        keeps them). Not logged: no incident is open."""
        self.prefs.stage = 1
        self.prefs.signs.clear()
        self.prefs.sign_texts.clear()
        self.prefs.left_early = []
        self.overrides.clear()
        self.read_stage = None

    def take_up(self, standing: Standing) -> None:
        """Stand where a call's log says it stands (app/ui/state/replay.py): its stage, its
        signs (in the guide's words where it has them) and the stages it left early."""
        self.prefs.stage = standing.stage if 1 <= standing.stage <= max(self.total, 1) else 1
        self.prefs.signs = {k: list(v) for k, v in standing.signs.items()}
        self.prefs.sign_texts = {
            f"{stage.order}/{sign.id}": sign.text for stage, sign in self.signs_ticked()}
        self.prefs.left_early = list(standing.left_early)
        self.overrides.clear()
        self.read_stage = None

    def _set(self, order: int, what: str) -> None:
        """Go to stage `order`; `what` is the catalogue key of the log line."""
        self.prefs.stage = order
        self.read_stage = None
        self.ui.message = None
        self.ui.errors.clear()
        stage = self.stage()
        title = stage.title if stage else str(order)
        self.record("stage_change", t(what, order=order, title=title),
                    stage=stage.id if stage else str(order))
        self.device.tick()
        self.ui.changed(save=True)


def said_sign(key: str, stage: Stage, sign: Item) -> str:
    """A sign as the incident log says it: its stage, its words and its caution, which a
    negotiator reading the handover must see with it ("calm can mean they have decided")."""
    said = t(key, order=stage.order, title=stage.title, text=sign.text)
    return f"{said} {t('log_caution', text=sign.caution)}" if sign.caution else said
