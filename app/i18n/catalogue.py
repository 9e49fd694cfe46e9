"""Label catalogue files: read `key: text` lines, check them against the English catalogue.

    # a comment
    nav_home: Inicio
    stage_indicator: Etapa {order} de {total}

One label a line: a key (lower case letters, digits, `_`), a colon, the text. `{name}` is
a placeholder the app fills in; a translation keeps every placeholder of the English
label and adds none. Blank lines and lines starting with `#` are skipped.

Pure Python (no flet, no tinydb): the app reads the built-in catalogues and a guide's
`labels.txt` with it, and `check` reports what is wrong in that file as
`path:line: message`. Problems are data, `(line, code, message)`, with codes registered
in app.guide.codes; a line with a problem is left out and the rest still applies.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
PLACEHOLDER_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
LINE_RE = re.compile(r"^([^:\s]+)\s*:(.*)$")

# A control character (C0 but tab, DEL, C1) shows as \ufffd, a box or nothing, and ESC or
# BEL act on a terminal; a bidi override or isolate turns the label around it backwards.
CONTROL_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

# the problem codes this module reports (documented in content/README.md)
SYNTAX, EMPTY, DUPLICATE, UNKNOWN, PLACEHOLDER, NOT_UTF8, BAD_CHARACTER = (
    "labels-syntax", "labels-empty", "labels-twice", "labels-unknown-key",
    "labels-placeholder", "not-utf8", "labels-bad-character",
)  # fmt: skip
CODES = (SYNTAX, EMPTY, DUPLICATE, UNKNOWN, PLACEHOLDER, NOT_UTF8, BAD_CHARACTER)


@dataclass
class Parsed:
    """What a catalogue file says: its labels, the line of each, and its problems."""

    labels: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a label."""
    return set(PLACEHOLDER_RE.findall(text))


def fill(text: str, fields: Mapping[str, object]) -> str:
    """Put each field in its `{name}`; other braces stay as they are (no str.format)."""
    if not fields:
        return text
    return PLACEHOLDER_RE.sub(
        lambda m: str(fields[m.group(1)]) if m.group(1) in fields else m.group(0), text
    )


def decode(data: bytes) -> tuple[str | None, list[tuple[int, str, str]]]:
    """The file's text (a BOM dropped), or None and the problem when it is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        bad = data[e.start : e.start + 1].hex()
        return None, [(line, NOT_UTF8, f"file is not valid UTF-8 (byte 0x{bad}): save it as "
                       "UTF-8 in your editor")]


def parse(text: str) -> Parsed:
    """Read `key: text` lines; syntax, empty text and a key given twice are problems."""
    out = Parsed()
    for n, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE_RE.match(line)
        if not m or not KEY_RE.match(m.group(1)):
            shown = line if len(line) <= 40 else line[:37] + "..."
            out.problems.append((n, SYNTAX, f"'{shown}' is not a label: write `key: text`, "
                                 "the key in lower case letters, digits and _"))
            continue
        key, value = m.group(1), m.group(2).strip()
        if bad := _bad_character(raw):  # the line as written: strip() drops some at the ends
            out.problems.append((n, BAD_CHARACTER, f"label '{key}' holds {bad}"))
            continue
        if not value:
            out.problems.append((n, EMPTY, f"label '{key}' has no text: write it after the "
                                 "colon, or delete the line to keep the English"))
            continue
        if key in out.labels:
            out.problems.append((n, DUPLICATE, f"label '{key}' is given twice (first on line "
                                 f"{out.lines[key]}): keep one"))
            continue
        out.labels[key] = value
        out.lines[key] = n
    return out


def _bad_character(text: str) -> str | None:
    """What a label holds that no screen should show, said for the message, or None."""
    if found := CONTROL_RE.search(text):
        return (f"an invisible control character (U+{ord(found.group()):04X}), which shows as "
                "\ufffd or not at all: delete it")
    if found := BIDI_RE.search(text):
        return (f"an invisible direction mark (U+{ord(found.group()):04X}), which turns the "
                "text around it backwards on screen: delete it")
    return None


def validate(parsed: Parsed, english: Mapping[str, str]) -> Parsed:
    """Keep the labels the English catalogue knows with the same placeholders; every other
    one becomes a problem at its line. Returns a new Parsed (problems in line order)."""
    out = Parsed(problems=list(parsed.problems))
    for key, value in parsed.labels.items():
        line = parsed.lines[key]
        if key not in english:
            near = difflib.get_close_matches(key, list(english), n=1)
            hint = f"did you mean '{near[0]}'?" if near else "see the English catalogue"
            out.problems.append((line, UNKNOWN, f"unknown label '{key}': {hint}"))
            continue
        want, got = placeholders(english[key]), placeholders(value)
        if want != got:
            parts = []
            if want - got:
                parts.append("missing " + ", ".join(f"{{{p}}}" for p in sorted(want - got)))
            if got - want:
                parts.append("not known " + ", ".join(f"{{{p}}}" for p in sorted(got - want)))
            out.problems.append((line, PLACEHOLDER, f"label '{key}': {'; '.join(parts)} "
                                 f"(the English is '{english[key]}')"))
            continue
        out.labels[key] = value
        out.lines[key] = line
    out.problems.sort()
    return out


def read(data: bytes, english: Mapping[str, str]) -> Parsed:
    """Decode, parse and validate one catalogue file's bytes."""
    text, problems = decode(data)
    if text is None:
        return Parsed(problems=problems)
    return validate(parse(text), english)
