"""The manifest: what a pack claims to be, and the SHA-256 of every file it carries.

It is stored in the pack as its canonical JSON bytes (keys sorted, no spaces, UTF-8) and
the Ed25519 signature covers exactly those bytes. `parse` checks every field and raises
PackError with one sentence naming the field; it never trusts a value it did not check.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from app.packs.errors import PackError
from app.packs.names import bad_character, unsafe_reason

FORMAT = 1
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
VERSION_RE = re.compile(r"^\d{1,9}(\.\d{1,9}){0,3}$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
HEX_RE = re.compile(r"^[0-9a-f]{64}$")
CREATED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_TEXT = 200
FIELDS = ("format", "id", "title", "version", "language", "created", "approved_by", "files")


@dataclass(frozen=True)
class FileEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    id: str
    title: str
    version: str
    language: str
    created: str  # UTC, 2026-11-30T14:05:00Z
    approved_by: str
    files: dict[str, FileEntry]  # relative POSIX path under content/ -> its hash and size

    def to_bytes(self) -> bytes:
        """The canonical bytes the signature covers."""
        d = {
            "format": FORMAT,
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "language": self.language,
            "created": self.created,
            "approved_by": self.approved_by,
            "files": {
                k: {"sha256": v.sha256, "size": v.size} for k, v in sorted(self.files.items())
            },
        }
        text = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return text.encode("utf-8")


def version_key(version: str) -> tuple[int, ...]:
    """'1.10' -> (1, 10, 0, 0): versions compare as numbers, part by part."""
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def created_now() -> str:
    return dt.datetime.now(dt.UTC).strftime(CREATED_FORMAT)


def field_problem(
    id: str, title: str, version: str, language: str, created: str, approved_by: str
) -> str | None:
    """A few words on the first field that is not usable, or None when all are."""
    for name, value in (
        ("id", id), ("title", title), ("version", version), ("language", language),
        ("created", created), ("approved_by", approved_by),
    ):  # fmt: skip
        why = _text(name, value)
        if why:
            return why
    if not ID_RE.match(id):
        return f"pack id '{id}' must be lower-case letters, digits and dashes"
    if not VERSION_RE.match(version):
        return f"version '{version}' must be numbers separated by dots, like 2026.11 or 1.4.2"
    if not LANGUAGE_RE.match(language):
        return f"language '{language}' must be a language code like en or es-MX"
    try:
        dt.datetime.strptime(created, CREATED_FORMAT)
    except ValueError:
        return f"created '{created}' must be a UTC time like 2026-11-30T14:05:00Z"
    return None


def parse(data: bytes) -> Manifest:
    """The manifest in these bytes, every field checked."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise PackError(
            "manifest-not-utf8",
            "The pack's manifest is not UTF-8 text: the pack is damaged.",
        ) from e
    try:
        d = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError) as e:
        # our own checks (a key twice, NaN) say what is wrong; the parser's words do not
        why = f" ({e})" if type(e) is ValueError else ""
        raise PackError(
            "manifest-not-json",
            f"The pack's manifest is not valid JSON{why}: the pack is damaged.",
        ) from e
    if not isinstance(d, dict):
        _bad("it is not a JSON object")
    unknown = sorted(set(d) - set(FIELDS))
    if unknown:
        _bad(f"it has an unknown field '{unknown[0]}'")
    missing = [f for f in FIELDS if f not in d]
    if missing:
        _bad(f"the field '{missing[0]}' is missing")
    if d["format"] != FORMAT or isinstance(d["format"], bool):
        raise PackError(
            "manifest-invalid",
            f"The pack is of format {d['format']!r}; this app reads format {FORMAT}: "
            "update the app or ask for a pack of format 1.",
        )
    values = {f: d[f] for f in FIELDS[1:-1]}
    for f, v in values.items():
        if not isinstance(v, str):
            _bad(f"the field '{f}' is not text")
    why = field_problem(**values)
    if why:
        _bad(why)
    return Manifest(**values, files=_files(d["files"]))


def _files(files) -> dict[str, FileEntry]:
    if not isinstance(files, dict) or not files:
        _bad("the field 'files' must list at least one file")
    out = {}
    for name, entry in files.items():
        why = unsafe_reason(name)
        if why:
            raise PackError(
                "unsafe-path", f"The manifest lists the file '{name}', which is refused: {why}."
            )
        if not isinstance(entry, dict) or set(entry) != {"sha256", "size"}:
            _bad(f"the entry for '{name}' must have exactly 'sha256' and 'size'")
        sha, size = entry["sha256"], entry["size"]
        if not isinstance(sha, str) or not HEX_RE.match(sha):
            _bad(f"the sha256 of '{name}' is not 64 lower-case hex digits")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            _bad(f"the size of '{name}' is not a whole number of bytes")
        out[name] = FileEntry(sha, size)
    return out


def _text(field: str, value: str) -> str | None:
    if not value or not value.strip():
        return f"the field '{field}' is empty"
    if len(value) > MAX_TEXT:
        return f"the field '{field}' is longer than {MAX_TEXT} characters"
    if what := bad_character(value):  # C0, C1 (U+009B is CSI), bidi overrides and isolates
        return f"the field '{field}' holds {what}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"the field '{field}' is not valid Unicode"
    return None


def _bad(why: str):
    raise PackError("manifest-invalid", f"The pack's manifest is not usable: {why}.")


def _no_duplicates(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"the key '{k}' appears twice")
        d[k] = v
    return d


def _no_constant(name):
    raise ValueError(f"{name} is not a number")
