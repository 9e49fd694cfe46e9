"""What in the content folder is not guide text and must not ship, and names the guide
cannot use: what `check` reports beside the files' own problems (and `pack` refuses).

A private signing key anywhere, a symbolic link, a pipe, socket or device, a folder that
cannot be opened, a Markdown file whose ending is not a lower-case `.md`, a name a pack
cannot carry (app/guide/names.py, the rule `pack` applies), and two names that differ
only in case. No flet.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from app.fsutil import read_regular
from app.guide.files import NOT_GUIDE, all_names, is_content
from app.guide.names import fold, unsafe_reason

# A private signing key: what `keygen` names one, and the PEM headers of PKCS#8 (what keygen
# writes), encrypted PKCS#8, OpenSSH and the older RSA/EC/DSA formats. content/ ships inside
# the app and inside every pack, so a key left here would reach every phone.
PRIVATE_KEY_SUFFIX = ".key"
PRIVATE_KEY_RE = re.compile(rb"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")
ED25519_DER = bytes.fromhex("302e020100300506032b657004220420")  # PKCS#8 DER, Ed25519
KEY_SCAN_BYTES = 16 * 1024 * 1024  # more than any guide file; a bigger one is read this far


def language_of(root: Path) -> str:
    """The language a guide folder is written in: LANG for a guide kept as
    translations/LANG/ (its labels.txt and its never-say list are in that language), else
    English. What `pack` stamps without --language and what `practice classify` reads by."""
    folder = root.resolve()
    if folder.parent.name == "translations" and re.fullmatch(r"[a-z]{2,3}", folder.name):
        return folder.name
    return "en"


def is_private_key(name: str, data: bytes) -> bool:
    """True when a file called name holding data is a private signing key (PEM, or an
    Ed25519 key in DER form)."""
    return (name.lower().endswith(PRIVATE_KEY_SUFFIX) or data.startswith(ED25519_DER)
            or PRIVATE_KEY_RE.search(data) is not None)


def unreadable_folders(root: Path) -> list[str]:
    """Folders under root (not hidden, not root itself) that cannot be listed: every file
    in them is missing from the guide, so `check` must say so (os.walk skips them)."""
    bad: list[str] = []

    def note(err: OSError) -> None:
        if err.filename:
            bad.append(os.path.relpath(err.filename, root).replace(os.sep, "/"))

    for here, dirs, _ in os.walk(root, onerror=note):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(here, d))]
    return sorted(r for r in bad if r != "." and not any(
        part.startswith(".") for part in r.split("/")))


def folder_problems(root: Path) -> list[tuple[str, str]]:
    """(relative path, code) for what in the folder is not guide text and must not ship:
    a private signing key anywhere, hidden files included (the app build copies them
    too), read through a link as well; and, outside hidden folders, a symbolic link or a
    pipe, socket or device, which `pack` refuses (so `check` says so first)."""
    found = []
    for rel, hidden in _walk_all(root):
        path = root / rel
        try:
            mode = os.lstat(path).st_mode
            if not hidden and stat.S_ISLNK(mode):
                if os.path.exists(path) or not is_content(rel):  # else read_files says it
                    found.append((rel, "file-is-link"))
            elif not hidden and not stat.S_ISREG(mode):
                found.append((rel, "not-a-file"))
                continue
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue
            data = b"" if rel.lower().endswith(PRIVATE_KEY_SUFFIX) else read_regular(
                path, KEY_SCAN_BYTES)
        except OSError:
            continue  # unreadable: the file's own check, or `pack`, names it
        if is_private_key(rel, data):
            found.append((rel, "private-key"))
    return found + [(rel, "folder-unreadable") for rel in unreadable_folders(root)]


def name_problems(root: Path) -> list[tuple[str, str, str]]:
    """(relative path, code, message) for names the guide cannot use as they are: a
    Markdown file whose ending is not a lower-case `.md` (`Bridge.MD`, `bridge.markdown`),
    which the guide does not read; a name a pack cannot carry (app.guide.names: a colon, a
    backslash, a control character, bytes that are not UTF-8, over 240 characters...);
    and two names that differ only in case, which a phone's file system (and a pack)
    cannot hold side by side. Other guides (translations/) and the keys are left to their
    own checks, as `pack` leaves them out."""
    found: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for rel in all_names(root):
        if rel.split("/", 1)[0] in NOT_GUIDE and "/" in rel:
            continue
        why = unsafe_reason(rel)
        if why:
            found.append((rel, "name-unsafe", (
                f"this name cannot go in a guide pack ({why}), so pack refuses the folder and "
                "a phone may not be able to hold it: rename it with plain letters, digits "
                "and dashes")))
        name = rel.rsplit("/", 1)[-1]
        stem, dot, ending = name.rpartition(".")
        if dot and stem and ending.lower() in ("md", "markdown") and ending != "md":
            if name.lower() != "readme.md":
                found.append((rel, "file-name-not-md", (
                    f"this file ends in .{ending}, and the guide reads only files ending in "
                    f".md (lower case), so it is not in the guide: rename it to {stem}.md")))
        key = fold(rel)
        if key in seen:
            found.append((rel, "name-case-clash", (
                f"this name and {seen[key]} differ only in case; a phone keeps only one of "
                "them and pack refuses the folder: rename or remove one")))
        else:
            seen[key] = rel
    return found


def _walk_all(root: Path) -> list[tuple[str, bool]]:
    """Every file and link under root, hidden ones too, with whether it is hidden (or in a
    hidden folder). Links to folders are listed, not entered."""
    out = []
    for here, dirs, names in os.walk(root):
        rel = os.path.relpath(here, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        in_hidden = any(part.startswith(".") for part in prefix.split("/") if part)
        links = [d for d in dirs if os.path.islink(os.path.join(here, d))]
        dirs[:] = [d for d in dirs if d not in links]
        for n in sorted([*names, *links]):
            out.append((prefix + n, in_hidden or n.startswith(".")))
    return sorted(out)
