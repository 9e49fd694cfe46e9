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

# The largest guide file is about 10 KB; parsing grows with size (5 MB took 24 s), so a
# file this big is refused unread: a paste gone wrong, not guidance.
MAX_FILE_BYTES = 256 * 1024
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


def is_content(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if "/" in rel and rel.split("/", 1)[0] in NOT_GUIDE:
        return False
    return name.endswith(".md") and name.lower() != "readme.md"


def content_paths(root: Path) -> list[tuple[str, Path]]:
    """Every Markdown file the guide reads, as (relative POSIX path, path), sorted."""
    return [(rel, root / rel) for rel in _walk(root) if is_content(rel)]


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
        if is_content(rel):
            data = read_regular(root / rel)
            h.update(f"\0{rel}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            h.update(data)
        else:  # a name that is not UTF-8 ("caf\udce9.txt") is hashed as its bytes
            h.update(f"\1{rel}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


# C0 controls and DEL: a NUL shows as "\ufffd", the others as nothing or a box. Tab is fine.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Invisible characters an editor or a paste leaves: "\ufeff## Priorities" is no heading and
# "\ufefftitle:" no title, told as such with nothing on screen to see. (Zero-width joiners
# are left alone: emoji and several scripts need them.)
INVISIBLE = {"\ufeff": "a byte order mark", "\u200b": "a zero-width space"}
INVISIBLE_RE = re.compile("[\ufeff\u200b]")


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
        elif found := INVISIBLE_RE.search(line, 1 if n == 1 else 0):  # a file may start so
            f.add(
                n,
                "text-bad-character",
                f"this line holds an invisible character (U+{ord(found.group()):04X}, "
                f"{INVISIBLE[found.group()]}): a heading, list item or front-matter key on "
                "this line may not be read as one; delete it",
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
