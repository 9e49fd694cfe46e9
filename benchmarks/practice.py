"""How well `practice classify` names skills and flags rapport killers, on labelled sets.

    .venv/bin/python benchmarks/practice.py [--content DIR] [-v] [labelled.json ...]

With no files it scores every `benchmarks/data/practice_*.json`. Each set says its `role`:
`held-apart` (written by someone who never saw the rules, and never used to tune them: its
figures are the ones that count) or `development` (its misses were seen and rules were
changed for them; its `history` keeps the figures from before that). None is used by the
unit tests. Uses the guide's own style rules and skill definitions (content/style.md,
content/skills/). Prints, per set:
- skill accuracy per skill, over sound answers and over every answer labelled with a skill
  (weak answers too: what they attempt; target >= 85%);
- flag recall: rapport killers with at least one flag (target: all of them), and the
  share of expected flag codes raised;
- false flags: sound answers that got any flag (target: at most 1 in 20);
- the misses (for held-apart sets, or every set with -v);
then each role's sets pooled, with how many sets meet all three targets on their own and
what the rules alone (without the learned backstop, app/practice/backstop.py) would flag;
then the same figures on the shipped scenarios' answers (content/practice/, a development
set), and the median time of one classification against a baseline in the same run (only
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
    sound = [0, 0]  # sound answers labelled with a skill: right, total
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
            if a["kind"] == "good":
                sound[0] += r.skill == label
                sound[1] += 1
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
        "sound": tuple(sound),
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
    if s.get("sound", (0, 0))[1]:
        print(f"  skill accuracy, sound answers:             {pct(*s['sound'])}  (target >= 85%)")
    print(f"  skill accuracy, all labelled with a skill: {pct(right, total)}  (target >= 85%)")
    print(f"  rapport killers flagged:                  {pct(*s['killers'])}  (target 100%)")
    if s["codes"][1]:
        print(f"  expected flag codes raised:               {pct(*s['codes'])}")
    print(f"  sound answers flagged (false flags):      {pct(*s['good'])}  (target <= 5%)")
    if show_misses and s["misses"]:
        print("  misses:")
        print("\n".join(s["misses"]))


def meets(s: dict) -> bool:
    """All three targets: skill on sound answers >= 85%, every killer flagged, <= 5% false."""
    (right, sound), (flagged, killers), (false, good) = s["sound"], s["killers"], s["good"]
    return (
        (not sound or right / sound >= 0.85)
        and flagged == killers
        and (not good or false / good <= 0.05)
    )


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
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    content = None
    if "--content" in args:
        i = args.index("--content")
        content = args[i + 1] if i + 1 < len(args) else ""
        del args[i : i + 2]
    elif args and Path(args[0]).is_dir():
        content = args.pop(0)  # the older form: practice.py CONTENT_DIR [FILE]
    folder = paths.content_dir(content)
    if not (folder / "skills").is_dir():
        print(f"no guide at {folder}: give --content DIR", file=sys.stderr)
        return 2
    files = [Path(a) for a in args] or sorted((HERE / "data").glob("practice_*.json"))
    guide = compile_guide(folder)
    classifier = Classifier.from_guide(guide)
    rules_alone = Classifier(guide.style, guide.skills, backstop=False)
    if classifier.backstop is None:
        print("the learned backstop is unusable: these are the rules alone")
    print(
        f"style rules: {len(guide.style.banned)} banned expressions, "
        f"{guide.style.max_words} words at most ({guide.style.file or 'built-in'})"
    )
    everything: list[dict] = []
    pooled: dict[str, list[dict]] = {}  # role -> its sets' answers together
    sets: dict[str, int] = {}  # role -> how many sets
    met: dict[str, list[str]] = {}  # role -> the sets that meet all three targets
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        answers = data["answers"]
        everything += answers
        role = data.get("role", "held-apart")
        scored = score(classifier, answers)
        report(
            f"{f.name} ({len(answers)} answers, {role})", scored, verbose or role == "held-apart"
        )
        if data.get("history"):
            print(f"  history: {data['history']}")
        pooled.setdefault(role, []).extend(answers)
        sets[role] = sets.get(role, 0) + 1
        met.setdefault(role, [])
        if meets(scored):
            met[role].append(f.stem.removeprefix("practice_heldout").strip("_") or "a")
    for role, answers in pooled.items():
        n = sets[role]
        report(
            f"all {n} {role} sets pooled ({len(answers)} answers)",
            score(classifier, answers),
            False,
        )
        print(
            f"  sets meeting all three targets: {len(met[role])} of {n} "
            f"({', '.join(met[role]) or 'none'})"
        )
        alone = score(rules_alone, answers)
        print(
            f"  the rules alone: killers flagged {pct(*alone['killers'])}, "
            f"false flags {pct(*alone['good'])}"
        )
    dev = scenario_answers(guide)
    report(f"scenario answers ({len(dev)}, development set)", score(classifier, dev), verbose)
    base = median_us(lambda a, said: (words(clean(a)), words(clean(said))), everything)
    both = median_us(classifier.classify, everything)
    rules = median_us(rules_alone.classify, everything)
    print(
        f"median per answer ({len(everything)} answers): classify {both:.0f} us "
        f"(the rules alone {rules:.0f} us), baseline (clean + split) {base:.0f} us, "
        f"ratio {both / base:.1f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
