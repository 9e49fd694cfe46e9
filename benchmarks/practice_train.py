"""Retrain the practice classifier's backstop (app/practice/killer_words.txt) and print how
it does on answers it was not trained on.

    .venv/bin/python benchmarks/practice_train.py [--check | --grid]

Trains on the development sets in benchmarks/data/ (never a held-apart one), the shipped
scenarios' graded answers, the guide's own Say phrases (sound) and the unit tests' labelled
rows (tests/test_practice_classify.py: GOOD, NOT_FLAGGED and the MIRRORS without a flag are
sound, KILLERS and the flagged MIRRORS are killers). Weak answers are left out.

The scenarios, Say phrases and unit rows count EXTRA_TIMES (3) times in training: counted
once, the 53 development sets outweighed them, one sound unit row scored 0.395 and lifted
the threshold from 0.30 to 0.40. Counted 1 to 4 times, 2 to 4 gave the lowest threshold
(0.30) in cross-validation and 3 caught the most left-out killers there (98.8%).

The threshold is chosen before any held-apart answer is read: 7-fold cross-validation over
the development sets (each fold leaves whole sets out) gives, for each threshold from 0.30
to 0.90, the share of left-out killers caught and of left-out sound answers flagged by the
backstop alone; the lowest threshold that flags at most 2% of sound answers is taken. That
leaves room under the 1-in-20 target for the rules' own false flags. The threshold must also
be above every sound answer of the scenarios, the Say phrases and the unit rows, as the
final table scores them: what the guide and the unit tests call sound is never flagged.

Prints the cross-validation table and the chosen threshold, then writes the table.
`--check` writes nothing and exits 1 when the shipped table differs from the retrained one.
`--grid` writes nothing and prints, for each weight decay (`l2`) tried, the share of
left-out killers caught when 2% of left-out sound answers are flagged: how the default in
`app.practice.backstop.train` was chosen (0.05, the middle of the best plateau).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.guide import compile_guide  # noqa: E402
from app.guide.model import SAY, Guide  # noqa: E402
from app.guide.query import phrases  # noqa: E402
from app.practice import backstop as B  # noqa: E402
from app.practice.classify import read as rules_read  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
FOLDS = 7
MOST_FALSE = 0.02
# The scenarios, the Say phrases and the unit rows are what the guide and its tests say;
# they count three times in training (chosen by cross-validation, see the docstring)
EXTRA_TIMES = 3
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(13)]


Row = tuple[str, str, bool]  # the answer and what they said, as the rules read them; killer?


def read(text: str | None) -> str:
    """The answer as the rules read it, in lower case as the backstop scores it."""
    return rules_read(text).lower()


def development() -> dict[str, list[Row]]:
    """Each development set's sound answers and killers, by set name."""
    out: dict[str, list[Row]] = {}
    for f in sorted(DATA.glob("practice_*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if d.get("role") != "development":
            continue
        out[f.stem] = [(read(a["answer"]), read(a["said"]), a["kind"] == "killer")
                       for a in d["answers"] if a["kind"] in ("good", "killer")]
    return out


def scenarios(guide: Guide) -> list[Row]:
    """The scenarios' graded answers, and the guide's Say phrases as sound answers."""
    rows = [(read(a.text), read(t.line), a.grade == "harmful")
            for s in guide.practice for t in s.turns for a in t.answers]
    return rows + [(read(p.text), "", False) for p in phrases(guide, kind=SAY)]


def unit_rows() -> list[Row]:
    """The rows as the unit tests classify them (the same `said`)."""
    from tests import test_practice_classify as U

    rows = [(read(answer), read(said), False) for said, answer, _ in U.GOOD]
    rows += [(read(answer), read(U.NOT_FLAGGED_SAID), False) for answer in U.NOT_FLAGGED]
    rows += [(read(answer), read(U.KILLERS_SAID), True) for answer, _ in U.KILLERS]
    rows += [(read(answer), read(said), bool(codes)) for said, answer, codes in U.MIRRORS]
    return rows


def cross_validate(sets: dict[str, list[Row]], extra: list[Row],
                   **train) -> list[tuple[float, bool]]:
    """(likelihood, is_killer) of every development answer, from a model that never saw
    its set."""
    names = sorted(sets)
    random.Random(7).shuffle(names)
    out: list[tuple[float, bool]] = []
    for i in range(FOLDS):
        left = set(names[i::FOLDS])
        rows = [r for n in names if n not in left for r in sets[n]] + extra
        model = B.train(rows, **train)
        out += [(model.likelihood(t, said), k) for n in left for t, said, k in sets[n]]
    return out


def choose(cv: list[tuple[float, bool]], floor: float = 0.0) -> tuple[float, list[str]]:
    """The lowest threshold that flags at most 2% of left-out sound answers and is above
    `floor`, the highest likelihood of an answer that must never be flagged."""
    killers = [p for p, k in cv if k]
    sound = [p for p, k in cv if not k]
    lines, chosen = [], None
    for thr in THRESHOLDS:
        caught = sum(p >= thr for p in killers)
        false = sum(p >= thr for p in sound)
        ok = false <= MOST_FALSE * len(sound) and thr > floor
        if ok and chosen is None:
            chosen = thr
        lines.append(f"  {thr:.2f}  killers caught {caught}/{len(killers)} = "
                     f"{100 * caught / len(killers):.1f}%   sound flagged {false}/{len(sound)} = "
                     f"{100 * false / len(sound):.1f}%{'   <- chosen' if thr == chosen else ''}")
    return (chosen if chosen is not None else THRESHOLDS[-1]), lines


def build() -> tuple[B.Backstop, list[str]]:
    guide = compile_guide(paths.content_dir(None))
    sets = development()
    extra = (scenarios(guide) + unit_rows()) * EXTRA_TIMES
    rows = [r for n in sorted(sets) for r in sets[n]] + extra
    model = B.train(rows)
    # the scenarios' sound answers, the Say phrases and the unit tests' sound rows are
    # never flagged: the threshold stays above the highest of them
    floor = max(model.likelihood(t, said) for t, said, k in extra if not k)
    threshold, lines = choose(cross_validate(sets, extra), floor)
    head = [f"trained on {len(rows)} answers: {len(sets)} development sets, the scenarios, "
            f"the Say phrases and the unit rows ({EXTRA_TIMES} times each); "
            f"{FOLDS}-fold cross-validation by set, "
            f"backstop alone (the threshold must also be above {floor:.3f}, the highest "
            "likelihood of a sound answer in the scenarios, Say phrases or unit rows):"]
    return B.Backstop(model.bias, model.weights, threshold), head + lines


def caught_at_two_percent(cv: list[tuple[float, bool]]) -> float:
    sound = sorted((p for p, k in cv if not k), reverse=True)
    line = sound[int(MOST_FALSE * len(sound))]
    killers = [p for p, k in cv if k]
    return sum(p > line for p in killers) / len(killers)


def grid() -> None:
    guide = compile_guide(paths.content_dir(None))
    sets, extra = development(), (scenarios(guide) + unit_rows()) * EXTRA_TIMES
    for l2 in (1e-4, 1e-3, 1e-2, 3e-2, 5e-2, 1e-1, 3e-1):
        share = caught_at_two_percent(cross_validate(sets, extra, l2=l2))
        print(f"  l2 {l2:g}: killers caught at 2% sound flagged {100 * share:.1f}%", flush=True)


def main(argv: list[str]) -> int:
    if "--grid" in argv:
        grid()
        return 0
    model, lines = build()
    print("\n".join(lines))
    print(f"threshold {model.threshold:.2f}, {len(model.weights)} weights")
    text = model.dumps()
    if "--check" in argv:
        same = B.SHIPPED.exists() and B.SHIPPED.read_text(encoding="utf-8") == text
        print("the shipped table is up to date" if same else "the shipped table differs")
        return 0 if same else 1
    B.SHIPPED.write_text(text, encoding="utf-8")
    print(f"wrote {B.SHIPPED.relative_to(ROOT)} ({len(text.encode()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
