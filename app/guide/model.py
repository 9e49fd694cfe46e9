"""The typed guide: what the Markdown under content/ compiles to.

Every item keeps `file` (POSIX path relative to the content dir) and `line` (1-based)
so that a problem, a search hit or an About entry can point back to the source.
Plain frozen dataclasses: no flet, no tinydb. `to_dict` / `from_dict` live in
`app.guide.bundle`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SAY = "say"
AVOID = "avoid"


@dataclass(frozen=True)
class Problem:
    """One mistake in a content file, printed as `path:line: message`."""

    path: str  # as the user gave the content dir, joined with the file's relative path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Meta:
    """Front matter every content file carries; shown on the About screen."""

    id: str
    title: str
    version: str
    reviewed: str  # ISO date, YYYY-MM-DD
    sources: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    file: str
    line: int


@dataclass(frozen=True)
class Phrase:
    text: str
    kind: str  # SAY or AVOID
    stage: int  # 1..5
    skill: str | None  # Skill.id
    situations: tuple[str, ...]  # Situation ids; empty = fits every situation
    file: str
    line: int


@dataclass(frozen=True)
class Item:
    """A line of guidance: a checklist item, a move-up sign, a danger sign, a do."""

    id: str  # stable within its file: slug of the text
    text: str
    section: str  # heading it sits under
    tick: bool  # True for a task-list item (`- [ ]`): the officer can tick it
    situations: tuple[str, ...]  # empty = every situation
    file: str
    line: int


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    order: int  # 1..5
    purpose: str
    do: tuple[Item, ...]
    signs: tuple[Item, ...]  # "Move up when": tickable; gate the move to the next stage
    warnings: tuple[Item, ...]  # "Step back if"
    phrases: tuple[Phrase, ...]  # every phrase for this stage, from any file
    meta: Meta


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    order: int
    sections: tuple[str, ...]
    items: tuple[Item, ...]
    meta: Meta


@dataclass(frozen=True)
class Situation:
    id: str
    title: str
    summary: str
    priorities: tuple[Item, ...]
    questions: tuple[Item, ...]
    danger_signs: tuple[Item, ...]
    meta: Meta


@dataclass(frozen=True)
class Skill:
    id: str
    title: str
    description: str
    when: str
    examples: tuple[str, ...]
    file: str
    line: int


@dataclass(frozen=True)
class Guide:
    stages: tuple[Stage, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    situations: tuple[Situation, ...] = ()
    skills: tuple[Skill, ...] = ()
    sources: tuple[Source, ...] = ()
    files: tuple[Meta, ...] = ()  # every file that loaded, for the About screen
    skipped: tuple[str, ...] = ()  # files left out because of problems
    problems: tuple[Problem, ...] = field(default=(), compare=False)
