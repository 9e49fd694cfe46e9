"""Retrain the practice classifier's backstop (app/practice/killer_words.txt) and print how
it does on answers it was not trained on.

    .venv/bin/python benchmarks/practice_train.py [--check]

Trains on the development sets in benchmarks/data/ (never a held-apart one), the shipped
scenarios' graded answers and the unit tests' labelled rows (tests/test_practice_classify.py:
GOOD and NOT_FLAGGED are sound, KILLERS are killers). Weak answers are left out.

The threshold is chosen before any held-apart answer is read: 7-fold cross-validation over
the development sets (each fold leaves whole sets out) gives, for each threshold from 0.30
to 0.90, the share of left-out killers caught and of left-out sound answers flagged by the
backstop alone; the lowest threshold that flags at most 2% of sound answers is taken. That
leaves room under the 1-in-20 target for the rules' own false flags.

Prints the cross-validation table and the chosen threshold, then writes the table.
`--check` writes nothing and exits 1 when the shipped table differs from the retrained one.
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
from app.guide.model import Guide  # noqa: E402
from app.practice import backstop as B  # noqa: E402
from app.practice.text import clean, texting  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
FOLDS = 7
MOST_FALSE = 0.02
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(13)]


def read(text: str) -> str:
    """The answer as the rules read it."""
    return texting(clean(text)).lower()


def development() -> dict[str, list[tuple[str, bool]]]:
    """Each development set's sound answers and killers, by set name."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for f in sorted(DATA.glob("practice_*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if d.get("role") != "development":
            continue
        out[f.stem] = [(read(a["answer"]), a["kind"] == "killer")
                       for a in d["answers"] if a["kind"] in ("good", "killer")]
    return out


def scenarios(guide: Guide) -> list[tuple[str, bool]]:
    return [(read(a.text), a.grade == "harmful")
            for s in guide.practice for t in s.turns for a in t.answers]


def unit_rows() -> list[tuple[str, bool]]:
    from tests import test_practice_classify as U

    rows = [(read(answer), False) for _, answer, _ in U.GOOD]
    rows += [(read(answer), False) for answer in U.NOT_FLAGGED]
    rows += [(read(answer), True) for answer, _ in U.KILLERS]
    return rows


def cross_validate(sets: dict[str, list[tuple[str, bool]]], extra: list[tuple[str, bool]]):
    """(likelihood, is_killer) of every development answer, from a model that never saw
    its set."""
    names = sorted(sets)
    random.Random(7).shuffle(names)
    out: list[tuple[float, bool]] = []
    for i in range(FOLDS):
        left = set(names[i::FOLDS])
        rows = [r for n in names if n not in left for r in sets[n]] + extra
        model = B.train(rows)
        out += [(model.likelihood(t), k) for n in left for t, k in sets[n]]
    return out


def choose(cv: list[tuple[float, bool]]) -> tuple[float, list[str]]:
    killers = [p for p, k in cv if k]
    sound = [p for p, k in cv if not k]
    lines, chosen = [], None
    for thr in THRESHOLDS:
        caught = sum(p >= thr for p in killers)
        false = sum(p >= thr for p in sound)
        ok = false <= MOST_FALSE * len(sound)
        if ok and chosen is None:
            chosen = thr
        lines.append(f"  {thr:.2f}  killers caught {caught}/{len(killers)} = "
                     f"{100 * caught / len(killers):.1f}%   sound flagged {false}/{len(sound)} = "
                     f"{100 * false / len(sound):.1f}%{'   <- chosen' if thr == chosen else ''}")
    return (chosen if chosen is not None else THRESHOLDS[-1]), lines


def build() -> tuple[B.Backstop, list[str]]:
    guide = compile_guide(paths.content_dir(None))
    sets = development()
    extra = scenarios(guide) + unit_rows()
    threshold, lines = choose(cross_validate(sets, extra))
    rows = [r for n in sorted(sets) for r in sets[n]] + extra
    head = [f"trained on {len(rows)} answers: {len(sets)} development sets, the scenarios "
            f"and the unit rows; {FOLDS}-fold cross-validation by set, backstop alone:"]
    return B.train(rows, threshold=threshold), head + lines


def main(argv: list[str]) -> int:
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
