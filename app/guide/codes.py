"""Every problem code the guide reports, with its severity: the one registry.

`File.add(line, code, message)` looks the code up here; content/README.md documents
each code (a test keeps the two in step). Severity decides what the app keeps:
FILE leaves the file out, ITEM leaves out only that item / phrase / rule, WARNING keeps
everything (`check` fails on all three). A ROOT code is a problem in the file's own
syntax: `check` lists it first, says "fix this first", and leaves out the problems that
only follow from it: in other files (references to the names the broken file probably
has) and in the file itself (the codes marked `quiet_after_root`, e.g. "stage has no Say
phrase" when the body could not be read at all).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.guide.model import FILE, ITEM, WARNING


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    root: bool = False
    quiet_after_root: bool = False


_ALL = (
    # reading the file
    Code("file-unreadable", FILE, root=True),
    Code("not-utf8", FILE, root=True),
    Code("file-too-big", FILE, root=True),
    Code("parser-error", FILE, root=True),
    Code("markdown-too-deep", FILE, root=True),
    Code("text-bad-character", WARNING),
    Code("text-too-long", WARNING),
    Code("file-outside-folders", FILE),
    Code("private-key", WARNING),
    Code("file-is-link", WARNING),
    Code("not-a-file", WARNING),
    Code("folder-unreadable", WARNING),
    Code("file-name-not-md", WARNING),
    Code("name-case-clash", WARNING),
    Code("name-unsafe", WARNING),
    # front matter
    Code("front-matter-missing", FILE, root=True),
    Code("front-matter-not-closed", FILE, root=True),
    Code("front-matter-invalid", FILE, root=True),
    Code("front-matter-empty", FILE, root=True),
    Code("key-missing", FILE),
    Code("key-unknown", FILE),
    Code("key-twice", FILE),
    Code("value-not-single", FILE),
    Code("value-bad-character", FILE),
    Code("value-too-long", FILE),
    Code("id-invalid", FILE),
    Code("id-duplicate", FILE),
    Code("title-empty", FILE),
    Code("version-empty", FILE),
    Code("version-unquoted", FILE),
    Code("reviewed-not-date", FILE),
    Code("reviewed-future", WARNING),
    Code("reviewed-by-empty", FILE),
    Code("approved-by-empty", WARNING),
    Code("sources-invalid", FILE),
    Code("sources-empty", FILE),
    Code("source-unknown", WARNING),
    Code("number-invalid", FILE),
    # the stairway as a whole
    Code("stage-missing", FILE),
    Code("stage-duplicate", FILE),
    Code("phrase-twice", WARNING),
    Code("stage-no-say", FILE, quiet_after_root=True),
    Code("stage-no-move-up", FILE, quiet_after_root=True),
    Code("checklist-empty", FILE, quiet_after_root=True),
    Code("skills-none", FILE, quiet_after_root=True),
    # sections and items
    Code("heading-empty", ITEM),
    Code("section-unknown", ITEM),
    Code("section-twice", ITEM),
    Code("item-outside-section", ITEM),
    Code("item-empty", ITEM),
    Code("not-a-list-item", ITEM),
    Code("block-not-shown", ITEM),
    Code("move-up-not-tickable", ITEM),
    Code("only-for-misplaced", ITEM),
    Code("only-for-empty", ITEM),
    Code("situation-unknown", ITEM),
    # sub-items
    Code("sub-item-label", ITEM),
    Code("sub-item-empty", ITEM),
    Code("sub-item-twice", ITEM),
    Code("sub-item-misplaced", ITEM),
    Code("sub-item-nested", ITEM),
    # phrases
    Code("phrase-empty", ITEM),
    Code("phrase-no-skill", ITEM),
    Code("phrase-no-stage", ITEM),
    Code("skill-unknown", ITEM),
    Code("stage-unknown", ITEM),
    Code("avoid-no-why", ITEM),
    Code("avoid-no-instead", ITEM),
    Code("slot-empty", ITEM),
    Code("slot-unbalanced", ITEM),
    Code("style-banned", ITEM),
    Code("phrase-too-long", WARNING),
    # the skills file and sources.md
    Code("skill-part-unknown", ITEM),
    Code("skill-twice", ITEM),
    Code("skill-id-invalid", ITEM),
    Code("example-not-item", ITEM),
    Code("source-no-key", ITEM),
    Code("source-key-invalid", ITEM),
    Code("source-no-reference", ITEM),
    Code("source-twice", ITEM),
    # style.md
    Code("style-missing", WARNING),
    Code("style-rule-invalid", ITEM),
    Code("style-longest-invalid", ITEM),
    # contacts.md
    Code("contact-invalid", ITEM),
    Code("contact-twice", ITEM),
    Code("contacts-empty", WARNING, quiet_after_root=True),
    # practice scenarios (content/practice/): a broken turn is left out, the rest plays
    Code("practice-situation-unknown", FILE),
    Code("practice-no-turns", FILE),
    Code("practice-outside-turn", ITEM),
    Code("practice-no-line", ITEM),
    Code("practice-line-empty", ITEM),
    Code("practice-line-twice", ITEM),
    Code("practice-grade-unknown", ITEM),
    Code("practice-answer-empty", ITEM),
    Code("practice-answer-twice", ITEM),
    Code("practice-answer-numbered", ITEM),
    Code("practice-many-answers", WARNING),
    Code("practice-few-answers", ITEM),
    Code("practice-no-best", ITEM),
    Code("practice-skill-missing", ITEM),
    Code("practice-why-missing", ITEM),
    # links
    Code("link-broken", WARNING),
    Code("link-outside", WARNING),
    # labels.txt: the guide's own screen labels (app.i18n); a bad line is left out
    Code("labels-syntax", ITEM),
    Code("labels-empty", ITEM),
    Code("labels-twice", ITEM),
    Code("labels-unknown-key", ITEM),
    Code("labels-placeholder", ITEM),
    Code("labels-bad-character", ITEM),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}


def severity(code: str) -> str:
    """The severity of a code; an unregistered code is a bug, so it fails loudly in tests."""
    return CODES[code].severity


def is_root(code: str) -> bool:
    return CODES[code].root
