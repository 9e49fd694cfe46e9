"""The guide the whole process shows: one holder, swapped at once for every open page.

    hub = GuideHub(builtin_content_dir, data_dir)       # loads GuideStore.active()
    hub.current -> Shown(guide, search, origin, notices, problems, generation)
    dispose = hub.subscribe(fn)          # fn(shown) after every swap (any thread)
    hub.preview_file(path) / hub.apply(preview) / hub.rollback() / hub.use_builtin()
    hub.refresh()                        # live preview: compile the watched folder again

Web mode serves several tabs from one process, so the guide, its search index and where
it came from (built-in, a pack's id and version, or the folder being previewed) live
here once; each page's AppState follows it (`AppState.use_guide`). A swap is one
assignment under the lock, then the listeners are told: no page ever sees half a guide.
Applying a pack switches the stored pointer first (`GuideStore.apply`, atomic) and only
then swaps; if the new guide cannot be built, the pointer goes back and nothing changes.

Live preview (`watch=True`, `serve --watch`): the content folder itself is shown, packs
are not used. A save that compiles clean is swapped in; a save with problems keeps the
last good guide and sets `problems` (`path:line: message`, every one); the next clean
save clears them. No flet import.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from app import __version__, i18n, paths
from app.guide.model import Guide
from app.guide.search import lazy_search
from app.i18n import text as t
from app.packs import ActiveGuide, GuideStore, PackError, PackPreview, TrustedKey
from app.ui.state.notices import missing_guidance

log = logging.getLogger("stairway")
Listener = Callable[["Shown"], object]


@dataclass(frozen=True)
class Origin:
    """Where the guide on screen came from: what About, Settings and exports name."""

    kind: str  # "built-in" | "pack" | "preview"
    id: str  # the pack id, "built-in" or "live-preview"
    version: str  # the pack's version, else the app's
    title: str
    active: ActiveGuide

    @property
    def key(self) -> str:
        """`metro-pd 2026.11`, `built-in 0.1.0`: how an incident export names the guide."""
        return f"{self.id} {self.version}"

    @property
    def record(self) -> str:
        """One line for an incident's record: which guide, approved by whom, which key."""
        p = self.active.pack
        if p is None:
            return f"{self.title} of Stairway {self.version}"
        return (f"{p.title} {p.version} (pack {p.id}, created {p.created}, approved by "
                f"{p.approved_by}, signed with key {p.key_name} {p.key_fingerprint})")

    @property
    def language(self) -> str:
        return self.active.pack.language if self.active.pack else "en"


@dataclass(frozen=True)
class Shown:
    guide: Guide
    search: Callable[[str], list]
    origin: Origin
    notices: tuple[str, ...] = ()  # officers' sentences: a damaged pack, missing guidance
    problems: tuple[str, ...] = ()  # live preview: `path:line: message` of the last save
    generation: int = field(default=0, compare=False)


def origin_of(active: ActiveGuide, preview: bool = False) -> Origin:
    if preview:
        return Origin("preview", "live-preview", __version__, "Live preview of the content "
                      "folder", active)
    if active.pack is None:
        return Origin("built-in", "built-in", __version__, "Built-in guide", active)
    p = active.pack
    return Origin("pack", p.id, p.version, p.title, active)


def shown_path(content_dir: Path) -> str:
    """The folder as an instructor would type it: relative to here when it is below."""
    try:
        rel = os.path.relpath(content_dir)
    except ValueError:  # another drive on Windows
        return str(content_dir)
    return str(content_dir) if rel.startswith("..") else rel


class GuideHub:
    def __init__(self, builtin_dir: str | os.PathLike, data_dir: str | os.PathLike, *,
                 watch: bool = False, report: Callable[[list[str]], None] | None = None,
                 store: GuideStore | None = None) -> None:
        self.builtin_dir, self.data_dir = Path(builtin_dir), Path(data_dir)
        self.store = store or GuideStore(self.data_dir, self.builtin_dir)
        self.watching: Path | None = self.builtin_dir if watch else None
        self.report = report or (lambda lines: [log.warning("%s", x) for x in lines])
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self.watcher = None
        self._keys: tuple[TrustedKey, ...] | None = None
        self._sweep_uploads()
        if self.watching is not None:
            active = ActiveGuide(self.builtin_dir)
        else:
            active = self._active()
        self._current = self._build(active)
        self._good = not self._current.problems  # live preview: the shown guide is clean

    # ---- what pages read ----
    @property
    def current(self) -> Shown:
        return self._current

    def subscribe(self, fn: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(fn)

        def dispose() -> None:
            with self._lock:
                if fn in self._listeners:
                    self._listeners.remove(fn)

        return dispose

    def trusted_keys(self) -> tuple[TrustedKey, ...]:
        """The keys of the built-in content (read once: they come with the app build)."""
        if self._keys is None:
            self._keys = self.store.trusted_keys()
        return self._keys

    def previous(self) -> ActiveGuide | None:
        return None if self.watching else self.store.previous()

    # ---- packs (each raises PackError with one sentence; nothing changes then) ----
    def preview_file(self, path: str | os.PathLike) -> PackPreview:
        self._no_preview_mode()
        return self.store.preview_file(path)

    def preview(self, data: bytes) -> PackPreview:
        self._no_preview_mode()
        return self.store.preview(data)

    def discard(self, preview: PackPreview) -> None:
        self.store.discard(preview)

    def apply(self, preview: PackPreview, confirm_older: bool = False) -> Shown:
        self._no_preview_mode()
        with self._lock:
            return self._switch(lambda: self.store.apply(preview, confirm_older),
                                undo=self.store.rollback)

    def rollback(self) -> Shown:
        self._no_preview_mode()
        with self._lock:
            return self._switch(self.store.rollback)

    def use_builtin(self) -> Shown:
        self._no_preview_mode()
        with self._lock:
            return self._switch(self.store.use_builtin)

    # ---- live preview ----
    def refresh(self) -> Shown:
        """Compile the watched folder again: swap when clean, else keep the last good
        guide and list the problems. Never raises for anything in the folder."""
        with self._lock:
            new = self._build(ActiveGuide(self.watching or self.builtin_dir))
            if new.problems and self._good:  # the last good guide stays on screen
                new = replace(self._current, problems=new.problems)
            else:
                self._good = not new.problems
            self._swap(new)
            return self._current

    def watch(self, interval: float = 0.1, quiet: float = 0.1):
        """Start polling the watched folder (a daemon thread); returns the Watcher."""
        from app.guide.watch import Watcher

        if self.watching is None:
            raise ValueError("this hub was not made with watch=True")
        if self.watcher is None:
            self.watcher = Watcher(self.watching, self.refresh, interval, quiet).start()
        return self.watcher

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._keys: tuple[TrustedKey, ...] | None = None
        self._sweep_uploads()

    # ---- inside ----
    def _sweep_uploads(self) -> None:
        """Uploads a previous run left (a tab closed mid-upload, a refused oversize one):
        their signed URLs died with that process, so nothing will ever read them."""
        folder = paths.uploads_dir(self.data_dir)
        try:
            for entry in folder.iterdir():
                if entry.is_file():
                    entry.unlink()
        except OSError:
            pass

    def _no_preview_mode(self) -> None:
        if self.watching is not None:
            raise PackError("bad-input", t("guide_off_in_preview"))

    def _active(self) -> ActiveGuide:
        try:
            return self.store.active()
        except Exception as exc:  # noqa: BLE001 - a broken data folder must not stop the app
            log.exception("the active guide could not be read")
            return ActiveGuide(self.builtin_dir, None, t("guide_choice_unreadable", reason=exc))

    def _switch(self, change: Callable[[], ActiveGuide],
                undo: Callable[[], object] | None = None) -> Shown:
        active = change()
        try:
            new = self._build(active, strict=True)
        except Exception as exc:
            log.exception("the new guide could not be loaded")
            try:
                if undo is not None:
                    undo()
            except PackError:
                pass
            self.report(i18n.use_guide(self._current.origin.active))  # its words stay too
            raise PackError("storage", t("guide_new_failed", reason=exc)) from exc
        self._swap(new)
        return self._current

    def _build(self, active: ActiveGuide, strict: bool = False) -> Shown:
        preview = self.watching is not None
        content = Path(active.content_dir)
        shown = shown_path(content) if preview or active.pack is None else ""
        # the screens' words follow the guide (its pack's language, its labels.txt); first,
        # so the banners below are in that language
        self.report(i18n.use_guide(active))
        notices = [active.message] if active.message else []
        try:
            from app.guide import load_guide

            cache = None if preview else paths.cache_dir(self.data_dir)
            guide = load_guide(content, cache, shown)
        except Exception as exc:  # noqa: BLE001 - content problems never crash the app
            if strict:
                raise
            log.exception("guide could not be loaded")
            self.report([f"the guide could not be loaded from {content}: {exc}"])
            return Shown(Guide(), lambda q: [], origin_of(active, preview), (*notices,
                         t("guide_not_loaded")), problems=(f"{shown}: {exc}",) if preview else ())
        problems = tuple(str(p) for p in guide.problems)
        if problems or guide.skipped:
            self.report([f"guide problem: {p}" for p in problems]
                        or [f"guide file skipped: {getattr(s, 'file', s)}" for s in guide.skipped])
        if active.message:
            self.report([active.message])
        missing = missing_guidance(guide.skipped)
        if missing:
            notices.append(missing)
        return Shown(guide, lazy_search(guide), origin_of(active, preview), tuple(notices),
                     problems if preview else ())

    def _swap(self, new: Shown) -> None:
        with self._lock:
            new = replace(new, generation=self._current.generation + 1)
            self._current = new
            listeners = list(self._listeners)
        for fn in listeners:
            try:
                fn(new)
            except Exception:  # noqa: BLE001 - one closed tab must not stop the others
                log.exception("a page could not take the new guide")
