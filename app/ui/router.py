"""Routes <-> locations, defensively: a route is what the browser's address bar, a reload,
a deep link or Android hands us, so anything can arrive.

    parse("/phrases?stage=2")       -> (Location("phrases", {"stage": "2"}), None)
    parse("/incident/../etc")       -> (Location("home"), "There is no screen at /incident/...")
    to_route(Location("board", {"incident": "20261126-0500-ab12"}))
                                    -> "/incident/20261126-0500-ab12/board"

A parameter that does not pass its check is dropped (the screen still opens) and the
problem comes back as one sentence; no input raises. No flet import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from app.i18n import text as t
from app.numbers import plain_int
from app.ui import screens

MAX_ROUTE = 2048  # longer is junk, not a route
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")  # incident ids: no dots, no slashes
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")  # situation, skill, item, phrase ids


def _stage(v: str) -> str | None:
    return v if v in {"1", "2", "3", "4", "5"} else None


def _slug(v: str) -> str | None:
    return v if _SLUG.match(v) else None


def _text(v: str) -> str | None:
    v = "".join(ch for ch in v if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)
    return v[:200] or None


# parameter -> check returning the cleaned value or None (dropped)
CHECKS = {
    "incident": lambda v: v if _ID.match(v) and ".." not in v else None,
    "stage": _stage,
    "read": _stage,
    "skill": _slug,
    "situation": _slug,
    "show": _slug,
    "scenario": _slug,  # a practice scenario's id
    "item": lambda v: v if re.match(r"^[a-z0-9][a-z0-9-]{0,79}/[a-z0-9][a-z0-9-]{0,79}$", v)
    else None,
    "phrase": lambda v: v if re.match(r"^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,159}$", v) and ".." not in v
    else None,
    "q": _text,
}


@dataclass(frozen=True)
class Location:
    screen: str = screens.HOME
    params: dict[str, str] = field(default_factory=dict, compare=True, hash=False)

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.params.get(key, default)

    def int(self, key: str) -> int | None:
        return plain_int(self.params.get(key))


def _shown(route: str) -> str:
    """A route as safe to quote back in a sentence: printable and short."""
    r = "".join(ch if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF else "?"
                for ch in route)
    return r if len(r) <= 60 else r[:57] + "..."


def _match(pattern: str, parts: list[str]) -> dict[str, str] | None:
    pat = [p for p in pattern.split("/") if p]
    if pat and pat[-1].endswith("?}") and len(parts) == len(pat) - 1:
        pat = pat[:-1]
    if len(pat) != len(parts):
        return None
    found: dict[str, str] = {}
    for p, v in zip(pat, parts, strict=True):
        if p.startswith("{"):
            found[p.strip("{}?")] = v
        elif p != v:
            return None
    return found


def parse(route: str | None) -> tuple[Location, str | None]:
    """The location a route names, and a sentence when something in it was refused."""
    if not isinstance(route, str) or not route.strip():
        return Location(), None
    if len(route) > MAX_ROUTE:
        return Location(), t("address_too_long")
    try:
        split = urlsplit(route.strip())
    except ValueError:
        return Location(), t("address_no_screen", route=_shown(route))
    parts = [p for p in split.path.split("/") if p]
    if any(p in (".", "..") for p in parts):
        return Location(), t("address_no_screen", route=_shown(route))
    for s in screens.SCREENS:
        found = _match(s.route, parts)
        if found is None:
            continue
        refused = []
        params: dict[str, str] = {}
        query = dict(parse_qsl(split.query, keep_blank_values=False))
        for key, value in [*found.items(), *((k, v) for k, v in query.items() if k in s.params)]:
            ok = CHECKS[key](value)
            if ok is None:
                refused.append(key)
            else:
                params[key] = ok
        problem = None
        if refused:
            problem = t("address_part", route=_shown(route), refused=", ".join(refused),
                        screen=s.title)
        return Location(s.name, params), problem
    return Location(), t("address_no_screen", route=_shown(route))


def to_route(loc: Location) -> str:
    """The route of a location: path parameters filled in, the rest as a query string."""
    s = screens.get(loc.screen)
    path = []
    used = set()
    for p in (p for p in s.route.split("/") if p):
        if p.startswith("{"):
            key = p.strip("{}?")
            if key in loc.params:
                path.append(quote(loc.params[key], safe=""))
                used.add(key)
            elif not p.endswith("?}"):
                return "/"  # a required part is missing: there is no such screen
        else:
            path.append(p)
    query = {k: v for k, v in loc.params.items() if k not in used and k in s.params}
    route = "/" + "/".join(path)
    return route + ("?" + urlencode(sorted(query.items())) if query else "")
