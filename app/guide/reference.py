"""The vocabulary other files refer to: skills, sources, situations, stages; sources.md.

`skills/*.md` (app.guide.skills) and `sources.md` are parsed first; situation ids and
stage titles come from the front matter of their files. `Vocab` resolves the names
instructors write (`### Emotion labeling`, `Only for: suicidal`, `### Rapport` or `### 3`)
to ids.

A file whose header is broken cannot say its id or title. Its likely names (salvaged
from the raw header lines and the file name) are "pending": a reference to a pending
name is not reported as unknown, because the broken file already has the problem to fix
first. `Vocab.style` carries the writing rules the phrase parser applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.guide.blocks import section_key, slug
from app.guide.files import File
from app.guide.frontmatter import ID_RE
from app.guide.model import Skill, Source
from app.guide.style import StyleRules


def _known(names: list[str]) -> str:
    shown = ", ".join(names[:8])
    return f"known: {shown}{', ...' if len(names) > 8 else ''}" if names else "none defined"


@dataclass
class Vocab:
    skills: dict[str, str] = field(default_factory=dict)  # lookup key -> skill id
    skill_ids: list[str] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)  # ids
    stages: dict[str, int] = field(default_factory=dict)  # lookup key -> order
    stage_names: dict[int, str] = field(default_factory=dict)  # order -> title
    sources: list[str] = field(default_factory=list)
    style: StyleRules = field(default_factory=StyleRules)
    pending_situations: set[str] = field(default_factory=set)  # names of broken files
    pending_stages: set[str] = field(default_factory=set)  # lookup keys
    pending_stage_numbers: set[int] = field(default_factory=set)
    skills_pending: bool = False  # a skills file could not be read at all
    sources_pending: bool = False  # sources.md could not be read at all

    def add_skill(self, skill: Skill) -> None:
        self.skill_ids.append(skill.id)
        for key in (skill.id, section_key(skill.title), slug(skill.title)):
            self.skills.setdefault(key, skill.id)

    def skill(self, name: str) -> str | None:
        return self.skills.get(section_key(name)) or self.skills.get(slug(name))

    def add_stage(self, order: int, title: str, id_: str | None) -> None:
        self.stage_names.setdefault(order, title)
        for key in (str(order), f"stage {order}", section_key(title), id_ or ""):
            if key:
                self.stages.setdefault(key, order)

    def stage(self, name: str) -> int | None:
        return self.stages.get(section_key(name))

    def stage_pending(self, name: str) -> bool:
        """True when `name` probably means a stage file whose header is broken."""
        key = section_key(name)
        return key in self.pending_stages or slug(name) in self.pending_stages

    def add_pending_stage(self, names: list[str], number: int | None) -> None:
        if number is not None:
            self.pending_stage_numbers.add(number)
            self.pending_stages.update({str(number), f"stage {number}"})
        self.pending_stages.update(k for n in names for k in (section_key(n), slug(n)) if k)

    def unknown_skill(self, name: str) -> str:
        return (
            f"unknown skill '{name}' ({_known(self.skill_ids)}): use a heading or id from skills/"
        )

    def unknown_situation(self, name: str) -> str:
        return (
            f"unknown situation '{name}' ({_known(self.situations)}): use the id of a "
            "file in situations/"
        )

    def unknown_stage(self, name: str) -> str:
        names = [f"{n} {t}" for n, t in sorted(self.stage_names.items())]
        return f"unknown stage '{name}' ({_known(names)}): use a stage title or number"

    def unknown_source(self, key: str) -> str:
        return (
            f"unknown source '{key}' ({_known(self.sources)}): add it to sources.md or fix the key"
        )

    def check_situations(self, f: File, names: list[tuple[str, int]]) -> set[str]:
        """Report each unknown name at its line; return them (their items are left out).

        A name that probably means a situation file with a broken header is not reported
        (that file's own problem comes first) and its items are kept.
        """
        bad: set[str] = set()
        for name, line in names:
            if name in self.situations or name in self.pending_situations:
                continue
            f.add(line, "situation-unknown", self.unknown_situation(name))
            bad.add(name)
        return bad


def _no_subs(f: File, subs: list, where: str) -> None:
    """Sub-items mean nothing in the skills file or sources.md: say so, keep the item."""
    for sub in subs[:1]:
        f.add(
            sub.line,
            "sub-item-misplaced",
            f"sub-items have no meaning in {where}: write the text on the item's own line",
        )


def parse_sources(f: File) -> list[Source]:
    """One list item per source: `- \\`key\\`: the reference`."""
    sources: list[Source] = []
    first: dict[str, int] = {}
    for b in f.doc.blocks:
        if b.kind != "item":
            continue
        _no_subs(f, b.subs, "sources.md")
        key = b.code.strip() if b.code else ""
        if not key or not b.text.startswith(key):
            f.add(
                b.line,
                "source-no-key",
                "source has no key: start the item with the key in backticks, "
                "e.g. - `noesner-1997`: Noesner (1997) ...",
            )
            continue
        if not ID_RE.match(key):
            f.add(
                b.line,
                "source-key-invalid",
                f"source key '{key}' must be lower case letters, digits and dashes",
            )
            continue
        title = b.text[len(key) :].lstrip(" :-\u2013\u2014").strip()
        if not title:
            f.add(
                b.line,
                "source-no-reference",
                f"source '{key}' has no reference: write it after the colon",
            )
            continue
        if key in first:
            f.add(
                b.line,
                "source-twice",
                f"source '{key}' is defined twice (first on line {first[key]})",
            )
            continue
        first[key] = b.line
        sources.append(Source(key, title, f.rel, b.line))
    return sources
