"""Checks across files: ids, source keys, one file per stage, links; and the names a
broken file probably has, so references to it are not reported as unknown.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from app.guide.files import File, all_names
from app.guide.headervalues import LIMITS, short
from app.guide.model import FILE, Phrase, Problem
from app.guide.query import fits, same_text
from app.guide.reference import Vocab
from app.numbers import plain_int

SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_KEY_RE = re.compile(r"^\s*(id|title|stage)\s*:\s*[\"']?([^\"'#\n]*)", re.IGNORECASE)
_STEM_RE = re.compile(r"^(\d+)[-_ ]+(.+)$")


def salvage_title(f: File) -> str:
    """The file's title for a message: from its header, its raw `title:` line, or its name.
    A raw title too long to be one (value-too-long) is not shown to the officer."""
    title = f.header.values.get("title")
    if isinstance(title, str) and title:
        return title
    for line in f.lines[:40]:
        m = _KEY_RE.match(line)
        raw = m.group(2).strip() if m and m.group(1).lower() == "title" else ""
        if raw and len(raw) <= LIMITS["title"][0]:
            return raw
    return posixpath.splitext(posixpath.basename(f.rel))[0]


def salvage(f: File) -> tuple[list[str], int | None]:
    """Names and stage number a file probably has, read leniently from its raw header
    lines and its file name, for when its front matter could not be read."""
    names: list[str] = []
    number = None
    v = f.header.values
    names += [str(v[k]) for k in ("id", "title") if isinstance(v.get(k), str)]
    if isinstance(v.get("stage"), int):
        number = v["stage"]
    for line in f.lines[:40]:
        m = _KEY_RE.match(line)
        if not m or not m.group(2).strip():
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "stage" and number is None and _number(value) in range(1, 6):
            number = _number(value)
        else:
            names.append(value)
    stem = posixpath.splitext(posixpath.basename(f.rel))[0]
    m = _STEM_RE.match(stem)
    if m:
        number = number if number is not None else int(m.group(1))
        stem = m.group(2)
    names.append(stem)
    return list(dict.fromkeys(n for n in names if n)), number


def _number(text: str) -> int | None:
    return plain_int(text)


def register_pending(vocab: Vocab, files: list[File]) -> None:
    """Broken stage and situation files: their probable names become pending."""
    for f in files:
        if f.kind == "stage" and (f.broken or not isinstance(f.header.values.get("stage"), int)):
            names, number = salvage(f)
            vocab.add_pending_stage(names, number)
            if number is None:
                vocab.pending_stage_numbers.add(0)  # some stage: no "no file for stage N"
        elif f.kind == "situation" and (f.broken or f.id is None):
            names, _ = salvage(f)
            vocab.pending_situations.update(n.strip().lower() for n in names)
        elif f.kind == "skills" and f.root:
            vocab.skills_pending = True
        elif f.kind == "sources" and f.root:
            vocab.sources_pending = True


def check_ids(files: list[File]) -> None:
    first: dict[str, File] = {}
    for f in files:
        if f.id is None:
            continue
        if f.id in first:
            f.add(
                f.header.line("id"),
                "id-duplicate",
                f"id '{f.id}' is already used by {first[f.id].rel}: give this file its own id",
            )
        else:
            first[f.id] = f


def check_repeated_phrases(files: list[File], found: list[Phrase], situations: list[str]) -> None:
    """A phrase written twice for the same stage and kind, where one situation shows both
    (a stage file's line repeated in a situation file): the officer reads it twice."""
    by_rel = {f.rel: f for f in files}
    first: dict[tuple, list[Phrase]] = {}
    for p in found:
        if p.file not in by_rel or by_rel[p.file].broken:
            continue  # a file left out shows nothing: its own problem is told
        earlier = first.setdefault(same_text(p), [])
        for q in earlier:
            both = [s for s in situations
                    if fits(p.situations, s, p.not_situations)
                    and fits(q.situations, s, q.not_situations)]
            if both or not (p.situations or q.situations):
                every = not both or len(both) == len(situations)
                kind = "Say" if p.kind == "say" else "Avoid"
                by_rel[p.file].add(
                    p.line,
                    "phrase-twice",
                    f"'{short(p.text, 60)}' is already a stage {p.stage} {kind} phrase "
                    f"({q.file} line {q.line}): for "
                    f"{'every situation' if every else ', '.join(both)} it shows twice; "
                    "keep one",
                )
                break
        earlier.append(p)


def check_sources(files: list[File], vocab: Vocab) -> None:
    if vocab.sources_pending:
        return  # sources.md itself is broken: fix that first
    known = set(vocab.sources)
    for f in files:
        for key, line in f.header.source_lines.items():
            if key not in known:
                f.add(line, "source-unknown", vocab.unknown_source(key))


def check_stages(
    stage_files: list[File], files: list[File], shown: str, vocab: Vocab, out: list[Problem]
) -> None:
    """Exactly one file per stage number 1..5."""
    first: dict[int, File] = {}
    for f in stage_files:
        order = f.header.values.get("stage")
        if not isinstance(order, int):
            continue
        if order in first:
            f.add(
                f.header.line("stage"),
                "stage-duplicate",
                f"stage {order} is also used by "
                f"{first[order].rel}: each stage 1 to 5 needs exactly one file",
            )
        else:
            first[order] = f
    pending = vocab.pending_stage_numbers
    missing = [n for n in range(1, 6) if n not in first and n not in pending and 0 not in pending]
    in_folder = [f for f in files if f.kind == "stage"]
    path = os.path.join(shown, in_folder[0].rel) if in_folder else os.path.join(shown, "stairway")
    for n in missing:
        message = (
            f"no file for stage {n}: the stairway needs one file for "
            f"each stage 1 to 5 in stairway/ (with `stage: {n}`)"
        )
        out.append(Problem(path, 1, message, "stage-missing", FILE))


def check_links(files: list[File], root: Path) -> None:
    names = set(all_names(root))
    dirs = {posixpath.dirname(n) for n in names}
    for f in files:
        for href, line in f.doc.links:
            target = href.split("#", 1)[0].split("?", 1)[0].strip()
            if SCHEME_RE.match(target) or target.startswith("//"):
                f.add(line, "link-outside",
                      f"link '{href[:80]}' goes outside the guide: the app is offline and "
                      "shows it as plain text; add the source to sources.md and cite its key "
                      "under `sources:`")
                continue
            if not target:
                continue
            target = unquote(target)
            if target.startswith("/"):
                resolved = posixpath.normpath(target.lstrip("/"))
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(f.rel), target))
            if resolved in names or resolved.rstrip("/") in dirs:
                continue
            f.add(
                line,
                "link-broken",
                f"link '{href}' points to a file that does not exist "
                f"(looked for {resolved}): fix the path or remove the link",
            )
