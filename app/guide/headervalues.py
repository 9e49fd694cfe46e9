"""The values of a front matter header, one key at a time: id, title, version, the
reviewed date, sources, stage and order, each checked with the line it sits on.
`frontmatter.read_header` walks the YAML and hands each key here."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Header:
    """What the front matter says, plus the line (1-based, in the file) of each key."""

    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    source_lines: dict[str, int] = field(default_factory=dict)  # source key -> line
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # line, code, message
    future: str | None = None  # a reviewed date later than today, if any

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)



ADD = {
    "id": "add `id: ...` (lower case letters, digits and dashes)",
    "title": "add `title: ...`",
    "version": 'add `version: "1.0"`',
    "reviewed": "add `reviewed: YYYY-MM-DD`, the date you checked the file",
    "reviewed_by": "add `reviewed_by: ...`, who checked the file",
    "sources": "add `sources: [...]` with keys from sources.md",
}


# Controls (C0 but tab and line feed, DEL, C1) show as \ufffd, a box or nothing, and
# ESC or BEL act on a terminal (`check`, `dump`); the bidi overrides and isolates turn the
# text around them backwards ("\u202e" makes 'Rapport' read 'troppaR'). In quotes YAML
# writes them as escapes ("\x1b", "\x07", "\u202e"), so they pass its own reader.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# What YAML reads as a line break and an editor shows as nothing (text pasted from a web
# page or a word processor): typed, it shifts every line YAML reports after it.
LINE_BREAK_RE = re.compile("[\x85\u2028\u2029]")
LINE_BREAKS = {"\x85": "next-line mark (U+0085)", "\u2028": "line separator (U+2028)",
               "\u2029": "paragraph separator (U+2029)"}


def bad_character(node: yaml.Node) -> str | None:
    """What a value holds that no screen can show (or a one-line value cannot have), said
    for the message after "holds", or None. A YAML escape for a character that is no text
    ("\\udcff", a half of a pair; "\\0") would stop the guide from being saved and shown,
    though it reads fine here."""
    values = [n.value for n in (node.value if isinstance(node, yaml.SequenceNode) else [node])
              if isinstance(n, yaml.ScalarNode)]
    for value in values:
        for ch in str(value):
            if 0xD800 <= ord(ch) <= 0xDFFF or ch == "\0":
                return (f"\\u{ord(ch):04x}, which no screen can show: write the character "
                        "itself, or remove it")
        if found := CONTROL_RE.search(str(value)):
            return (f"an invisible control character (U+{ord(found.group()):04X}), which shows "
                    "as \ufffd or not at all: remove it")
        if found := LINE_BREAK_RE.search(str(value)):
            return (f"an invisible {LINE_BREAKS[found.group()]}, which shows as a line break "
                    "or not at all: remove it")
        if found := BIDI_RE.search(str(value)):
            return (f"an invisible direction mark (U+{ord(found.group()):04X}), which turns the "
                    "text around it backwards on screen: remove it")
        if "\n" in str(value).strip():  # `title: |` keeps its lines; every value here is one
            return ("a line break, which a one-line value cannot have: write it on one line, "
                    "with no `|` or `>` after the colon")
    return None


# The most characters each value may have. A real one is far shorter (the shipped guide's
# longest: title 34, reviewed_by 89, id 18, version 10, a source key 20), so a value past
# its limit is a paste gone wrong: a 200 KB title was accepted, shown on every screen and
# echoed whole by `check`. A value with no limit here is checked against its own form.
LIMITS = {
    "title": (80, "a title may have (one line an officer reads at a glance)"),
    "id": (64, "an id may have"),
    "situation": (64, "an id may have"),
    "version": (40, "a version may have"),
    "reviewed_by": (200, "a name may have"),
    "approved_by": (200, "a name may have"),
}
SOURCE_KEY_LIMIT = 64
MAX_ORDER_DIGITS = 6  # `order: 1234567` is a slip; Python refuses int() past 4300 digits


def short(text: str, n: int = 40) -> str:
    """A value as a message quotes it: at most n characters."""
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _too_long(h: Header, key: str, text: str, line: int) -> bool:
    """Report a value longer than LIMITS allows; True when it was."""
    limit, what = LIMITS.get(key, (0, ""))
    if not limit or len(text) <= limit:
        return False
    h.problems.append((line, "value-too-long", f"'{key}' has {len(text):,} characters, more "
                       f"than the {limit} {what}: shorten it"))
    return True


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def read_key(
    h: Header, key: str, node: yaml.Node, line: int, kind: str, today: dt.date, first_line: int
) -> None:
    text = _scalar(node)
    if key == "sources":
        _read_sources(h, node, line, first_line)
        return
    if text is None:
        h.problems.append(
            (line, "value-not-single", f"{key} must be a single value, not a list or a mapping")
        )
        return
    text = text.strip()
    if _too_long(h, key, text, line):
        return
    plain = isinstance(node, yaml.ScalarNode) and node.style is None
    if key == "id":
        if not ID_RE.match(text):
            h.problems.append(
                (
                    line,
                    "id-invalid",
                    f"id '{text}' must be lower case letters, digits and "
                    "dashes, e.g. `id: active-listening`",
                )
            )
            return
    elif key == "title":
        if not text:
            h.problems.append(
                (line, "title-empty", "title is empty: write the title shown in the app")
            )
            return
    elif key == "version":
        if not text:
            h.problems.append(
                (line, "version-empty", 'version is empty: write e.g. `version: "1.0"`')
            )
            return
        if plain and re.match(r"^[0-9.+\-_eE]+$", text):
            h.problems.append(
                (
                    line,
                    "version-unquoted",
                    f"version {text} must be in quotes, or YAML may read it "
                    f'as a number (1.10 becomes 1.1): write `version: "{text}"`',
                )
            )
            return
    elif key == "reviewed":
        if not _read_date(h, text, line, today):
            return
    elif key == "reviewed_by":
        if not text:
            h.problems.append(
                (
                    line,
                    "reviewed-by-empty",
                    "reviewed_by is empty: write who checked this file, e.g. "
                    "`reviewed_by: Stairway content team`",
                )
            )
            return
    elif key == "approved_by":
        if not text:
            h.problems.append(
                (
                    line,
                    "approved-by-empty",
                    "approved_by is empty: write who approved this file for your agency, "
                    "or delete the line until someone has",
                )
            )
            return
    elif key in ("stage", "order"):
        if not re.match(r"^[0-9]+$", text):
            want = "1 to 5" if key == "stage" else "a whole number"
            h.problems.append(
                (line, "number-invalid", f"{key} '{short(text)}' is not a number: write {want}")
            )
            return
        digits = text.lstrip("0") or "0"
        if key == "stage" and (len(digits) > 1 or not 1 <= int(digits) <= 5):
            h.problems.append((line, "number-invalid", f"stage {short(digits)} is not 1 to 5"))
            return
        if len(digits) > MAX_ORDER_DIGITS:
            h.problems.append((line, "number-invalid", f"order {short(digits)} has "
                               f"{len(digits):,} digits, more than a position in a list "
                               f"needs: write a small whole number, e.g. `order: 1`"))
            return
        number = int(digits)
        h.values[key] = number
        return
    h.values[key] = text


def _read_date(h: Header, text: str, line: int, today: dt.date) -> bool:
    day = None
    if DATE_RE.match(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            day = None
    if day is None:
        h.problems.append(
            (
                line,
                "reviewed-not-date",
                f"reviewed '{short(text)}' is not a date: write it as YYYY-MM-DD, "
                f"e.g. `reviewed: {today.isoformat()}`",
            )
        )
        return False
    if day > today:
        h.future = text
        h.problems.append(
            (
                line,
                "reviewed-future",
                f"reviewed {text} is in the future (today is "
                f"{today.isoformat()}): write the date you checked the file",
            )
        )
    return True  # a future date is kept (and reported): the file's guidance is intact


def _read_sources(h: Header, node: yaml.Node, line: int, first_line: int) -> None:
    if not isinstance(node, yaml.SequenceNode):
        h.problems.append(
            (
                line,
                "sources-invalid",
                "sources must be a list of keys from sources.md, e.g. `sources: [noesner-1997]`",
            )
        )
        return
    keys: list[str] = []
    for item in node.value:
        key = _scalar(item)
        item_line = first_line + item.start_mark.line
        if key is None or not key.strip():
            h.problems.append(
                (
                    item_line,
                    "sources-invalid",
                    "sources must list keys from sources.md, e.g. `sources: [noesner-1997]`",
                )
            )
            continue
        key = key.strip()
        if len(key) > SOURCE_KEY_LIMIT:
            h.problems.append((item_line, "value-too-long", f"a source key has {len(key):,} "
                               f"characters, more than the {SOURCE_KEY_LIMIT} a key may have: "
                               "use the key as written in sources.md"))
            continue
        keys.append(key)
        h.source_lines.setdefault(key, item_line)
    h.values["sources"] = tuple(keys)
