"""Settings > Guide and About: which guide is shown, importing a pack, going back.

No flet import. The guide itself is process-wide (`app.ui.state.hub.GuideHub`); this part
is one page's view of it: the preview waiting for Apply, the last refusal, the question
being asked, and the banners the guide brings (a damaged stored pack, missing guidance,
live-preview problems). Every PackError is shown as its one sentence, with its details
(content problems as `path:line: message`) in a list; nothing changes when one is raised.
A refusal quotes what came from the file (its names, the picked file's name, the disk's
words): every control character, line break and text-direction mark in it is shown as an
escape (`terminal_safe`, as a command prints it), never acted on by the screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.i18n import text as t
from app.packs import PackError, PackPreview, TrustedKey
from app.terminal import lines_of, terminal_safe
from app.ui import labels as L
from app.ui.state.hub import GuideHub, Origin, Shown
from app.ui.state.ui import Ui

OLDER, ROLLBACK, BUILTIN = "older", "rollback", "builtin"  # what `confirm` asks about


@dataclass(frozen=True)
class Refusal:
    """Why the last pack action did nothing: one sentence, and the lines behind it."""

    message: str
    details: tuple[str, ...] = ()
    code: str = ""  # the PackError code ("" for a pick or upload that failed)


def made(created: str) -> str:
    """A manifest's `created` ("2026-11-26T15:05:38Z") as "2026-11-26 15:05 UTC"."""
    try:
        at = datetime.fromisoformat(created.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return str(created)
    if at.utcoffset() is None:
        return f"{at:%Y-%m-%d %H:%M}"
    return f"{at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def problems_banner(lines: tuple[str, ...]) -> str:
    """The live-preview banner: what is wrong, one `path:line: message` per line (a line
    break inside one, from a file's name or text, shown as an escape: app/terminal.py)."""
    n = len(lines)
    head = t("guide_edit_problem") if n == 1 else t("guide_edit_problems", n=n)
    return lines_of([head, *lines])


class GuidePart:
    def __init__(self, hub: GuideHub | None, ui: Ui) -> None:
        self.hub, self.ui = hub, ui
        self.preview: PackPreview | None = None  # checked and staged, waiting for Apply
        self.refusal: Refusal | None = None
        self.confirm: str | None = None  # OLDER | ROLLBACK | BUILTIN while asked
        self.question = ""  # the sentence that asks it
        self.busy: str | None = None  # "Checking metro.stairway…" while a pack is read
        self.picker: Any = None  # the UI's file picker (app.ui.packpicker), set by app.py
        self._notices: list[str] = []  # the banners this part put in ui.notices

    # ---- what the screens read ----
    @property
    def shown(self) -> Shown | None:
        return self.hub.current if self.hub else None

    @property
    def origin(self) -> Origin | None:
        return self.hub.current.origin if self.hub else None

    @property
    def live(self) -> bool:
        """Live preview: the content folder is shown and packs are off."""
        return bool(self.hub and self.hub.watching)

    def keys(self) -> tuple[TrustedKey, ...]:
        try:
            return self.hub.trusted_keys() if self.hub else ()
        except (OSError, PackError):
            return ()

    def previous(self):
        try:
            return self.hub.previous() if self.hub else None
        except (OSError, PackError):
            return None

    # ---- import ----
    def checking(self, name: str) -> None:
        """A file was picked and is on its way (an upload in the browser)."""
        self._clear()
        self.busy = t("guide_checking", name=terminal_safe(name))
        self.ui.changed()

    def import_file(self, path: str | os.PathLike) -> bool:
        """Check a picked or uploaded pack; on success it waits in `preview` for Apply."""
        return self._import(lambda hub: hub.preview_file(Path(path)))

    def import_bytes(self, data: bytes) -> bool:
        return self._import(lambda hub: hub.preview(data))

    def refuse(self, sentence: str) -> None:
        """A pick or an upload failed before the pack could be checked."""
        self._clear()
        self.refusal = Refusal(terminal_safe(sentence))
        self.ui.changed()

    def _import(self, read) -> bool:
        self._clear()
        if self.hub is None:
            return self._refused(PackError("bad-input", t("guide_no_packs")))
        try:
            self.preview = read(self.hub)
        except PackError as e:
            return self._refused(e)
        self.ui.changed()
        return True

    # ---- apply, cancel ----
    def apply(self, confirmed: bool = False) -> bool:
        """Switch the whole app to the previewed pack. An older version asks first."""
        p = self.preview
        if p is None or self.hub is None:
            return False
        if p.needs_confirmation and not confirmed:
            self.confirm = OLDER
            self.question = t("guide_older_question", title=p.pack.title,
                              version=p.pack.version, current=p.replaces.version)
            self.ui.changed()
            return False
        try:
            shown = self.hub.apply(p, confirm_older=confirmed)
        except PackError as e:
            self.confirm = None
            return self._refused(e)
        self.preview, self.confirm = None, None
        self.ui.say(t("guide_now_using", title=L.guide_title(shown.origin),
                      version=shown.origin.version))
        return True

    def cancel(self) -> None:
        """Set the previewed pack aside: the guide stays as it is."""
        self._clear()
        self.ui.changed()

    # ---- going back (each asks first) ----
    def ask(self, what: str) -> None:
        """Ask before going back; say at once when there is nowhere to go."""
        if what not in (ROLLBACK, BUILTIN):
            raise ValueError(f"unknown question {what!r}")
        self._clear()
        origin = self.origin
        if what == ROLLBACK:
            prev = self.previous()
            if prev is None:
                return self.refuse(t("guide_no_previous"))
            self.question = t("guide_back_question", guide=L.guide_label(prev))
        elif origin is not None and origin.kind == "built-in":
            return self.refuse(t("guide_builtin_in_use"))
        else:
            self.question = t("guide_builtin_question")
        self.confirm = what
        self.ui.changed()

    def answer(self, yes: bool) -> bool:
        what, self.confirm = self.confirm, None
        if not yes or what is None or self.hub is None:
            self.ui.changed()
            return False
        if what == OLDER:
            return self.apply(confirmed=True)
        try:
            shown = self.hub.rollback() if what == ROLLBACK else self.hub.use_builtin()
        except PackError as e:
            return self._refused(e)
        self.ui.say(t("guide_now_using", title=L.guide_title(shown.origin),
                      version=shown.origin.version))
        return True

    # ---- the banners the guide brings (called by AppState.use_guide) ----
    def sync_notices(self, shown: Shown) -> None:
        """Replace this part's banners with the ones the new guide brings."""
        notices = self.ui.notices
        for old in self._notices:
            if old in notices:
                notices.remove(old)
        new = list(shown.notices)
        if shown.problems:
            new.insert(0, problems_banner(shown.problems))
        notices[0:0] = new
        self._notices = new

    # ---- inside ----
    def _clear(self) -> None:
        """Forget the last preview (its staged files too), refusal and question."""
        if self.preview is not None and self.hub is not None:
            self.hub.discard(self.preview)
        self.preview = self.refusal = self.confirm = self.busy = None
        self.ui.message = None

    def _refused(self, e: PackError) -> bool:
        self.busy = None
        self.refusal = Refusal(terminal_safe(e.message),
                               tuple(terminal_safe(str(d)) for d in e.details), e.code)
        self.ui.changed()
        return False
