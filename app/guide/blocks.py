"""Markdown text -> a flat list of blocks (headings, paragraphs, list items, quotes).

The kind parsers (stages, checklists, situations, skills, sources) read these blocks
instead of raw markdown-it tokens. Lines are 1-based file lines (token.map is 0-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

ONLY_RE = re.compile(r"^only\s+for\s*:(.*)$", re.IGNORECASE | re.DOTALL)
NOT_RE = re.compile(r"^not\s+for\s*:(.*)$", re.IGNORECASE | re.DOTALL)
EMPTY_TASK_RE = re.compile(r"^\[[ xX]\]$")

_MD = MarkdownIt("commonmark", {"tasklists": True}).use(front_matter_plugin)
# Every link is read as a link, its words kept as text (the app shows no link), so that
# check can name one going outside the guide: markdown-it's own test left a `javascript:`
# or `file:` link as its raw brackets on screen, with no word from check.
_MD.validateLink = lambda url: True


# Blocks the app never shows, with what a message calls them and how to fix one: a
# fenced or indented code block, an HTML block. They were dropped with no word from check
# where a paragraph is reported; now each kind parser reports them where it reports one.
UNSHOWN = {
    "code": ("a code block", "remove the ``` lines (or the indent) and start each line with `- `"),
    "html": ("an HTML block", "remove the <tags> and start each line with `- `"),
}
_UNSHOWN_TOKENS = {"fence": "code", "code_block": "code", "html_block": "html"}


@dataclass
class Block:
    kind: str  # "heading", "para", "item", "quote", "sub" (a list item inside an item),
    # or an UNSHOWN kind ("code", "html"), also when it sits inside a list item
    line: int
    text: str
    level: int = 0  # heading level (1 for #); for a "sub", 1 + how deep it is nested
    tick: bool = False  # a task-list item `- [ ]`
    code: str | None = None  # the first inline code span (sources.md keys)
    subs: list[Block] = field(default_factory=list)  # an item's sub-items, in order
    end: int = 0  # last file line of a list item (sub-items included), 1-based
    ordered: bool = False  # a list item of a numbered list (`1. ...`), not a `- ` one


@dataclass
class Doc:
    """One content file after Markdown parsing, before its kind is interpreted."""

    yaml: str | None = None  # front matter text; None when there is none
    yaml_line: int = 2  # file line of the first YAML line
    unterminated: bool = False
    blocks: list[Block] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # line, code, message


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[Token, ...]:
    """markdown-it's tokens for `text`, remembered: live preview compiles the whole guide
    on every save, and most files have not changed. The tokens are only read, never
    changed, after this (`_blocks` builds fresh Blocks from them)."""
    return tuple(_MD.parse(text))


def parse_markdown(text: str) -> Doc:
    doc = Doc()
    tokens = list(_tokens(text))
    first = text.split("\n", 1)[0].rstrip()
    if tokens and tokens[0].type == "front_matter":
        doc.yaml = tokens[0].content
        doc.yaml_line = tokens[0].map[0] + 2
    elif re.match(r"^-{3,}$", first):
        doc.unterminated = True
        doc.problems.append(
            (
                1,
                "front-matter-not-closed",
                "front matter is not closed: add a line `---` after the last key",
            )
        )
        return doc
    else:
        doc.problems.append(
            (
                1,
                "front-matter-missing",
                "front matter is missing: start the file with `---`, the "
                "keys id, title, version, reviewed, reviewed_by, sources, then `---`",
            )
        )
    _blocks(tokens, doc)
    _too_deep(tokens, doc)
    return doc


# markdown-it stops reading a list or quote nested deeper than its maxNesting, and with it
# the rest of the file, with no error: a checklist could lose its last items unseen.
MAX_NESTING = _MD.options["maxNesting"]
CONTAINERS = ("bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open")


def _too_deep(tokens: list[Token], doc: Doc) -> None:
    deep = next((t for t in tokens if t.level >= MAX_NESTING - 1 and t.type in CONTAINERS), None)
    if deep is not None and deep.map:
        doc.problems.append(
            (
                deep.map[0] + 1,
                "markdown-too-deep",
                "lists or quotes are nested too deeply here, so the rest of the file cannot "
                "be read: indent each sub-item once, under its item",
            )
        )


def _blocks(tokens: list[Token], doc: Doc) -> None:
    """Top-level list items become "item" blocks; a list item inside one becomes a "sub"
    block in that item's `subs` (deeper ones too, with a higher level, so the parser can
    say they are nested too deep)."""
    stack: list[Token] = []  # open container tokens
    item_at: list[Block] = []  # the Block for each open list item
    for i, tok in enumerate(tokens):
        if tok.type in ("list_item_open", "blockquote_open"):
            stack.append(tok)
            if tok.type == "list_item_open":
                checked = (tok.meta or {}).get("checked")
                ordered = tok.markup in (".", ")")  # `1.` or `1)`; a bullet is `-`, `*`, `+`
                line = tok.map[0] + 1
                end = tok.map[1]
                if item_at:
                    top = item_at[0]
                    block = Block("sub", line, "", level=len(item_at), tick=checked is not None,
                                  ordered=ordered)
                    block.end = end
                    top.subs.append(block)
                else:
                    block = Block("item", line, "", tick=checked is not None, end=end,
                                  ordered=ordered)
                    doc.blocks.append(block)
                item_at.append(block)
        elif tok.type in ("list_item_close", "blockquote_close"):
            opened = stack.pop()
            if opened.type == "list_item_open":
                item_at.pop()
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            text, code = _text(inline, tok.map[0] + 1, doc)
            level = int(tok.tag[1])
            doc.blocks.append(Block("heading", tok.map[0] + 1, text, level=level, code=code))
            if not text:
                doc.problems.append(
                    (
                        tok.map[0] + 1,
                        "heading-empty",
                        f"heading is empty: write its text or delete the line `{'#' * level}`",
                    )
                )
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            line = tok.map[0] + 1
            text, code = _text(inline, line, doc)
            parent = stack[-1].type if stack else None
            if parent == "list_item_open":
                item = item_at[-1]
                if not item.text and item.line == line and EMPTY_TASK_RE.match(text):
                    item.tick = True  # `- [ ]` with nothing after it
                    continue
                item.text = f"{item.text} {text}".strip()
                item.code = item.code or code
            elif parent == "blockquote_open":
                doc.blocks.append(Block("quote", line, text, code=code))
            else:
                doc.blocks.append(Block("para", line, text, code=code))
        elif tok.type in _UNSHOWN_TOKENS and tok.map:  # in an item too: it is not its text
            text = " ".join(tok.content.split())
            if tok.type == "html_block" and text.startswith("<!--") and text.endswith("-->"):
                continue  # a comment: hidden on purpose, a note between instructors
            doc.blocks.append(Block(_UNSHOWN_TOKENS[tok.type], tok.map[0] + 1, text))


def _text(inline: Token, line: int, doc: Doc) -> tuple[str, str | None]:
    """Plain text of an inline token; records links with their own line."""
    parts: list[str] = []
    code = None
    for child in inline.children or []:
        if child.type in ("text", "html_inline"):
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append(child.content)
            code = code if code is not None else child.content
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            line += 1
        elif child.type == "link_open":
            doc.links.append((str(child.attrs.get("href", "")), line))
        elif child.type == "image":
            parts.append(child.content)
            doc.links.append((str(child.attrs.get("src", "")), line))
    return " ".join("".join(parts).split()), code


@dataclass
class Entry:
    """A non-heading block with the headings above it and its `Only for:` / `Not for:`."""

    block: Block
    heads: dict[int, Block]  # level -> nearest heading of that level above the block
    only: tuple[str, ...]  # situation ids; empty = all
    not_for: tuple[str, ...] = ()  # situation ids it must not show for


def scope_names(text: str) -> tuple[str, ...]:
    """`suicidal, Hostage` -> ("suicidal", "hostage")."""
    return tuple(n.strip().lower() for n in text.split(",") if n.strip())


def entries(doc: Doc) -> tuple[list[Entry], list[tuple[str, int]]]:
    """Walk the blocks under their headings.

    Returns the entries and every situation name used in `Only for:` / `Not for:` lines
    with its line, so the caller can check them. Such a line right under a heading applies
    to that heading's whole scope (until the next heading of the same or a higher level).
    """
    out: list[Entry] = []
    names: list[tuple[str, int]] = []
    heads: dict[int, Block] = {}
    only_at: dict[int, tuple[str, ...]] = {}  # heading level -> situations
    not_at: dict[int, tuple[str, ...]] = {}
    after_heading = False
    for block in doc.blocks:
        if block.kind == "heading":
            heads = {lv: h for lv, h in heads.items() if lv < block.level}
            heads[block.level] = block
            only_at = {lv: s for lv, s in only_at.items() if lv < block.level}
            not_at = {lv: s for lv, s in not_at.items() if lv < block.level}
            after_heading = True
            continue
        m = ONLY_RE.match(block.text) if block.kind == "para" else None
        n = NOT_RE.match(block.text) if block.kind == "para" and not m else None
        if m or n:
            label = "Only for" if m else "Not for"
            got = scope_names((m or n).group(1))
            if not after_heading or not heads:
                doc.problems.append(
                    (
                        block.line,
                        "only-for-misplaced",
                        f"`{label}:` must be the first line right under a heading",
                    )
                )
            elif not got:
                doc.problems.append(
                    (
                        block.line,
                        "only-for-empty",
                        f"`{label}:` names no situation: write e.g. "
                        f"`{label}: suicidal, hostage` or delete the line",
                    )
                )
            else:
                (only_at if m else not_at)[max(heads)] = got
                names.extend((name, block.line) for name in got)
                continue  # an `Only for:` and a `Not for:` may both sit under one heading
            after_heading = False
            continue
        if block.kind not in UNSHOWN:  # as before they were read: `Only for:` may follow
            after_heading = False
        only = only_at[max(only_at)] if only_at else ()  # the innermost one wins
        not_for = tuple(dict.fromkeys(x for lv in sorted(not_at) for x in not_at[lv]))
        out.append(Entry(block, dict(heads), only, not_for))
    return out, names


def section_key(text: str) -> str:
    """Heading text as a lookup key: lower case, single spaces, no trailing colon."""
    return " ".join(text.lower().rstrip(":").split())


def slug(text: str) -> str:
    """`Emotion Labeling!` -> `emotion-labeling`."""
    s = re.sub(r"['\u2019]", "", text.lower())
    s = re.sub(r"[\W_]+", "-", s).strip("-")
    return s or "item"
