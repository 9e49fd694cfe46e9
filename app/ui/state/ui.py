"""What every part of the app state shares: the saved preferences, the one-line answer to
the last action, errors beside their fields, the open dialog, banners, and the change
signal that re-renders the screen. No flet import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app import prefs as prefs_mod
from app.drafts import Drafts
from app.i18n import text as t
from app.terminal import terminal_safe

Listener = Callable[[], None]


class PrefsStore:
    """The officer's preferences and where they are saved."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.value, self.problem = prefs_mod.load(self.data_dir)

    def save(self) -> str | None:
        """Write them; a refusal comes back as one sentence (never raises OSError)."""
        try:
            prefs_mod.save(self.data_dir, self.value)
        except OSError as exc:
            return t("prefs_not_saved", reason=exc.strerror or exc)
        return None


class Ui:
    """Feedback and change notification shared by the parts; views only read it."""

    def __init__(self, store: PrefsStore) -> None:
        self.store = store
        self.message = None  # one sentence answering the last action
        self.errors: dict[str, str] = {}  # field label -> the error shown beside it
        self.dialog: str | None = None  # "start" | "override" | "amend" | "close" | ...
        self.drafts = Drafts(store.data_dir)  # typed, not saved yet (app/drafts.py)
        # damaged files found on the way in, said as banners
        self.notices: list[str] = [p for p in (store.problem, self.drafts.problem) if p]
        self.opened: set[str] = set()  # banners shown whole (the rest: their first lines)
        self.version = 0
        self.page_turn = 0  # bumped by `turn_page`: the screen opens at its top again
        self._listeners: list[Listener] = []

    @property
    def message(self) -> str | None:
        return self._message

    @message.setter
    def message(self, value: str | None) -> None:
        """Kept as it will show: a path, a file name or an id in it with a control character
        or half a character shows them as escapes (app/terminal.py), on every screen."""
        self._message = None if value is None else terminal_safe(value)

    def subscribe(self, fn: Listener) -> Callable[[], None]:
        self._listeners.append(fn)

        def dispose() -> None:
            if fn in self._listeners:
                self._listeners.remove(fn)

        return dispose

    def changed(self, save: bool = False) -> None:
        """Save the preferences when asked, then tell the subscribers to re-render."""
        if save and (problem := self.store.save()):
            self.message = problem
        self.version += 1
        for fn in list(self._listeners):
            fn()

    def turn_page(self) -> None:
        """What the screen shows is new (the next question of a drill): show its top, not
        where the officer had scrolled to on the last one."""
        self.page_turn += 1
        self.changed()

    def say(self, message: str | None, save: bool = False) -> None:
        self.message = message
        self.changed(save)

    def error(self, field: str, message: str) -> None:
        """Show `message` beside the field labelled `field`."""
        self.errors[field] = message
        self.changed()

    def clear_error(self, field: str) -> None:
        """The officer changed the field: its error no longer stands (re-renders only when
        there was one, not at every keystroke)."""
        if self.errors.pop(field, None) is not None:
            self.changed()

    def ask(self, dialog: str) -> None:
        self.dialog = dialog
        self.message = None
        self.errors.clear()
        self.changed()

    def close_dialog(self) -> None:
        self.dialog = None
        self.errors.clear()
        self.changed()

    def tell_new(self, found: list[str], told: int) -> int:
        """Show the sentences of `found` after the first `told` as banners, each once (a
        log's or a history's warnings, which only grow); returns how many are told now."""
        told = min(told, len(found))  # a list started anew
        self.notices.extend(w for w in found[told:] if w not in self.notices)
        return len(found)

    def dismiss_notice(self, index: int) -> None:
        if 0 <= index < len(self.notices):
            self.opened.discard(self.notices.pop(index))
            self.changed()

    def toggle_notice(self, index: int) -> None:
        """Show a long banner whole, or only its first lines again."""
        if 0 <= index < len(self.notices):
            self.opened ^= {self.notices[index]}
            self.changed()

    def reset(self) -> None:
        """A new screen starts clean: no answer, no errors, no dialog."""
        self.message = None
        self.errors.clear()
        self.dialog = None
