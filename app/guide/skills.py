"""The skills file (skills/active-listening.md) -> Skill: one `##` heading per skill.

Under each heading: the text that says what the skill is, `### When to use`, and
`### Examples` (list items). A heading may end with the skill's id in braces, so a guide in
another language keeps the ids every other file refers to.
"""

from __future__ import annotations

import re

from app.guide.blocks import UNSHOWN, entries, section_key, slug
from app.guide.files import File
from app.guide.frontmatter import ID_RE
from app.guide.headervalues import short
from app.guide.model import Skill
from app.guide.reference import _no_subs

_SKILL_PARTS = {
    "when to use": "when",
    "when": "when",
    "examples": "examples",
    "example": "examples",
}


# `## Etiquetar emociones {#emotion-labeling}`: a skill named in another language keeps the
# id every other file (and every translation) refers to it by
HEADING_ID = re.compile(r"^(.*?)\s*\{#([^{}]*)\}\s*$")


def skill_heading(f: File, text: str, line: int) -> tuple[str, str] | None:
    """(title, id) of a `## Skill` heading; the id is `{#id}` when given, else the slug of
    the title. None (and a problem at its line) when the `{#id}` is not a valid id."""
    m = HEADING_ID.match(text)
    if not m:
        return text, slug(text)
    title, sid = m.group(1).strip(), m.group(2).strip()
    if not ID_RE.match(sid):
        f.add(line, "skill-id-invalid", f"skill id '{sid}' must be lower case letters, digits "
              "and dashes, e.g. `## Etiquetar emociones {#emotion-labeling}`")
        return None
    if not title:
        f.add(line, "heading-empty", f"skill '{sid}' has no name: write it before {{#{sid}}}")
        return None
    return title, sid


def parse_skills(f: File) -> tuple[list[Skill], str]:
    """One `##` heading per skill: text under it, `### When to use`, `### Examples`.

    The skill's id is the slug of its heading, or the `{#id}` at the heading's end. Also
    returns the intro: the text above the first `##`, advice for every skill ("Listen far
    more than you talk"). It was never shown; now the app shows it with the skills."""
    found: list[dict] = []
    intro: list[str] = []
    reported: set[int] = set()
    items, names = entries(f.doc)
    if names:
        f.add(
            names[0][1],
            "only-for-misplaced",
            "`Only for:` has no meaning in the skills file: delete the line",
        )
    for h in f.doc.blocks:
        if h.kind == "heading" and h.level > 2 and h.text and not found:
            f.add(h.line, "block-not-shown",
                  f"a heading '{'#' * h.level} {short(h.text)}' above the first skill is "
                  "never shown in the app: the advice there is text only. Delete the line "
                  "(what is under it stays in the advice)")
        if h.kind == "heading" and h.level == 2 and h.text:
            named = skill_heading(f, h.text, h.line)
            found.append(
                {"title": named[0] if named else h.text, "id": named[1] if named else None,
                 "line": h.line, "description": [], "when": [], "examples": []}
            )
    by_line = {s["line"]: s for s in found}
    for e in items:
        _no_subs(f, e.block.subs, "the skills file")
        h2 = e.heads.get(2)
        if h2 is None and e.block.kind not in UNSHOWN and e.block.text:
            intro.append(e.block.text)  # a code or HTML block: app.guide.unshown says so
        if h2 is None or h2.line not in by_line:
            continue
        skill = by_line[h2.line]
        h3 = e.heads.get(3)
        part = "description" if h3 is None else _SKILL_PARTS.get(section_key(h3.text))
        if part is None:
            if h3.line not in reported:
                reported.add(h3.line)
                f.add(
                    h3.line,
                    "skill-part-unknown",
                    f"unknown part '{h3.text}' of a skill: use `### When to use` or `### Examples`",
                )
            continue
        if e.block.kind == "item" and not e.block.text:
            f.add(e.block.line, "item-empty", "example is empty: write the text or delete the line")
            continue
        if part == "examples" and (e.block.kind == "para" or e.block.kind in UNSHOWN):
            what, fix = UNSHOWN.get(e.block.kind, ("", "start the line with `- `"))
            f.add(
                e.block.line,
                "example-not-item",
                f"an example must be a list item{f', not {what}' if what else ''}: {fix}",
            )
            continue
        if e.block.kind in UNSHOWN:
            continue  # never shown in a description: app.guide.unshown reports it
        skill[part].append(e.block.text)
    skills = []
    seen: dict[str, int] = {}
    for s in found:
        sid = s["id"]
        if sid is None:  # its heading's {#id} is broken: reported, the skill is left out
            continue
        if sid in seen:
            f.add(
                s["line"],
                "skill-twice",
                f"skill '{s['title']}' is defined twice (first on line {seen[sid]}): merge them",
            )
            continue
        seen[sid] = s["line"]
        skills.append(
            Skill(
                sid,
                s["title"],
                "\n".join(s["description"]),
                "\n".join(s["when"]),
                tuple(s["examples"]),
                f.rel,
                s["line"],
            )
        )
    if not skills and f.doc.yaml is not None:
        f.add(1, "skills-none", "no skills found: give each skill its own `## Skill name` heading")
    return skills, "\n".join(intro)
