"""Time helpers: UTC in the core, local (DST-correct, via zoneinfo) only for display."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def utcnow() -> datetime:
    """Now, timezone-aware UTC (what every stored time is)."""
    return datetime.now(UTC)


def to_iso(dt: datetime) -> str:
    """Store format: ISO-8601 UTC with microseconds and a `Z`, e.g. 2026-03-29T00:30:00.000000Z."""
    d = as_utc(dt)  # the year padded by hand: strftime writes year 226 as "226"
    return f"{d.year:04d}-" + d.strftime("%m-%dT%H:%M:%S.%fZ")


def from_iso(text: str) -> datetime:
    """Parse what `to_iso` wrote (and any ISO-8601 with an offset) into aware UTC."""
    dt = datetime.fromisoformat(text)  # Python 3.11+ reads the trailing Z
    return dt if dt.tzinfo is UTC else as_utc(dt)


def as_utc(dt: datetime) -> datetime:
    """Aware UTC. A naive datetime is refused: we never guess a zone for evidence."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("time has no zone: give an aware datetime (UTC or local with tzinfo)")
    return dt.astimezone(UTC)


def zone(name: str | tzinfo | None = None) -> tzinfo | None:
    """A zone by IANA name (e.g. "Europe/London"); None means the machine's local zone."""
    if name is None or isinstance(name, tzinfo):
        return name
    if not isinstance(name, str):
        raise ValueError(f"unknown time zone {name!r}: use an IANA name like Europe/London")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(
            f"unknown time zone {name!r}: use an IANA name like Europe/London"
        ) from err


def format_local(
    dt: datetime | None,
    tz: str | tzinfo | None = None,
    fmt: str = "%Y-%m-%d %H:%M:%S %Z",
) -> str:
    """Show a stored UTC time in local time; correct on both sides of a DST change.

    `tz` is an IANA name or tzinfo; None uses the machine's zone. "" for None input.
    Example: 2026-03-29 00:30Z -> "2026-03-29 00:30:00 GMT", 01:30Z -> "... 02:30:00 BST".
    """
    if dt is None:
        return ""
    local = as_utc(dt).astimezone(zone(tz))
    return local.strftime(fmt).strip()


def format_stamp(
    dt: datetime | None, day_of: datetime | None, fmt: str = "%H:%M:%S", tz=None
) -> str:
    """A time on a timeline: the time alone when it falls on the same local day as
    `day_of` (the incident's start), else with its date first, so a call that runs past
    midnight never shows 00:10 as if it came before 23:50. A `fmt` with a date in it already
    is used as it is."""
    if dt is None:
        return ""
    if re.search(r"%[-#]?[YymdjFDcxbBaAUWVGgu]", fmt):
        return format_local(dt, tz, fmt)
    if day_of is None or as_utc(dt).astimezone(zone(tz)).date() != as_utc(day_of).astimezone(
        zone(tz)
    ).date():
        fmt = "%Y-%m-%d " + fmt
    return format_local(dt, tz, fmt)


def format_duration(delta: timedelta) -> str:
    """A clock for the screen: "0:04:07", "12:00:00"; negative as "-0:01:30" (overdue)."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}"
