"""The pipeline: files -> vocabulary -> parsed units -> cross-file checks -> Guide.

Every problem is collected (never raised), with a code and a severity (app.guide.codes).
A FILE problem leaves its file out (named in `Guide.skipped`); an ITEM problem leaves out
only that item or phrase; a WARNING (a dead link, an unknown source key, a future
`reviewed` date) is reported and everything stays. A situation whose stage failed still
loads: its phrases for that stage are simply absent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import replace
from pathlib import Path

from app.guide.blocks import slug
from app.guide.checklists import parse_checklist
from app.guide.codes import CODES
from app.guide.contacts import parse_contacts
from app.guide.crossfile import (
    check_ids,
    check_links,
    check_repeated_phrases,
    check_sources,
    check_stages,
    register_pending,
    salvage_title,
)
from app.guide.files import File, decode, read_files
from app.guide.lengths import long_text
from app.guide.model import FILE, WARNING, Checklist, Guide, Phrase, Problem, Skipped, Stage
from app.guide.practice import parse_practice
from app.guide.reference import Vocab, parse_sources
from app.guide.skills import parse_skills
from app.guide.stages import meta_of, parse_situation, parse_stage
from app.guide.style import StyleRules
from app.guide.stylefile import parse_style
from app.guide.unshown import report_unshown

KINDS = ("stage", "checklist", "situation", "skills", "sources", "style", "contacts", "practice")
FIX_FIRST = " (fix this first: other problems may follow from it)"


def latest_today() -> dt.date:
    """Today's date where it is latest on Earth (UTC+14): a file reviewed "today" by an
    instructor anywhere is never reported as reviewed in the future."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()


def compile_guide(
    content_dir: str | os.PathLike, shown: str | None = None, today: dt.date | None = None
) -> Guide:
    """Parse every content file into a Guide, with every problem found.

    `shown` prefixes Problem.path (default: content_dir as given). `today` is for tests
    of the "reviewed in the future" check.
    """
    root = Path(content_dir)
    shown = str(content_dir) if shown is None else shown
    today = today or latest_today()
    if not root.is_dir():
        message = "content directory does not exist: give the path to the content/ folder"
        return Guide(problems=(Problem(shown, 1, message, "file-unreadable", FILE),))
    files = read_files(root)
    for f in files:
        _guard(f, decode, None, today)
    ok = [f for f in files if f.readable]
    by_kind = {k: [f for f in ok if f.kind == k] for k in KINDS}
    guide_problems: list[Problem] = []

    vocab = Vocab()
    sources = [s for f in by_kind["sources"] for s in _guard(f, parse_sources, [])]
    vocab.sources = [s.key for s in sources]
    read_skills = {f.rel: _guard(f, parse_skills, ([], "")) for f in by_kind["skills"]}
    skills = [s for got, _ in read_skills.values() for s in got]
    for s in skills:
        vocab.add_skill(s)
    vocab.style = _style(by_kind["style"], files, shown, guide_problems)
    vocab.situations = [f.id for f in by_kind["situation"] if f.id]
    for f in by_kind["stage"]:
        order = f.header.values.get("stage")
        if isinstance(order, int):
            vocab.add_stage(order, str(f.header.values.get("title", "")), f.id)
    register_pending(vocab, files)

    stages = _each(by_kind["stage"], parse_stage, vocab)
    checklists = _each(by_kind["checklist"], parse_checklist, vocab)
    situations = _each(by_kind["situation"], parse_situation, vocab)
    contacts = _each(by_kind["contacts"], parse_contacts, vocab)
    scenarios = _each(by_kind["practice"], parse_practice, vocab)
    for f in files:
        if f.readable:  # after every kind parser: the code and HTML blocks none reported,
            _guard(f, report_unshown, None)  # and text too long where nothing else is
            _guard(f, long_text, None)

    check_ids(files)
    check_sources(files, vocab)
    check_stages(by_kind["stage"], files, shown, vocab, guide_problems)
    check_repeated_phrases(
        files,
        [p for st in stages.values() for p in st.phrases]
        + [p for _, found in situations.values() for p in found],
        vocab.situations,
    )
    check_links(files, root)

    problems = sorted(
        set(_problems(files, shown) + guide_problems),
        key=lambda p: (not CODES[p.code].root, p.path, p.line, p.message),
    )
    skipped = {f.rel for f in files if f.broken}
    guide = _assemble(files, skipped, stages, checklists, situations, skills, sources, problems)
    loaded_contacts = tuple(c for rel, cs in contacts.items() if rel not in skipped for c in cs)
    style = vocab.style if not any(f.rel in skipped for f in by_kind["style"]) else StyleRules()
    future = [f.header.future for f in files if f.header.future]
    practice = sorted(
        (s for rel, s in scenarios.items() if rel not in skipped), key=lambda s: (s.title, s.id)
    )
    return replace(
        guide,
        contacts=loaded_contacts,
        style=style,
        practice=tuple(practice),
        skills_intro="\n".join(
            t for rel, (_, t) in read_skills.items() if t and rel not in skipped
        ),
        expires=min(future, default=""),
    )


def _problems(files: list[File], shown: str) -> list[Problem]:
    out = []
    for f in files:
        root = f.root
        for line, code, message in f.problems:
            if root and CODES[code].quiet_after_root:
                continue  # follows from the file's own syntax problem, listed first
            if CODES[code].root:
                message += FIX_FIRST
            out.append(
                Problem(os.path.join(shown, f.rel), line, message, code, CODES[code].severity)
            )
    return out


def _style(style_files: list[File], files: list[File], shown: str, out: list[Problem]):
    """The writing rules from style.md; a warning (and no rules) when there is none."""
    rules = [_guard(f, parse_style, None) for f in style_files]
    rules = [r for r in rules if r is not None]
    if rules:
        return rules[0]
    if not any(f.kind == "style" for f in files):
        message = (
            "style.md is missing, so the writing rules are not checked: add it (see "
            "content/README.md)"
        )
        out.append(Problem(os.path.join(shown, "style.md"), 1, message, "style-missing", WARNING))
    return StyleRules()


def _guard(f: File, fn, default, *args):
    """Run one step on one file; a bug in the parser becomes a problem, not a traceback."""
    try:
        return fn(f, *args)
    except Exception as e:  # noqa: BLE001 - a content file must never crash check or the app
        f.readable = False
        f.add(
            1,
            "parser-error",
            f"this file could not be read ({type(e).__name__}: {e}): tell a developer",
        )
        return default


def _each(files: list[File], fn, vocab: Vocab) -> dict:
    out = {}
    for f in files:
        got = _guard(f, fn, None, vocab)
        if got is not None:
            out[f.rel] = got
    return out


def phrase_ids(stages: list[Stage]) -> list[Stage]:
    """Give every phrase its id: stage, kind and a slug of the text, `-2` on repeats.

    A long text is cut to 60 characters and a short hash of the whole text is added, so
    two long phrases that start alike still get ids that do not depend on their order.
    """
    used: set[str] = set()
    out = []
    for st in stages:
        phrases = []
        for p in st.phrases:
            text = slug(p.text)
            if len(text) > 60:
                digest = hashlib.sha1(p.text.encode("utf-8")).hexdigest()[:6]
                text = f"{text[:60].rstrip('-')}-{digest}"
            base = f"{p.stage}-{p.kind}-{text}"
            new, n = base, 1
            while new in used:
                n += 1
                new = f"{base}-{n}"
            used.add(new)
            phrases.append(replace(p, id=new))
        out.append(replace(st, phrases=tuple(phrases)))
    return out


def _assemble(
    files: list[File],
    skipped: set[str],
    stages: dict[str, Stage],
    checklists: dict[str, Checklist],
    situations: dict,
    skills,
    sources,
    problems: list[Problem],
) -> Guide:
    extra: dict[int, list[Phrase]] = {}
    for rel, (_, phrases) in situations.items():
        if rel not in skipped:
            for p in phrases:
                extra.setdefault(p.stage, []).append(p)
    loaded_stages = sorted(
        (s for rel, s in stages.items() if rel not in skipped), key=lambda s: s.order
    )
    loaded_stages = [
        replace(s, phrases=s.phrases + tuple(extra.get(s.order, ()))) for s in loaded_stages
    ]
    loaded = [f for f in files if f.rel not in skipped]
    return Guide(
        stages=tuple(phrase_ids(loaded_stages)),
        checklists=tuple(
            sorted(
                (c for rel, c in checklists.items() if rel not in skipped),
                key=lambda c: (c.order, c.title, c.id),
            )
        ),
        situations=tuple(
            sorted(
                (s for rel, (s, _) in situations.items() if rel not in skipped),
                key=lambda s: (_order(files, s.meta.file), s.title, s.id),
            )
        ),
        skills=tuple(s for s in skills if s.file not in skipped),
        sources=tuple(s for s in sources if s.file not in skipped),
        files=tuple(meta_of(f) for f in loaded),
        skipped=tuple(_skipped(f) for f in files if f.rel in skipped or f.partial),
        problems=tuple(problems),
    )


def _skipped(f: File) -> Skipped:
    return Skipped(f.rel, f.kind, salvage_title(f), partial=not f.broken)


def _order(files: list[File], rel: str) -> int:
    f = next(f for f in files if f.rel == rel)
    return int(f.header.values.get("order", 0) or 0)
