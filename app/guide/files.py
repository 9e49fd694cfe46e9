"""Find the content files, read them as UTF-8, split front matter from Markdown.

Kind of file by folder: stairway/ -> stage, checklists/ -> checklist, situations/ ->
situation, skills/ -> skills; at the root, sources.md -> sources, style.md -> style (the
writing rules), contacts.md -> contacts. README.md files are documentation for
instructors and are skipped.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from app.fsutil import NotRegularFile, read_regular
from app.guide.blocks import Doc, parse_markdown
from app.guide.codes import CODES
from app.guide.frontmatter import Header, read_header
from app.guide.model import FILE, ITEM

FOLDERS = {
    "stairway": "stage",
    "checklists": "checklist",
    "situations": "situation",
    "skills": "skills",
    "practice": "practice",
}
ROOT_FILES = {"sources.md": "sources", "style.md": "style", "contacts.md": "contacts"}

# A private signing key: what `keygen` names one, and the PEM headers of PKCS#8 (what keygen
# writes), encrypted PKCS#8, OpenSSH and the older RSA/EC/DSA formats. content/ ships inside
# the app and inside every pack, so a key left here would reach every phone.
PRIVATE_KEY_SUFFIX = ".key"
PRIVATE_KEY_RE = re.compile(rb"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")
ED25519_DER = bytes.fromhex("302e020100300506032b657004220420")  # PKCS#8 DER, Ed25519
# The largest guide file is about 10 KB; parsing grows with size (5 MB took 24 s), so a
# file this big is refused unread: a paste gone wrong, not guidance.
MAX_FILE_BYTES = 256 * 1024
KEY_SCAN_BYTES = 16 * 1024 * 1024  # more than any guide file; a bigger one is read this far
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
                if os.path.exists(path) or not _is_content(rel):  # else read_files says it
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
    which the guide does not read, and two names that differ only in case, which a phone's
    file system (and a pack) cannot hold side by side. Other guides (translations/) and
    the keys are left to their own checks, as `pack` leaves them out."""
    found: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for rel in _walk(root):
        if rel.split("/", 1)[0] in NOT_GUIDE and "/" in rel:
            continue
        name = rel.rsplit("/", 1)[-1]
        stem, dot, ending = name.rpartition(".")
        if dot and stem and ending.lower() in ("md", "markdown") and ending != "md":
            if name.lower() != "readme.md":
                found.append((rel, "file-name-not-md", (
                    f"this file ends in .{ending}, and the guide reads only files ending in "
                    f".md (lower case), so it is not in the guide: rename it to {stem}.md")))
        key = unicodedata.normalize("NFC", rel).casefold()
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


@dataclass
class File:
    rel: str  # POSIX path relative to the content dir
    kind: str  # stage, checklist, situation, skills, sources, unknown
    data: bytes
    doc: Doc = field(default_factory=Doc)
    header: Header = field(default_factory=Header)
    # (line, code, message); the code's severity (app.guide.codes) decides what is kept
    problems: list[tuple[int, str, str]] = field(default_factory=list)
    readable: bool = True  # False when the bytes are not UTF-8
    lines: list[str] = field(default_factory=list)  # the decoded text, one entry per line

    def add(self, line: int, code: str, message: str) -> None:
        if code not in CODES:
            raise KeyError(f"problem code '{code}' is not in app.guide.codes")
        self.problems.append((max(line, 1), code, message))

    @property
    def broken(self) -> bool:
        """True when a problem makes the file unsafe to show: it is left out of the app."""
        return any(CODES[code].severity == FILE for _, code, _ in self.problems)

    @property
    def partial(self) -> bool:
        """True when some items or phrases of the file were left out."""
        return any(CODES[code].severity == ITEM for _, code, _ in self.problems)

    @property
    def root(self) -> bool:
        """True when the file's own syntax is broken (read `check` first: fix this first)."""
        return any(CODES[code].root for _, code, _ in self.problems)

    @property
    def id(self) -> str | None:
        v = self.header.values.get("id")
        return v if isinstance(v, str) else None


def _walk(root: Path) -> list[str]:
    """Every file under root as a relative POSIX path, hidden files and folders left out."""
    out = []
    for here, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(here, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        out.extend(prefix + n for n in names if not n.startswith("."))
    out.sort()
    return out


# Top-level folders that are not part of this guide: other guides kept beside it
# (content/translations/es/ is a guide of its own, checked with `check
# content/translations/es`) and the trusted keys.
NOT_GUIDE = ("translations", "keys")


def _is_content(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if "/" in rel and rel.split("/", 1)[0] in NOT_GUIDE:
        return False
    return name.endswith(".md") and name.lower() != "readme.md"


def content_paths(root: Path) -> list[tuple[str, Path]]:
    """Every Markdown file the guide reads, as (relative POSIX path, path), sorted."""
    return [(rel, root / rel) for rel in _walk(root) if _is_content(rel)]


def all_names(root: Path) -> list[str]:
    """Every file name under the content dir (links may point at any of them)."""
    return _walk(root)


def kind_of(rel: str) -> str:
    parts = rel.split("/")
    if len(parts) == 1:
        return ROOT_FILES.get(parts[0], "unknown")
    return FOLDERS.get(parts[0], "unknown")


def read_files(root: Path) -> list[File]:
    files = []
    for rel, path in content_paths(root):
        try:
            data = read_regular(path, MAX_FILE_BYTES)
            if len(data) > MAX_FILE_BYTES:
                f = File(rel, kind_of(rel), b"", readable=False)
                f.add(1, "file-too-big", f"file is larger than {MAX_FILE_BYTES // 1024} KB, far "
                      "more than any guide file needs: split it, or remove what was pasted in")
                files.append(f)
            else:
                files.append(File(rel, kind_of(rel), data))
        except NotRegularFile as e:
            f = File(rel, kind_of(rel), b"", readable=False)
            f.add(1, "file-unreadable", f"file cannot be opened ({e.strerror}): replace it "
                  "with a plain text file")
            files.append(f)
        except OSError as e:
            f = File(rel, kind_of(rel), b"", readable=False)
            f.add(1, "file-unreadable", f"file cannot be opened ({_why(e)}): {_fix(e)}")
            files.append(f)
    return files


def _why(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "it is a symbolic link that leads back to itself"
    if e.errno == errno.ENOENT:
        return "it is a symbolic link to nothing"
    if e.errno == errno.ENXIO:
        return "it is a socket, not a file"
    return e.strerror or str(e)


def _fix(e: OSError) -> str:
    if e.errno in (errno.EACCES, errno.EPERM):
        return "check its permissions"
    return "replace it with a plain text file"


def content_hash(root: Path, salt: str) -> str:
    """A hash of every content file's bytes and of every file name (links check them)."""
    h = hashlib.sha256(salt.encode())
    names = _walk(root)
    for rel in names:
        if _is_content(rel):
            data = read_regular(root / rel)
            h.update(f"\0{rel}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            h.update(data)
        else:  # a name that is not UTF-8 ("caf\udce9.txt") is hashed as its bytes
            h.update(f"\1{rel}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# C0 controls and DEL: a NUL shows as "\ufffd", the others as nothing or a box. Tab is fine.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _control_characters(f: File) -> None:
    """One warning per line that holds a control character: in the body any, in the front
    matter a NUL only (the header's own check, value-bad-character, covers the others; the
    Markdown reader turns a NUL into \ufffd before the header check sees it)."""
    body = 1 if f.doc.yaml is None else f.doc.yaml_line + f.doc.yaml.count("\n") + 2
    for n, line in enumerate(f.lines, start=1):
        found = CONTROL_RE.search(line) if n >= body else re.search("\x00", line)
        if found:
            f.add(
                n,
                "text-bad-character",
                f"this line holds an invisible control character (U+{ord(found.group()):04X}), "
                "which shows as \ufffd or not at all: delete it",
            )


def decode(f: File, today: dt.date) -> None:
    """Decode, parse the Markdown and read the front matter of one file."""
    if not f.readable:  # it could not be read: that is its one problem
        return
    if f.kind == "unknown":
        f.add(
            1,
            "file-outside-folders",
            "file is not in a content folder (stairway/, checklists/, situations/, "
            "skills/) and is not sources.md, style.md or contacts.md: move it, or name it "
            "README.md",
        )
    data = f.data[3:] if f.data.startswith(b"\xef\xbb\xbf") else f.data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        bad = data[e.start : e.start + 1].hex()
        f.readable = False
        f.add(
            line,
            "not-utf8",
            f"file is not valid UTF-8 (byte 0x{bad}): save it as UTF-8 in your editor",
        )
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    f.lines = text.split("\n")
    f.doc = parse_markdown(text)
    f.problems.extend(f.doc.problems)
    f.doc.problems = f.problems  # later passes over the blocks report into the file
    if f.doc.yaml is not None:
        f.header = read_header(
            f.doc.yaml, f.doc.yaml_line, f.kind, today, lenient_sources=f.kind == "sources"
        )
        f.problems.extend(f.header.problems)
    _control_characters(f)
