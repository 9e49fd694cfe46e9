"""Questions the screens ask of a Guide: phrases by stage/kind/skill/situation, etc."""

from __future__ import annotations

from app.guide.model import SAY, Checklist, Guide, Item, Phrase, Stage


def stage(guide: Guide, order: int) -> Stage | None:
    """The stage with this number (1..5), or None when it did not load."""
    return next((s for s in guide.stages if s.order == order), None)


def fits(
    situations: tuple[str, ...], situation: str | None, not_situations: tuple[str, ...] = ()
) -> bool:
    """`Only for:` empty = fits every situation; `Not for:` takes situations out;
    no situation chosen = show everything."""
    if situation is None:
        return True
    return (not situations or situation in situations) and situation not in not_situations


def phrases(
    guide: Guide,
    stage: int | Stage | None = None,
    kind: str | None = None,
    skill: str | None = None,
    situation: str | None = None,
) -> list[Phrase]:
    """Phrases in guide order, filtered. `situation` None = all phrases; a situation id =
    the phrases that fit every situation plus the ones for that situation."""
    order = stage.order if isinstance(stage, Stage) else stage
    out = []
    for s in guide.stages:
        if order is not None and s.order != order:
            continue
        for p in s.phrases:
            if kind is not None and p.kind != kind:
                continue
            if skill is not None and p.skill != skill:
                continue
            if fits(p.situations, situation, p.not_situations):
                out.append(p)
    return out


def same_text(p: Phrase) -> tuple[int, str, str]:
    """Two phrases read out alike: same stage, same kind, same words (case and spacing
    aside)."""
    return p.stage, p.kind, " ".join(p.text.casefold().split())


def shown_phrases(
    guide: Guide,
    stage: int | Stage | None = None,
    skill: str | None = None,
    situation: str | None = None,
) -> list[Phrase]:
    """The phrase list as the officer reads it: per stage, Say before Avoid, and with a
    situation chosen, the lines of its own file first, then a stage's lines marked `Only
    for:` it, then the general ones (a suicidal subject's stage 4 opened on the hostage
    lines, and its Say lines came after every general Avoid). A line that several
    situations share shows once when no situation is chosen."""
    found = phrases(guide, stage, skill=skill, situation=situation)
    own = {s.meta.file for s in guide.situations}
    out, seen = [], set()
    for p in found:
        if situation is None:
            if same_text(p) in seen:
                continue
            seen.add(same_text(p))
        out.append(p)

    def rank(p: Phrase) -> int:
        if situation is None:
            return 0
        return 0 if p.file in own else 1 if p.situations else 2

    return sorted(out, key=lambda p: (p.stage, p.kind != SAY, rank(p)))


def checklist_items(checklist: Checklist, situation: str | None = None) -> list[Item]:
    return items_for(checklist.items, situation)


def items_for(items: tuple[Item, ...], situation: str | None = None) -> list[Item]:
    """Any list of items (a stage's signs, do, warnings) filtered by situation."""
    return [i for i in items if fits(i.situations, situation, i.not_situations)]
