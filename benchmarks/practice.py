"""How well `practice classify` names skills and flags rapport killers, on a held-apart set.

    .venv/bin/python benchmarks/practice.py [content_dir] [labelled.json]

The labelled answers (benchmarks/data/practice_heldout.json) were written before the
rules were tuned and are never used by the unit tests. Uses the guide's own style rules
and skill definitions (content/style.md, content/skills/). Prints:
- skill accuracy per skill, and over every answer labelled with a skill (target >= 85%);
- flag recall: rapport killers with at least one flag (target: all of them), and the
  share of expected flag codes raised;
- false flags: sound answers that got any flag (target: at most 1 in 20);
- the same figures on the shipped scenarios' answers (content/practice/): Best and
  Acceptable answers with their Skill:, Harmful ones as rapport killers. That set is a
  development set (the rules were tuned on it after the held-apart run), shown for scale;
- the median time of one classification, against a baseline in the same run (only
  cleaning and splitting the text into words).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import paths  # noqa: E402
from app.guide import compile_guide  # noqa: E402
from app.practice.classify import Classifier  # noqa: E402
from app.practice.text import clean, words  # noqa: E402

HERE = Path(__file__).resolve().parent
ROUNDS = 5


def score(classifier: Classifier, answers: list[dict]) -> dict:
    per_skill: dict[str, list[int]] = {}
    confusions: Counter = Counter()
    killers = killers_flagged = good = good_flagged = 0
    want_codes = got_codes = 0
    misses: list[str] = []
    for a in answers:
        r = classifier.classify(a["answer"], a["said"])
        codes = {f.code for f in r.flags}
        label = a["skill"]
        if label is not None:
            c = per_skill.setdefault(label, [0, 0])
            c[0] += r.skill == label
            c[1] += 1
            if r.skill != label:
                confusions[(label, r.skill)] += 1
                misses.append(f"  skill {label} -> {r.skill}: {a['answer']!r}")
        if a["kind"] == "killer":
            killers += 1
            killers_flagged += bool(codes)
            if not codes:
                misses.append(f"  killer not flagged: {a['answer']!r}")
        if a["kind"] == "good":
            good += 1
            good_flagged += bool(codes)
            if codes:
                misses.append(f"  sound answer flagged {sorted(codes)}: {a['answer']!r}")
        want_codes += len(a.get("flags", ()))
        got_codes += len(set(a.get("flags", ())) & codes)
    return {
        "per_skill": per_skill,
        "killers": (killers_flagged, killers),
        "good": (good_flagged, good),
        "codes": (got_codes, want_codes),
        "confusions": confusions,
        "misses": misses,
    }


def scenario_answers(guide) -> list[dict]:
    """The shipped scenarios' answers in the labelled set's shape."""
    out = []
    for s in guide.practice:
        for t in s.turns:
            for a in t.answers:
                killer = a.grade == "harmful"
                kind = "killer" if killer else "good"
                out.append({"said": t.line, "answer": a.text, "skill": a.skill, "kind": kind})
    return out


def report(title: str, s: dict, show_misses: bool) -> None:
    right = total = 0
    print(f"{title}:")
    for skill, (r, t) in sorted(s["per_skill"].items()):
        right += r
        total += t
        print(f"  {skill:22} {pct(r, t)}")
    print(f"  skill accuracy, all labelled with a skill: {pct(right, total)}  (target >= 85%)")
    print(f"  rapport killers flagged:                  {pct(*s['killers'])}  (target 100%)")
    if s["codes"][1]:
        print(f"  expected flag codes raised:               {pct(*s['codes'])}")
    print(f"  sound answers flagged (false flags):      {pct(*s['good'])}  (target <= 5%)")
    if show_misses and s["misses"]:
        print("  misses:")
        print("\n".join(s["misses"]))


def pct(n: int, d: int) -> str:
    return f"{n}/{d} = {100 * n / d:.1f}%" if d else "n/a"


def median_us(fn, answers: list[dict]) -> float:
    times = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for a in answers:
            fn(a["answer"], a["said"])
        times.append((time.perf_counter() - t) / len(answers) * 1e6)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    content = paths.content_dir(argv[0] if argv else None)
    data = Path(argv[1]) if len(argv) > 1 else HERE / "data" / "practice_heldout.json"
    answers = json.loads(data.read_text(encoding="utf-8"))["answers"]
    guide = compile_guide(content)
    classifier = Classifier.from_guide(guide)
    print(f"labelled set: {data.name}, {len(answers)} answers")
    print(
        f"style rules: {len(guide.style.banned)} banned expressions, "
        f"{guide.style.max_words} words at most ({guide.style.file or 'built-in'})"
    )
    report("held-apart set", score(classifier, answers), True)
    dev = scenario_answers(guide)
    report(f"scenario answers ({len(dev)}, development set)", score(classifier, dev), True)
    base = median_us(lambda a, said: (words(clean(a)), words(clean(said))), answers)
    rules = median_us(classifier.classify, answers)
    print(
        f"median per answer: classify {rules:.0f} us, baseline (clean + split) {base:.0f} us, "
        f"ratio {rules / base:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
