"""The officer's preferences: what the app remembers between launches.

Plain Python (no flet): a dataclass, `load(data_dir)` and `save(data_dir, prefs)`.
The file is `data_dir/prefs.json`, written atomically (temp file + fsync + os.replace) so
a kill never leaves half a file. A corrupt file is moved aside (`prefs.json.bad-<time>`)
and the app starts from the defaults; `load_report` says so in one sentence.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.fsutil import atomic_write, read_regular
from app.incidents.validate import clean_tree
from app.said import Said

FILE_NAME = "prefs.json"
THEMES = ("system", "light", "dark")
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75)
# delete closed incidents after this many days; None (the default) keeps them
RETENTION_DAYS = (None, 30, 90, 365)
MAX_ROUTE = 2048  # the last route is parsed defensively by app.ui.router when used


@dataclass
class Prefs:
    theme: str = "system"
    text_scale: float = 1.0
    situation: str | None = None
    stage: int = 1
    # stage order (as str, JSON keys) -> ids of the "move up" signs ticked at that stage
    signs: dict[str, list[str]] = field(default_factory=dict)
    # "stage order/sign_id" -> the sign's words when ticked (shown if an update rewords it)
    sign_texts: dict[str, str] = field(default_factory=dict)
    # the stages left by an override (moved up before every sign was seen); None in a file
    # written before it was kept: then worked out from the signs ticked
    left_early: list[int] | None = None
    # "checklist_id/item_id" -> ISO time of the tick
    checklist: dict[str, str] = field(default_factory=dict)
    # "checklist_id/item_id" -> the item's words when ticked: a guide update may reword or
    # drop the item, and the tick is still shown (and said) in the words it was given
    tick_texts: dict[str, str] = field(default_factory=dict)
    collapsed: list[str] = field(default_factory=list)  # checklist sections folded away
    last_route: str = "/"  # the screen to reopen after a restart (app.ui.router parses it)
    incident_id: str | None = None
    retention_days: int | None = None  # off by default; turned on only after a confirmation
    keep_awake: bool = True  # the screen stays on while an incident is open


def _clean(raw: object) -> Prefs:
    """Keep every well-typed field of `raw`; anything odd falls back to its default."""
    p = Prefs()
    if not isinstance(raw, dict):
        raise ValueError("prefs file does not hold an object")
    # a lone surrogate (half a character, from a `\ud800` escape) is replaced in every text,
    # down to the fields' (a situation id or a tick's words reach the screen)
    raw = clean_tree(raw)
    if raw.get("theme") in THEMES:
        p.theme = raw["theme"]
    scale = raw.get("text_scale")
    if isinstance(scale, int | float) and float(scale) in TEXT_SCALES:
        p.text_scale = float(scale)
    if isinstance(raw.get("situation"), str):
        p.situation = raw["situation"]
    stage = raw.get("stage")
    if isinstance(stage, int) and not isinstance(stage, bool) and 1 <= stage <= 5:
        p.stage = stage
    signs = raw.get("signs")
    if isinstance(signs, dict):
        p.signs = {
            str(k): [s for s in v if isinstance(s, str)]
            for k, v in signs.items()
            if isinstance(v, list)
        }
    early = raw.get("left_early")
    if isinstance(early, list):
        p.left_early = sorted({o for o in early if type(o) is int and 1 <= o <= 5})
    ticks = raw.get("checklist")
    if isinstance(ticks, dict):
        p.checklist = {k: v for k, v in ticks.items() if isinstance(v, str)}
    for name in ("tick_texts", "sign_texts"):
        if isinstance(texts := raw.get(name), dict):
            setattr(p, name, {k: v for k, v in texts.items() if isinstance(v, str)})
    collapsed = raw.get("collapsed")
    if isinstance(collapsed, list):
        p.collapsed = [c for c in collapsed if isinstance(c, str)]
    route = raw.get("last_route")
    if isinstance(route, str) and route.startswith("/") and len(route) <= MAX_ROUTE:
        p.last_route = route
    if isinstance(raw.get("incident_id"), str):
        p.incident_id = raw["incident_id"]
    days = raw.get("retention_days")
    if type(days) is int and days in RETENTION_DAYS:
        p.retention_days = days
    if isinstance(raw.get("keep_awake"), bool):
        p.keep_awake = raw["keep_awake"]
    return p


def path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


# What a damaged file raises when read: not JSON, not UTF-8, nested past the parser's
# depth, a number too big to be a float ("text_scale": 1e999999), a field of a wrong type.
DAMAGE = (ValueError, TypeError, UnicodeError, RecursionError, OverflowError)
MAX_BYTES = 1024 * 1024  # the preferences are a few KB; a bigger file is not ours


def _read(p: Path) -> str:
    """The file's text, read without waiting on a pipe; ValueError when far too big."""
    data = read_regular(p, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise ValueError(f"{p} is larger than any preferences file")
    return data.decode("utf-8")


def theme_of(data_dir: Path) -> str:
    """The saved theme, read without side effects ("system" when there is none, or the
    file is unreadable: `load` deals with that, and says so, when the app starts)."""
    try:
        raw = json.loads(_read(path(data_dir)))
    except (OSError, *DAMAGE):
        return "system"
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return theme if theme in THEMES else "system"


def load(data_dir: Path) -> tuple[Prefs, str | None]:
    """Read the prefs; return (prefs, problem sentence or None).

    A missing file gives the defaults silently. An unreadable one is renamed aside,
    never deleted, and the defaults are returned with a sentence saying where it went.
    """
    p = path(data_dir)
    try:
        text = _read(p)
    except FileNotFoundError:
        return Prefs(), None
    except OSError as exc:  # unreadable, or a pipe or folder in its place: never waited on
        return Prefs(), Said("said_prefs_not_read", error=exc.strerror or exc)
    except DAMAGE:
        text = ""  # not UTF-8, or far too big to be ours: set aside below
    try:
        return _clean(json.loads(text)), None
    except DAMAGE:
        aside = p.with_name(f"{FILE_NAME}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(p, aside)
        except OSError:
            return Prefs(), Said("said_prefs_unreadable")
        return Prefs(), Said("said_prefs_kept_as", name=aside.name)


def save(data_dir: Path, prefs: Prefs) -> None:
    """Write atomically (`app.fsutil.atomic_write`: unique temp file, fsync, replace)."""
    d = Path(data_dir)
    d.mkdir(parents=True, exist_ok=True)
    data = {f.name: getattr(prefs, f.name) for f in fields(prefs)}
    atomic_write(path(d), json.dumps(data, indent=1, sort_keys=True))


def as_dict(prefs: Prefs) -> dict:
    return asdict(prefs)
