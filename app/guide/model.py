"""The typed guide: what the Markdown under content/ compiles to.

Every item keeps `file` (POSIX path relative to the content dir) and `line` (1-based)
so that a problem, a search hit or an About entry can point back to the source.
Plain frozen dataclasses: no flet, no tinydb. `to_dict` / `from_dict` live in
`app.guide.bundle`; the writing rules (`StyleRules`) in `app.guide.style`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.guide.style import StyleRules

SAY = "say"
AVOID = "avoid"

# Problem.severity: what the app keeps when a content file has this problem.
FILE = "file"  # the whole file is left out
ITEM = "item"  # only that item / phrase / rule is left out; the rest of the file loads
WARNING = "warning"  # everything is kept; `check` still fails until it is fixed


@dataclass(frozen=True)
class Problem:
    """One mistake in a content file, printed as `path:line: message`.

    `code` is a stable kebab-case name (the table in content/README.md and
    `app.guide.codes.CODES`); `severity` is FILE, ITEM or WARNING. Behaviour depends on
    the code and severity, never on the message text.
    """

    path: str  # as the user gave the content dir, joined with the file's relative path
    line: int
    message: str
    code: str
    severity: str

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
    reviewed_by: str = ""  # who checked the file (required in content, "" when unreadable)
    approved_by: str = ""  # the agency's approval; "" = not yet approved by your agency


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    file: str
    line: int


@dataclass(frozen=True)
class Phrase:
    """Something to say (SAY) or not to say (AVOID) at one stage.

    `id` is built from stage, kind and text (never file or line), unique in the guide:
    evidence (a phrase-used note) stores it. `slots` are the `[...]` parts the officer
    fills in. `why` / `instead` come from the `Why:` / `Instead:` sub-items (every Avoid
    phrase has both); `caution` from `Caution:`.
    """

    id: str
    text: str
    kind: str  # SAY or AVOID
    stage: int  # 1..5
    skill: str | None  # Skill.id; None for Avoid phrases
    group: str | None  # Avoid group name ("Promises"); None for Say phrases
    situations: tuple[str, ...]  # `Only for:` situation ids; empty = every situation
    not_situations: tuple[str, ...]  # `Not for:` situation ids
    why: str
    instead: str
    caution: str
    slots: tuple[str, ...]  # "It sounds like [name] ..." -> ("name",)
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
    caution: str = ""  # `Caution:` sub-item, shown under the item
    not_situations: tuple[str, ...] = ()  # `Not for:` situation ids


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
class Contact:
    """A number the officer can tap to call (content/contacts.md)."""

    id: str  # slug of the label, unique in the file
    label: str  # "Suicide & Crisis Lifeline (US)"
    number: str  # as written: "1 (800) 273-8255"
    tel: str  # dialable: the `tel:` URI without its prefix, "+18002738255"
    section: str  # the `##` heading it sits under ("Crisis lines")
    file: str
    line: int


@dataclass(frozen=True)
class Skipped:
    """Guidance the app left out, so the UI can say so in plain words.

    `partial` False: the whole file is missing ("The Rapport stage could not be loaded.").
    `partial` True: the file loaded but some of its items or phrases were left out.
    """

    file: str
    kind: str  # stage, situation, checklist, skills, sources, contacts, style, unknown
    title: str  # the file's title, or its name when the title could not be read
    partial: bool = False


BEST = "best"
ACCEPTABLE = "acceptable"
HARMFUL = "harmful"
GRADES = (BEST, ACCEPTABLE, HARMFUL)  # a practice answer's grade, best first


@dataclass(frozen=True)
class Answer:
    """One answer the officer can pick in a practice turn (content/practice/)."""

    text: str
    grade: str  # BEST, ACCEPTABLE or HARMFUL
    skill: str | None  # Skill.id; None: no listening skill (a rapport killer, a safety question)
    why: str  # one line: why it helps or hurts


@dataclass(frozen=True)
class Turn:
    line: str  # what the person says
    answers: tuple[Answer, ...]
    note: str = ""  # what the officer sees happen, shown before the line


@dataclass(frozen=True)
class Scenario:
    """An instructor-written practice conversation for one situation."""

    id: str
    title: str
    situation: str  # Situation.id
    summary: str  # the scene, shown before the first turn
    turns: tuple[Turn, ...]
    meta: Meta


@dataclass(frozen=True)
class Guide:
    stages: tuple[Stage, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    situations: tuple[Situation, ...] = ()
    skills: tuple[Skill, ...] = ()
    sources: tuple[Source, ...] = ()
    files: tuple[Meta, ...] = ()  # every file that loaded, for the About screen
    skipped: tuple[Skipped, ...] = ()  # guidance left out because of problems
    contacts: tuple[Contact, ...] = ()
    style: StyleRules = StyleRules()
    practice: tuple[Scenario, ...] = ()  # content/practice/: the scenario walks
    # the text above the skills file's first `##`: advice for every skill, shown with them
    skills_intro: str = ""
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    # The earliest `reviewed` date still in the future (YYYY-MM-DD), "" if none: on that
    # day the problems change, so a cached bundle stops being valid.
    expires: str = field(default="", compare=False)

    @property
    def approved(self) -> bool:
        """True when every loaded file carries an `approved_by` (the agency signed it)."""
        return bool(self.files) and all(m.approved_by for m in self.files)
