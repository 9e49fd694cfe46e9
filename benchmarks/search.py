"""Median time of one search over the shipped content (target < 50 ms, Python side).

    .venv/bin/python benchmarks/search.py [content_dir]

Queries mix exact words, prefixes, typos and several words; each is run cold (a fresh
match cache) and warm. Prints the index build time and the medians.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import paths  # noqa: E402
from app.guide import load_guide  # noqa: E402
from app.guide.search import build_index, search  # noqa: E402

QUERIES = [
    "calm",
    "empathy",
    "empa",
    "negotiator",
    "negotaitor",
    "perimeter",
    "perimiter",
    "what happened",
    "you sound",
    "weapon",
    "hostage demands",
    "suicide plan",
    "rapport",
    "i",
    "name",
    "family",
    "promise",
    "deadline",
    "listen",
    "minimal encouragers",
]
ROUNDS = 5


def main() -> int:
    content = paths.content_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    guide = load_guide(content)
    builds = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        index = build_index(guide)
        builds.append((time.perf_counter() - t) * 1000)
    cold, warm = [], []
    for _ in range(ROUNDS):
        index = build_index(guide)
        for q in QUERIES:
            t = time.perf_counter()
            search(index, q)
            cold.append((time.perf_counter() - t) * 1000)
        for q in QUERIES:
            t = time.perf_counter()
            search(index, q)
            warm.append((time.perf_counter() - t) * 1000)
    print(f"documents: {len(index)}  words: {len(index.vocab)}  queries: {len(QUERIES)}")
    print(f"build_index median: {statistics.median(builds):.2f} ms")
    print(f"search median (cold): {statistics.median(cold):.2f} ms  max {max(cold):.2f} ms")
    print(f"search median (warm): {statistics.median(warm):.2f} ms  max {max(warm):.2f} ms")
    print("target: < 50 ms per query:", "met" if max(cold) < 50 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
