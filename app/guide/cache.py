"""load_guide: the compiled JSON bundle, rebuilt only when a content file changed.

The bundle is keyed by a hash of every content file's bytes, every file name and the
parser version. A corrupt, foreign or unwritable cache never breaks loading: we compile.
A bundle whose files had a `reviewed` date in the future stops being valid on that day.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from app.guide.bundle import from_dict, to_dict
from app.guide.compile import compile_guide
from app.guide.files import content_hash
from app.guide.model import Guide

PARSER_VERSION = "1"
BUNDLE_NAME = "guide.json"


def bundle_key(content_dir: str | os.PathLike) -> str:
    return content_hash(Path(content_dir), f"stairway-parser-{PARSER_VERSION}")


def _future_date(guide: Guide) -> str | None:
    """The earliest `reviewed` date still in the future; the bundle expires then."""
    dates = [p.message.split()[1] for p in guide.problems
             if p.message.startswith("reviewed ") and " is in the future " in p.message]
    return min(dates) if dates else None


def read_bundle(path: Path, key: str, today: dt.date) -> Guide | None:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        expires = data.get("expires")
        if expires and today.isoformat() >= expires:
            return None
        return from_dict(data["guide"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def write_bundle(path: Path, key: str, guide: Guide) -> bool:
    """Atomically write the bundle. False (and no exception) when it cannot be written."""
    data = {"key": key, "expires": _future_date(guide), "guide": to_dict(guide)}
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".guide-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def load_guide(content_dir: str | os.PathLike, cache_dir: str | os.PathLike | None = None,
               shown: str | None = None) -> Guide:
    """The same Guide as compile_guide, from the cached bundle when nothing changed."""
    if cache_dir is None:
        return compile_guide(content_dir, shown)
    shown = str(content_dir) if shown is None else shown
    today = dt.date.today()
    path = Path(cache_dir) / BUNDLE_NAME
    try:
        key = bundle_key(content_dir) + "\0" + shown
    except OSError:
        return compile_guide(content_dir, shown)
    guide = read_bundle(path, key, today)
    if guide is None:
        guide = compile_guide(content_dir, shown)
        write_bundle(path, key, guide)
    return guide
