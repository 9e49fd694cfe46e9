"""`active.json`: which stored pack is active, and the ones before it.

The whole app switches guide by replacing this one small file atomically (temp file,
fsync, rename), after the pack's folder is complete. `current` None means the built-in
guide; `history` is the guides before it, the most recent last, for "go back".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.fsutil import atomic_write, read_regular

FORMAT = 1
FOLDER_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,150}$")
MAX_HISTORY = 5
DAMAGED = "The record of which guide is active is damaged, so the built-in guide is in use."


@dataclass(frozen=True)
class Pointer:
    current: str | None = None  # a folder under packs/, or None for the built-in guide
    history: tuple[str | None, ...] = ()

    def push(self, new: str | None) -> Pointer:
        """`new` becomes current; the current one goes on the history."""
        if new == self.current:
            return self
        history = (self.history + (self.current,))[-MAX_HISTORY:]
        return Pointer(new, history)

    def pop(self) -> Pointer:
        """The guide before the current one becomes current (history must not be empty)."""
        return Pointer(self.history[-1], self.history[:-1])

    def folders(self) -> set[str]:
        return {f for f in (self.current, *self.history) if f}


def _folder(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, str) and FOLDER_RE.match(v):
        return v
    raise ValueError(f"{v!r} is not a pack folder name")


def read_pointer(path: Path) -> tuple[Pointer, str | None]:
    """The pointer, and one sentence when it was damaged (then: the built-in guide)."""
    try:
        data = read_regular(path, 1024 * 1024)  # a pipe in its place is never waited on
    except (FileNotFoundError, NotADirectoryError):  # no data folder: told where it is made
        return Pointer(), None
    except OSError:
        return Pointer(), DAMAGED
    try:
        d = json.loads(data.decode("utf-8"))
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError("not a pointer of this format")
        history = d.get("history", [])
        if not isinstance(history, list):
            raise ValueError("history is not a list")
        return Pointer(_folder(d.get("current")), tuple(_folder(h) for h in history)), None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return Pointer(), DAMAGED


def write_pointer(path: Path, pointer: Pointer) -> None:
    """Replace the pointer atomically. Raises OSError and leaves the old one in place."""
    body = {"format": FORMAT, "current": pointer.current, "history": list(pointer.history)}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(body))
