"""load_guide: the compiled JSON bundle, rebuilt only when a content file changed.

The bundle is keyed by a hash of every content file's bytes, every file name, the
parser version and the bundle format. A corrupt, foreign or unwritable cache never
breaks loading: we compile. A bundle whose files had a `reviewed` date in the future
stops being valid on that day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from app.fsutil import atomic_write
from app.guide.bundle import FORMAT, pack, unpack
from app.guide.compile import compile_guide, latest_today
from app.guide.files import content_hash
from app.guide.model import Guide

PARSER_VERSION = "7"  # raise it with any change to what compile_guide reports or builds
BUNDLE_NAME = "guide.json"


def bundle_key(content_dir: str | os.PathLike, shown: str = "") -> str:
    salt = f"stairway-parser-{PARSER_VERSION}-bundle-{FORMAT}\0{shown}"
    return content_hash(Path(content_dir), salt)


def _future_date(guide: Guide) -> str | None:
    """The earliest `reviewed` date still in the future; the bundle expires then."""
    return guide.expires or None


# The file: a header line `MAGIC key expires`, a line with the sha256 of the payload,
# then the payload (bundle.pack as JSON). The key is checked before anything is parsed;
# the checksum catches a torn or edited file that would still be valid JSON.
MAGIC = b"stairway-guide-bundle"


def read_bundle(path: Path, key: str, today: dt.date) -> Guide | None:
    try:
        data = path.read_bytes()
        head, digest, payload = data.split(b"\n", 2)
        magic, got_key, expires = head.decode("ascii").split(" ")
        if magic.encode() != MAGIC or got_key != key:
            return None
        if expires != "-" and today.isoformat() >= expires:
            return None
        if hashlib.sha256(payload).hexdigest().encode() != digest:
            return None
        return unpack(json.loads(payload))
    except (OSError, ValueError, UnicodeError, RecursionError):
        return None


def write_bundle(path: Path, key: str, guide: Guide) -> bool:
    """Atomically write the bundle. False (and no exception) when it cannot be written."""
    try:  # a guide that cannot be saved is still shown: the cache only saves time
        payload = json.dumps(pack(guide), ensure_ascii=False, separators=(",", ":")).encode()
        head = b" ".join([MAGIC, key.encode(), (_future_date(guide) or "-").encode()])
        digest = hashlib.sha256(payload).hexdigest().encode()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, head + b"\n" + digest + b"\n" + payload)
        return True
    except (OSError, UnicodeError, ValueError, RecursionError):
        return False


def load_guide(
    content_dir: str | os.PathLike,
    cache_dir: str | os.PathLike | None = None,
    shown: str | None = None,
) -> Guide:
    """The same Guide as compile_guide, from the cached bundle when nothing changed."""
    if cache_dir is None:
        return compile_guide(content_dir, shown)
    shown = str(content_dir) if shown is None else shown
    today = latest_today()
    path = Path(cache_dir) / BUNDLE_NAME
    try:
        key = bundle_key(content_dir, shown)
    except OSError:
        return compile_guide(content_dir, shown)
    guide = read_bundle(path, key, today)
    if guide is None:
        guide = compile_guide(content_dir, shown)
        write_bundle(path, key, guide)
    return guide
