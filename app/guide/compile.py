"""The pipeline: files -> vocabulary -> parsed units -> cross-file checks -> Guide.

Every problem is collected (never raised). A file with a problem that breaks its
guidance goes to `Guide.skipped` and is left out; the rest of the guide loads. A dead
link, an unknown source key or a future `reviewed` date is reported but the file stays.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from app.guide.checklists import parse_checklist
from app.guide.files import File, all_names, decode, read_files
from app.guide.model import Checklist, Guide, Phrase, Problem, Situation, Stage
from app.guide.reference import Vocab, parse_skills, parse_sources
from app.guide.stages import meta_of, parse_situation, parse_stage


def latest_today() -> dt.date:
    """Today's date where it is latest on Earth (UTC+14): a file reviewed "today" by an
    instructor anywhere is never reported as reviewed in the future."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=14))).date()


SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


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
        return Guide(
            problems=(
                Problem(
                    shown,
                    1,
                    "content directory does not exist: give the path to the content/ folder",
                ),
            )
        )
    files = read_files(root)
    for f in files:
        _guard(f, decode, None, today)
    ok = [f for f in files if f.readable]
    by_kind = {
        k: [f for f in ok if f.kind == k]
        for k in ("stage", "checklist", "situation", "skills", "sources")
    }

    vocab = Vocab()
    sources = [s for f in by_kind["sources"] for s in _guard(f, parse_sources, [])]
    vocab.sources = [s.key for s in sources]
    skills = [s for f in by_kind["skills"] for s in _guard(f, parse_skills, [])]
    for s in skills:
        vocab.add_skill(s)
    vocab.situations = [f.id for f in by_kind["situation"] if f.id]
    for f in by_kind["stage"]:
        order = f.header.values.get("stage")
        if isinstance(order, int):
            vocab.add_stage(order, str(f.header.values.get("title", "")), f.id)

    stages = _each(by_kind["stage"], parse_stage, vocab)
    checklists = _each(by_kind["checklist"], parse_checklist, vocab)
    situations = _each(by_kind["situation"], parse_situation, vocab)

    guide_problems: list[Problem] = []
    _check_ids(files)
    _check_sources(files, vocab)
    _check_stages(by_kind["stage"], files, shown, guide_problems)
    _check_links(files, root)

    skipped = {f.rel for f in files if f.broken}
    problems = [
        Problem(os.path.join(shown, f.rel), line, msg) for f in files for line, msg in f.problems
    ]
    problems = sorted(set(problems + guide_problems), key=lambda p: (p.path, p.line, p.message))
    return _assemble(files, skipped, stages, checklists, situations, skills, sources, problems)


def _guard(f: File, fn, default, *args):
    """Run one step on one file; a bug in the parser becomes a problem, not a traceback."""
    try:
        return fn(f, *args)
    except Exception as e:  # noqa: BLE001 - a content file must never crash check or the app
        f.readable = False
        f.add(1, f"this file could not be read ({type(e).__name__}: {e}): tell a developer")
        return default


def _each(files: list[File], fn, vocab: Vocab) -> dict:
    out = {}
    for f in files:
        got = _guard(f, fn, None, vocab)
        if got is not None:
            out[f.rel] = got
    return out


def _assemble(
    files: list[File],
    skipped: set[str],
    stages: dict[str, Stage],
    checklists: dict[str, Checklist],
    situations: dict[str, tuple[Situation, list[Phrase]]],
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
        stages=tuple(loaded_stages),
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
        skipped=tuple(sorted(skipped)),
        problems=tuple(problems),
    )


def _order(files: list[File], rel: str) -> int:
    f = next(f for f in files if f.rel == rel)
    return int(f.header.values.get("order", 0) or 0)


def _check_ids(files: list[File]) -> None:
    first: dict[str, File] = {}
    for f in files:
        if f.id is None:
            continue
        if f.id in first:
            f.add(
                f.header.line("id"),
                f"id '{f.id}' is already used by {first[f.id].rel}: give this file its own id",
            )
        else:
            first[f.id] = f


def _check_sources(files: list[File], vocab: Vocab) -> None:
    known = set(vocab.sources)
    for f in files:
        for key, line in f.header.source_lines.items():
            if key not in known:
                f.add(line, vocab.unknown_source(key), keep=True)


def _check_stages(
    stage_files: list[File], files: list[File], shown: str, out: list[Problem]
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
                f"stage {order} is also used by "
                f"{first[order].rel}: each stage 1 to 5 needs exactly one file",
            )
        else:
            first[order] = f
    missing = [n for n in range(1, 6) if n not in first]
    if not missing:
        return
    in_folder = [f for f in files if f.kind == "stage"]
    path = os.path.join(shown, in_folder[0].rel) if in_folder else os.path.join(shown, "stairway")
    for n in missing:
        out.append(
            Problem(
                path,
                1,
                f"no file for stage {n}: the stairway needs one file for "
                f"each stage 1 to 5 in stairway/ (with `stage: {n}`)",
            )
        )


def _check_links(files: list[File], root: Path) -> None:
    names = set(all_names(root))
    dirs = {posixpath.dirname(n) for n in names}
    for f in files:
        for href, line in f.doc.links:
            target = href.split("#", 1)[0].split("?", 1)[0].strip()
            if not target or SCHEME_RE.match(target) or target.startswith("//"):
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
                f"link '{href}' points to a file that does not exist "
                f"(looked for {resolved}): fix the path or remove the link",
                keep=True,
            )
