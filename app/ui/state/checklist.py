"""The first-officer checklist and the situation picker. No flet import.

Ticks are time-stamped in the preferences (they survive a restart) and logged in the
open incident; a tick gives a light haptic tick where the phone has one.

A tick is keyed by its item's id (the slug of its words), so a guide update that rewords or
drops a ticked item leaves the tick without an item. It is not lost: `earlier()` lists it in
the words it was ticked in, and the checklist shows it apart, as done and read-only (a stray
tap must not undo a step the new guide cannot tick again), until the call ends. A tick whose
words the new guide has in exactly one item (a checklist renamed, an item moved) follows
that item (`carry`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from app.guide import query
from app.guide.model import Checklist, Guide, Item, Situation
from app.prefs import Prefs
from app.ui.state.device import Device
from app.ui.state.replay import Standing
from app.ui.state.ui import Ui

EARLIER = ":earlier"  # the fold of the earlier ticks' box in `collapsed` (no checklist id has ':')


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

    def _items(self) -> dict[str, Item]:
        """Every item of the guide by its tick key, whatever the situation."""
        return {f"{cl.id}/{i.id}": i for cl in self.guide.checklists for i in cl.items}

    def ticked(self, items: dict[str, Item] | None = None) -> list[tuple[str, datetime, str]]:
        """Every tick, the guide's items' and `earlier()`'s, oldest first: (key, time, words)."""
        items = self._items() if items is None else items
        out = []
        for key, iso in self.prefs.checklist.items():
            if (at := _time(iso)) is not None:
                out.append((key, at, items[key].text if key in items else self._words(key)))
        return sorted(out, key=lambda row: row[1])

    def earlier(self) -> list[tuple[str, datetime, str]]:
        """Ticks whose item the guide no longer has to tick (an update reworded or dropped
        it, or made it a reminder), oldest first: (key, time, the words it was ticked in)."""
        items = self._items()
        return [row for row in self.ticked(items) if row[0] not in items or not items[row[0]].tick]

    def carry(self) -> bool:
        """Move each `earlier()` tick whose words the guide has in exactly one tickable item,
        not ticked yet, to that item (its time kept). Words are never guessed: a tick saved
        without them stays apart. True if any moved (the caller saves)."""
        by_words: dict[str, list[str]] = {}
        for key, item in self._items().items():
            if item.tick:
                by_words.setdefault(_norm(item.text), []).append(key)
        moved = False
        for key, _at, _w in self.earlier():
            words = self.prefs.tick_texts.get(key)
            found = by_words.get(_norm(words), []) if words else []
            if len(found) == 1 and found[0] not in self.prefs.checklist:
                self.prefs.checklist[found[0]] = self.prefs.checklist.pop(key)
                self.prefs.tick_texts[found[0]] = self.prefs.tick_texts.pop(key)
                moved = True
        return moved

    def toggle_earlier(self) -> None:
        """Fold or unfold the box of `earlier()` ticks (it can fill a small screen)."""
        self.toggle_section("", EARLIER)

    def earlier_folded(self) -> bool:
        return self.is_collapsed("", EARLIER)

    def _words(self, key: str) -> str:
        return self.prefs.tick_texts.get(key) or words_of(key)

    def start_over(self) -> None:
        """A new call: no item ticked (the closed incident's log keeps the ticks)."""
        self.prefs.checklist.clear()
        self.prefs.tick_texts.clear()
        if self.earlier_folded():  # the next call's box starts open
            self.prefs.collapsed.remove(_fold("", EARLIER))

    def take_up(self, standing: Standing) -> None:
        """The ticks a call's log says it has (app/ui/state/replay.py), with their times."""
        items = self._items()
        self.prefs.checklist = dict(standing.checklist)
        self.prefs.tick_texts = {k: items[k].text for k in standing.checklist if k in items}

    def tick_time(self, checklist_id: str, item_id: str) -> str | None:
        return self.prefs.checklist.get(f"{checklist_id}/{item_id}")

    def tick(self, checklist_id: str, item: Item) -> None:
        key = f"{checklist_id}/{item.id}"
        if key in self.prefs.checklist:
            del self.prefs.checklist[key]
            self.prefs.tick_texts.pop(key, None)
            self.record("checklist_untick", item.text, item=key)
        else:
            self.prefs.checklist[key] = self.now().isoformat(timespec="seconds")
            self.prefs.tick_texts[key] = item.text
            self.record("checklist_tick", item.text, item=key)
        self.device.tick()
        self.ui.changed(save=True)

    def toggle_section(self, checklist_id: str, section: str) -> None:
        key = _fold(checklist_id, section)
        c = self.prefs.collapsed
        if key in c:
            c.remove(key)
        else:
            c.append(key)
        self.ui.changed(save=True)

    def is_collapsed(self, checklist_id: str, section: str) -> bool:
        return _fold(checklist_id, section) in self.prefs.collapsed


def _fold(checklist_id: str, section: str) -> str:
    """A folded section's entry in `Prefs.collapsed`."""
    return f"{checklist_id}/{section}"


def words_of(key: str) -> str:
    """A tick saved without its words: its id read back as words
    ("first-officer/set-the-inner-perimeter-2" -> "Set the inner perimeter")."""
    words = re.sub(r"-\d+$", "", key.rpartition("/")[2]).replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else key


def _norm(words: str) -> str:
    return " ".join(words.split()).casefold()


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
