"""Incidents list benchmark: what listing every incident on the device costs.

The list must stay cheap (app/incidents/standing.py): no log is parsed to say whether a
call is open or closed; each log's files are looked at by their bytes, and only again
when one of them changed. Four closed calls of 2,500 entries (real appends, every one
fsynced, closed and folded as in the field) and one open call of 200 entries; each figure
is the median of 7 rounds, in ms:
- first: a fresh log (no preload, as the CLI opens it) listing them: every log's files read;
- again: the same log listing them again, no file changed: only their sizes and times read;
- start: a fresh log as the app opens it (preload: the open call read in full) and its list.
The last line is one JSON object. Nothing here passes or fails.
Usage: python benchmarks/incidents_list.py [--quick]  (calls of 500 entries)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.incidents import IncidentLog, NoteKind  # noqa: E402

QUICK = "--quick" in sys.argv
CLOSED, SIZE, OPEN_SIZE = 4, (500 if QUICK else 2500), 200
ROUNDS = 7
TEXT = "Subject says he will come down if his sister can talk to him; calmer now, ~80 chars."


def median_ms(action, rounds: int = ROUNDS) -> float:
    """`action()` returns what to close once it is timed (closing a log is not listing)."""
    took = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        done = action()
        took.append(time.perf_counter() - t0)
        if done is not None:
            done.close()
    return statistics.median(took) * 1000


def fill(data: Path) -> None:
    log = IncidentLog(data)
    for n in range(CLOSED + 1):
        inc = log.open_incident(f"Barricaded subject {n}", "Oak Rd")
        for i in range((OPEN_SIZE if n == CLOSED else SIZE) - 2):
            log.add_note(inc.id, NoteKind.NOTE, f"{TEXT} #{i}")
        if n < CLOSED:
            log.close_incident(inc.id)
    log.close()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="stairway-bench-list-") as d:
        data = Path(d) / "data"
        t0 = time.perf_counter()
        fill(data)
        filled = time.perf_counter() - t0

        def first() -> IncidentLog:
            log = IncidentLog(data, preload=False)
            assert len(log.incidents()) == CLOSED + 1 and not log.warnings
            return log

        def start() -> IncidentLog:
            log = IncidentLog(data)
            assert [i.is_open for i in log.incidents()].count(True) == 1
            return log

        kept = IncidentLog(data, preload=False)
        kept.incidents()
        out = {"first_ms": median_ms(first),
               "again_ms": median_ms(lambda: kept.incidents() and None),
               "start_ms": median_ms(start)}
        kept.close()
    print(f"listing {CLOSED} closed calls of {SIZE:,} entries and one open of {OPEN_SIZE}, "
          f"median of {ROUNDS} rounds (filled by appends in {filled:.1f} s)")
    print(f"first {out['first_ms']:.2f} ms   again {out['again_ms']:.2f} ms   "
          f"start {out['start_ms']:.2f} ms")
    print(json.dumps({k: round(v, 3) for k, v in out.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
