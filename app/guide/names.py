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
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_reason(name: str) -> str | None:
    """None for a safe relative path, else a few words saying what is wrong with it."""
    if not name:
        return "it is empty"
    if len(name) > MAX_NAME:
        return f"it is longer than {MAX_NAME} characters"
    if CONTROL_RE.search(name):
        return "it holds a control character"
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
