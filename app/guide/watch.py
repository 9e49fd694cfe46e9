"""Watch a content folder for saves: poll file times and sizes, wait for the save to settle.

    w = Watcher(content_dir, on_change=hub.refresh)   # on_change() runs in the thread
    w.start() ... w.stop()
    w.poll(now)     # one step, for tests: True when on_change ran

No new dependency (watching is for instructors on a desktop; phones never watch): every
`interval` seconds the folder's content files are listed and stat'ed (200 files take
about a millisecond). A change is acted on only once nothing has changed for `quiet`
seconds, so an editor that writes a file in several chunks (or deletes and rewrites it)
is compiled once, after the last chunk. A file deleted or half-written between the
listing and the stat is simply part of the next signature; nothing here raises.
No flet, no packs.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.guide.files import all_names, content_paths

log = logging.getLogger("stairway")
Signature = dict[str, tuple[int, int]]  # rel -> (mtime_ns, size); names alone as (-1, -1)


def signature(root: Path) -> Signature:
    """Every content file's (mtime, size), and every other file's name (links name them).

    A folder that is missing or unreadable gives an empty signature: deleting the whole
    content folder is a change like any other.
    """
    out: Signature = {}
    try:
        names = all_names(root)
        files = {rel for rel, _ in content_paths(root)}
    except OSError:
        return out
    for rel in names:
        if rel not in files:
            out[rel] = (-1, -1)
            continue
        try:
            st = os.stat(root / rel)
        except OSError:  # deleted (or renamed away) since the listing
            continue
        out[rel] = (st.st_mtime_ns, st.st_size)
    return out


class Watcher:
    """Calls `on_change()` once per settled change of the folder's content files."""

    def __init__(self, root: str | os.PathLike, on_change: Callable[[], object],
                 interval: float = 0.1, quiet: float = 0.1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.root = Path(root)
        self.on_change = on_change
        self.interval, self.quiet, self.clock = interval, quiet, clock
        self.seen = signature(self.root)  # what the guide on screen was built from
        self._last: Signature = self.seen  # the latest signature polled
        self._since: float | None = None  # when the latest signature first appeared
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.errors = 0  # on_change calls that raised (logged; the watch goes on)

    def poll(self, now: float | None = None) -> bool:
        """Look once. True when a settled change was handed to on_change()."""
        now = self.clock() if now is None else now
        sig = signature(self.root)
        if sig != self._last:  # still being written: start the quiet period again
            self._last, self._since = sig, now
            return False
        if sig == self.seen or self._since is None or now - self._since < self.quiet:
            return False
        self.seen, self._since = sig, None
        try:
            self.on_change()
        except Exception:  # noqa: BLE001 - a bad save must never stop the preview
            self.errors += 1
            log.exception("the guide could not be rebuilt after a save")
        return True

    def start(self) -> Watcher:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="stairway-watch",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.poll()
