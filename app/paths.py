"""The one place that decides where content, assets and data live.

Order of precedence for each location: an explicit argument (the CLI's --content-dir /
--data-dir), then an environment variable, then the platform default. On a phone, Flet
sets FLET_APP_STORAGE_DATA to the app's private storage; that is where notes live.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def content_dir(override: str | os.PathLike | None = None) -> Path:
    """Where the Markdown guide lives (the instructors' `content/`)."""
    if override:
        return Path(override)
    env = os.environ.get("STAIRWAY_CONTENT_DIR")
    if env:
        return Path(env)
    return ROOT / "content"


def assets_dir() -> Path:
    """Icons, splash and bundled fonts served to the Flet client."""
    return ROOT / "assets"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """Where incident notes, preferences and the compiled-content cache are written."""
    if override:
        return Path(override)
    for var in ("STAIRWAY_DATA_DIR", "FLET_APP_STORAGE_DATA"):
        env = os.environ.get(var)
        if env:
            return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "stairway"


def cache_dir(data: Path) -> Path:
    """Compiled content bundles (safe to delete: rebuilt from content/)."""
    return data / "cache"


def incidents_dir(data: Path) -> Path:
    """One database file per incident lives here."""
    return data / "incidents"


def practice_file(data: Path) -> Path:
    """Practice history (drill results): its own TinyDB file, never mixed with incidents."""
    return data / "practice.json"


def keys_dir(content: Path) -> Path:
    """Public keys the app trusts guide packs from: always the BUILT-IN content's keys/."""
    return Path(content) / "keys"


def packs_dir(data: Path) -> Path:
    """Imported guide packs (one folder each), their staging area and `active.json`,
    the pointer to the active one (absent: the built-in guide)."""
    return Path(data) / "packs"


def uploads_dir(data: Path) -> Path:
    """Where a browser's upload of a guide pack lands before it is checked (and deleted):
    the only folder the web server accepts uploads into (app.ui.serve)."""
    return packs_dir(data) / "uploads"


def too_long(path: str) -> bool:
    """True when this system refuses the path for its length (a name in it over 255 bytes,
    or the whole over 4,096): every command then says so in one line, not a traceback."""
    try:
        os.stat(path)
    except OSError as err:
        return err.errno == errno.ENAMETOOLONG
    except ValueError:  # a NUL byte: each command says what it says of a missing path
        return False
    return False


def long_path_said(path: str) -> str:
    shown = path if len(path) <= 40 else path[:39] + "…"
    return f"{shown}: the path is too long for this system (a name over 255 bytes, or the " \
           "whole over 4,096)"
