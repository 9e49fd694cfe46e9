"""Front matter: the YAML header between two `---` lines, read without YAML's traps.

We compose the YAML into nodes and read each scalar's text as written, so `version: 1.10`
is never silently 1.1 and `title: No` never becomes False. Each node keeps its line, so
every message points at the key that is wrong.
"""

from __future__ import annotations

import datetime as dt

import yaml

from app.guide.headervalues import (
    ADD,
    ID_RE,
    LINE_BREAK_RE,
    LINE_BREAKS,
    Header,
    bad_character,
    read_key,
    short,
)

__all__ = ["ID_RE", "Header", "KNOWN", "REQUIRED", "read_header"]

REQUIRED = ("id", "title", "version", "reviewed", "reviewed_by", "sources")
KNOWN = (*REQUIRED, "approved_by", "stage", "order")
# The keys only one kind of file reads, with where each belongs. Elsewhere such a key
# was accepted and read by nothing (`stage: 3` in a practice scenario said "no
# problems"), so an instructor believed it did something.
OWN_KEYS = {"stage": "stage", "order": "checklist", "situation": "practice"}
BELONGS = {"stage": "a stage file, in stairway/", "checklist": "a checklist, in checklists/",
           "practice": "a practice scenario, in practice/"}
KIND_NAMES = {"stage": "a stage file", "checklist": "a checklist", "situation": "a situation file",
              "skills": "the skills file", "sources": "sources.md", "style": "style.md",
              "contacts": "contacts.md", "practice": "a practice scenario"}


def read_header(
    yaml_text: str, first_line: int, kind: str, today: dt.date, lenient_sources: bool = False
) -> Header:
    """Check the YAML of one file's front matter.

    `first_line` is the 1-based file line of the first YAML line (2 after `---`).
    `kind` is the file kind ("stage", "checklist", ...); stage files need `stage:`.
    `lenient_sources`: sources.md may leave out `sources` (it is the bibliography).
    """
    h = Header()
    yaml_text = _line_breaks(h, yaml_text, first_line)
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except RecursionError:
        h.problems.append(
            (
                first_line,
                "front-matter-invalid",
                "front matter is nested too deeply: write one `key: value` per line",
            )
        )
        return h
    except yaml.YAMLError as e:
        context = getattr(e, "context", None) or ""
        mark = getattr(e, "problem_mark", None)
        if context.startswith(("while scanning", "while parsing a flow")):
            mark = getattr(e, "context_mark", None) or mark  # where the bracket/quote opened
        line = first_line + (mark.line if mark else 0)
        what = getattr(e, "problem", None) or str(e).splitlines()[0]
        what = f"{what} {context}".strip()
        h.problems.append(
            (
                line,
                "front-matter-invalid",
                f"front matter is not valid YAML ({what}): write one `key: value` per "
                "line, and put a value that contains `: ` or `#` in quotes",
            )
        )
        return h
    if node is None:
        h.problems.append(
            (
                first_line - 1,
                "front-matter-empty",
                "front matter is empty: add id, title, version, reviewed, reviewed_by and sources",
            )
        )
        return h
    if not isinstance(node, yaml.MappingNode):
        h.problems.append(
            (
                first_line + node.start_mark.line,
                "front-matter-invalid",
                "front matter must be `key: value` lines",
            )
        )
        return h

    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]` or `[a]: b`
            h.problems.append((line, "front-matter-invalid",
                               "a front-matter key must be one word before a colon, e.g. "
                               "`title:`, not a list or a block"))
            continue
        key = str(key_node.value)
        if key in h.lines:
            h.problems.append((line, "key-twice", f"key '{key}' appears twice in the front matter"))
            continue
        h.lines[key] = line
        if (unknown := _unknown_key(key, kind)) is not None:
            h.problems.append((line, "key-unknown", unknown))
            continue
        if (tag := _tagged(value_node)) is not None:
            h.problems.append((line, "front-matter-invalid",
                               f"'{short(key)}' has `{short(tag)}` before its value, which the "
                               f"app does not read: delete `{short(tag)}` and write the value "
                               "as plain text"))
            continue
        if (bad := bad_character(value_node)) is not None:
            h.problems.append((line, "value-bad-character", f"'{key}' holds {bad}"))
            continue
        read_key(h, key, value_node, line, kind, today, first_line)

    for key in REQUIRED:
        if key == "sources" and lenient_sources:
            continue
        if key not in h.lines:
            h.problems.append(
                (first_line - 1, "key-missing", f"front matter has no '{key}': {ADD[key]}")
            )
    if not lenient_sources and h.values.get("sources") == ():
        h.problems.append(
            (
                h.line("sources"),
                "sources-empty",
                "sources is empty: cite at least one key from sources.md",
            )
        )
    if kind == "practice" and "situation" not in h.lines:
        h.problems.append(
            (
                first_line - 1,
                "key-missing",
                "front matter has no 'situation': add `situation: suicidal` (a situation id)",
            )
        )
    if kind == "stage" and "stage" not in h.lines:
        h.problems.append(
            (first_line - 1, "key-missing", "front matter has no 'stage': add `stage: 1` to 5")
        )
    return h


_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
               ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


def _tagged(node) -> str | None:
    """A YAML tag written on the value or an item of it (`!!binary aGVsbG8=` became the
    title "aGVsbG8="), as typed; None when there is none."""
    for n in (node, *(node.value if isinstance(node, yaml.SequenceNode) else ())):
        if n.tag not in _PLAIN_TAGS:
            return n.tag.replace("tag:yaml.org,2002:", "!!")
    return None


def _unknown_key(key: str, kind: str) -> str | None:
    """Why `key` does not belong in this kind of file's header, or None when it does. A
    file outside the content folders (its kind unknown) is told that first: any key
    one kind reads is let be."""
    owner = OWN_KEYS.get(key)
    if owner is not None and (owner == kind or kind == "unknown"):
        return None
    if owner is not None:
        return (f"key '{key}' has no meaning in {KIND_NAMES.get(kind, 'this file')}: delete "
                f"the line (`{key}:` belongs only in {BELONGS[owner]})")
    if key in KNOWN:
        return None
    known = [k for k in (*KNOWN, "situation") if OWN_KEYS.get(k, kind) == kind]
    return (f"unknown key '{short(key)}' in the front matter (known: {', '.join(known)})")


def _line_breaks(h: Header, yaml_text: str, first_line: int) -> str:
    """Name each line holding a character YAML takes for a line break and we do not (U+2028
    from a pasted web page; it was "not valid YAML (could not find expected ':')" on the
    next line, the character never named), and read the header with a space in its place,
    so the lines of every other message stay right."""
    if not LINE_BREAK_RE.search(yaml_text):
        return yaml_text
    for n, text in enumerate(yaml_text.split("\n")):
        if found := LINE_BREAK_RE.search(text):
            h.problems.append((first_line + n, "value-bad-character", "this line holds an "
                               f"invisible {LINE_BREAKS[found.group()]}, which YAML reads as "
                               "a line break: delete it"))
    return LINE_BREAK_RE.sub(" ", yaml_text)
