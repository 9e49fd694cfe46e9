"""Compile the Markdown guide vs load the compiled bundle.

Two trees: the shipped content/ and a generated 200-file tree (~550 KB, the size
DESIGN.md plans for). For each, runs alternate: a cold compile (compile_guide: read,
parse, check every file) and a bundle load (load_guide with a warm cache: hash every
file's bytes, read and verify the JSON bundle, rebuild the dataclasses). Prints medians and the
ratio. Target: bundle load at least 10x faster than compiling.

    .venv/bin/python benchmarks/content.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.guide import compile_guide, load_guide  # noqa: E402
from app.guide.cache import BUNDLE_NAME, bundle_key, read_bundle  # noqa: E402

SITUATION = """---
id: gen-{n}
title: Generated situation {n}
version: "1.0"
reviewed: 2026-01-01
reviewed_by: Benchmark
sources: [{source}]
---
# Generated situation {n}

A generated situation to measure how the parser scales. It has a short summary
that runs over two lines, as the real ones do.

## Priorities
{items}

## Questions to ask
{items}

## Danger signs
{items}

## Say
{say}

## Avoid
{avoid}
"""

CHECKLIST = """---
id: gen-list-{n}
title: Generated checklist {n}
version: "1.0"
reviewed: 2026-01-01
reviewed_by: Benchmark
sources: [{source}]
order: {n}
---
# Generated checklist {n}

{sections}
"""


def generate(dst: Path, files: int = 200) -> Path:
    """The shipped content plus generated situations and checklists, `files` in all."""
    shutil.copytree(ROOT / "content", dst)
    guide = compile_guide(dst)
    assert not guide.problems, guide.problems[:3]
    source = guide.sources[0].key
    stages = [s.title for s in guide.stages]
    skills = [s.title for s in guide.skills]
    have = len([p for p in dst.rglob("*.md") if p.name != "README.md"])
    n = 0
    while have < files:
        n += 1
        items = "\n".join(
            f"- Generated item {i} for situation {n}: keep it short and plain." for i in range(8)
        )
        say = "\n".join(
            f"### {stages[i % 5]}\n#### {skills[i % len(skills)]}\n"
            + "\n".join(
                f"- Generated phrase {i}.{j} for {n}: it sounds like a long day." for j in range(3)
            )
            for i in range(6)
        )
        avoid = "\n".join(
            f"### {stages[i % 5]}\n#### Orders\n- Calm down, number {i} for {n}.\n"
            "  - Why: An order to feel calm tells them they are not heard.\n"
            f"  - Instead: You sound really upset, [name] ({i})."
            for i in range(4)
        )
        if n % 4:
            (dst / "situations" / f"gen-{n}.md").write_text(
                SITUATION.format(n=n, source=source, items=items, say=say, avoid=avoid),
                encoding="utf-8",
            )
        else:
            sections = "\n\n".join(
                f"## Section {s}\n"
                + "\n".join(
                    f"- [ ] Generated step {s}.{i} in list {n}: do this, then report it."
                    for i in range(8)
                )
                for s in range(5)
            )
            (dst / "checklists" / f"gen-{n}.md").write_text(
                CHECKLIST.format(n=n, source=source, sections=sections), encoding="utf-8"
            )
        have += 1
    return dst


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure(name: str, content: Path, cache: Path, runs: int) -> None:
    files = [p for p in content.rglob("*.md") if p.name != "README.md"]
    size = sum(p.stat().st_size for p in files)
    reference = compile_guide(content)
    warm = load_guide(content, cache)  # writes the bundle
    assert warm == reference and warm.problems == reference.problems
    bundle = cache / BUNDLE_NAME

    key = bundle_key(content, str(content))
    today = dt.date.today()

    def bundle_only():
        assert read_bundle(bundle, key, today) is not None

    compile_t, load_t, raw_t = [], [], []
    for _ in range(runs):  # alternate, so drift hits both sides alike
        compile_t.append(_time(lambda: compile_guide(content)))
        load_t.append(_time(lambda: load_guide(content, cache)))
        raw_t.append(_time(bundle_only))
    c, ld, r = (statistics.median(x) * 1000 for x in (compile_t, load_t, raw_t))
    print(
        f"{name}: {len(files)} files, {size / 1024:.0f} KB Markdown, "
        f"bundle {bundle.stat().st_size / 1024:.0f} KB, {runs} runs each"
    )
    print(f"  compile (cold parse + checks)    median {c:8.2f} ms")
    print(f"  load_guide (hash + bundle)       median {ld:8.2f} ms   {c / ld:5.1f}x faster")
    print(f"  bundle only (no hashing)         median {r:8.2f} ms   {c / r:5.1f}x faster")
    verdict = "meets" if c / ld >= 10 else "MISSES"
    print(f"  {verdict} the 10x target for load_guide")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        measure("shipped content/", ROOT / "content", tmp_path / "cache-real", args.runs)
        big = generate(tmp_path / "big")
        measure("generated tree", big, tmp_path / "cache-big", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
