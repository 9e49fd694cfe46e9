"""Which file names a guide may use: relative POSIX paths that stay inside their folder.

One rule for `check` (name-unsafe, app/guide/folder.py), for the names `pack` puts in the
zip and for the paths a pack's manifest lists (app/packs/names.py hands it on), so that
what `check` passes `pack` takes, extraction can never write outside the staging folder
on Linux, Android, iOS, macOS or Windows, and two names never land on the same file of a
case-insensitive file system. No flet.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 240
DRIVE_RE = re.compile(r"^[A-Za-z]:")
# C0 and C1 controls, DEL and the Unicode line breaks: in a name or a pack's field they
# can move a terminal's cursor (U+009B is CSI, as ESC [ is) or start a forged line.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Bidi embeddings, overrides and isolates: "\u202etxt.exe" reads as "exe.txt".
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def bad_character(text: str) -> str | None:
    """A few words on the first control or text-direction character in text, or None."""
    if found := CONTROL_RE.search(text):
        return f"a control character (U+{ord(found.group()):04X})"
    if found := BIDI_RE.search(text):
        return f"a text-direction control (U+{ord(found.group()):04X})"
    return None


def unsafe_reason(name: str) -> str | None:
    """None for a safe relative path, else a few words saying what is wrong with it."""
    if not name:
        return "it is empty"
    if len(name) > MAX_NAME:
        return f"it is longer than {MAX_NAME} characters"
    if what := bad_character(name):
        return f"it holds {what}"
    if "\\" in name:
        return "it holds a backslash"
    if DRIVE_RE.match(name):
        return "it starts with a drive letter"
    if name.startswith("/"):
        return "it is an absolute path"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "it is not valid Unicode"
    for part in name.split("/"):
        if part == "..":
            return "it climbs out of the folder with '..'"
        if part in ("", "."):
            return "it has an empty or '.' part"
        if part.startswith("."):
            return "it names a hidden file or folder"
        if part.endswith((" ", ".")):
            return "a part of it ends with a space or a dot"
        if ":" in part:
            return "it holds a colon"
    return None


def fold(name: str) -> str:
    """The name as a case-insensitive, normalising file system sees it."""
    return unicodedata.normalize("NFC", name).casefold()
