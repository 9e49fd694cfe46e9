"""The first-officer checklist and the situation picker. No flet import.

Ticks are time-stamped in the preferences (they survive a restart) and logged in the
open incident; a tick gives a light haptic tick where the phone has one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from app.guide import query
from app.guide.model import Checklist, Guide, Item, Situation
from app.i18n import text as t
from app.prefs import Prefs
from app.ui.state.device import Device
from app.ui.state.ui import Ui


class ChecklistPart:
    def __init__(self, guide: Guide, prefs: Prefs, ui: Ui, record: Callable[..., object],
                 now: Callable[[], datetime], device: Device) -> None:
        self.guide, self.prefs, self.ui, self.device = guide, prefs, ui, device
        self.record, self.now = record, now

    def lists(self) -> list[tuple[Checklist, list[Item]]]:
        """Every checklist with its items that fit the chosen situation."""
        return [(cl, query.checklist_items(cl, self.prefs.situation))
                for cl in sorted(self.guide.checklists, key=lambda c: (c.order, c.id))]

    def progress(self) -> tuple[int, int]:
        done = total = 0
        for cl, items in self.lists():
            for i in items:
                if i.tick:
                    total += 1
                    done += f"{cl.id}/{i.id}" in self.prefs.checklist
        return done, total

    def ticked(self) -> list[tuple[str, datetime, Item]]:
        """Every tick of every checklist, oldest first: (key, time, item)."""
        out = []
        for cl in self.guide.checklists:
            for item in cl.items:
                at = _time(self.prefs.checklist.get(key := f"{cl.id}/{item.id}"))
                if at is not None:
                    out.append((key, at, item))
        return sorted(out, key=lambda row: row[1])

    def start_over(self) -> None:
        """A new call: no item ticked (the closed incident's log keeps the ticks)."""
        self.prefs.checklist.clear()

    def tick_time(self, checklist_id: str, item_id: str) -> str | None:
        return self.prefs.checklist.get(f"{checklist_id}/{item_id}")

    def tick(self, checklist_id: str, item: Item) -> None:
        key = f"{checklist_id}/{item.id}"
        if key in self.prefs.checklist:
            del self.prefs.checklist[key]
            self.record("note", t("log_unticked", text=item.text))
        else:
            self.prefs.checklist[key] = self.now().isoformat(timespec="seconds")
            self.record("checklist_tick", item.text, item=key)
        self.device.tick()
        self.ui.changed(save=True)

    def toggle_section(self, checklist_id: str, section: str) -> None:
        key = f"{checklist_id}/{section}"
        c = self.prefs.collapsed
        if key in c:
            c.remove(key)
        else:
            c.append(key)
        self.ui.changed(save=True)

    def is_collapsed(self, checklist_id: str, section: str) -> bool:
        return f"{checklist_id}/{section}" in self.prefs.collapsed


def _time(iso: str | None) -> datetime | None:
    """A tick's stored time; None when absent or unreadable (prefs survive hand edits)."""
    try:
        at = datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None
    return at if at is None or at.tzinfo else at.replace(tzinfo=UTC)


class SituationsPart:
    def __init__(self, guide: Guide, prefs: Prefs, ui: Ui,
                 chosen: Callable[[Situation], object] = lambda s: None) -> None:
        self.guide, self.prefs, self.ui = guide, prefs, ui
        self.chosen = chosen  # told of a situation picked (the open incident takes it)
        self.preview: str | None = None  # shown from a search hit, not chosen

    def get(self, sid: str | None = None) -> Situation | None:
        sid = sid or self.prefs.situation
        return next((s for s in self.guide.situations if s.id == sid), None)

    def choose(self, sid: str | None) -> None:
        self.prefs.situation = sid
        self.preview = None
        if (sit := self.get(sid) if sid else None) is not None:
            self.chosen(sit)
        self.ui.changed(save=True)
