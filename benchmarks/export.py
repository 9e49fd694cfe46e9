"""Export benchmark: the hand-over brief (md), the CSV and the JSON export of an incident of
500 and 5,000 entries, and `verify` of its JSON export, each the median of 5 rounds.

Two baselines, measured in the same run on the same disk, to read the figures against:
- read: a fresh IncidentLog opening the incident and listing its entries (notes.json as a
  fold wrote it is sealed, so no entry is hashed again): what any screen of it costs;
- parse: `json.loads` of the JSON export, no hash computed: the floor under `verify`.
Every export hashes each entry again before it says "chain intact" (log.py `_rehashed`),
and `verify` hashes each entry and checks its form (shape.py) and its references
(sense.py), so the ratios show what that checking costs over reading alone.

The incidents are filled by real appends (every one fsynced, folds in the background), a
mix of the kinds an officer logs, then closed. Prints medians (ms), ratios, and how the
cost grows from 500 to 5,000 entries (10x the entries); the last line is one JSON object.
Nothing here passes or fails. Usage: python benchmarks/export.py [--quick]  (500 only)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.incidents import IncidentLog, NoteKind  # noqa: E402
from app.incidents.clock import utcnow  # noqa: E402
from app.incidents.export import verify  # noqa: E402

QUICK = "--quick" in sys.argv
SIZES = (500,) if QUICK else (500, 5000)
ROUNDS = 5
TEXT = "Subject says he will come down if his sister can talk to him; calmer now, ~80 chars."
MIX = (NoteKind.NOTE, NoteKind.NOTE, NoteKind.HOOK, NoteKind.TRIGGER, NoteKind.CONTACT_START,
       NoteKind.CONTACT_END, NoteKind.SUBJECT_INFO, NoteKind.DEMAND, NoteKind.DEADLINE,
       NoteKind.NOTE)


def median_ms(action, rounds: int = ROUNDS) -> float:
    took = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        action()
        took.append(time.perf_counter() - t0)
    return statistics.median(took) * 1000


def fill(data: Path, size: int) -> str:
    """An incident of `size` entries (#0 opened ... the closing entry), closed and folded."""
    log = IncidentLog(data)
    inc = log.open_incident("Suicidal person on a bridge", "Harbour bridge, north side")
    last = None
    for i in range(size - 2):  # entry #0 and the closing entry make `size`
        kind = MIX[i % len(MIX)]
        if kind == NoteKind.DEADLINE:
            log.add_note(inc.id, kind, f"{TEXT} #{i}", due=utcnow() + timedelta(minutes=30))
        elif kind in (NoteKind.CONTACT_START, NoteKind.CONTACT_END):
            log.add_note(inc.id, kind)
        elif i % 97 == 0 and last is not None:
            log.amend(inc.id, last.id, f"{TEXT} #{i} (corrected)")
        else:
            last = log.add_note(inc.id, kind, f"{TEXT} #{i}")
    log.close_incident(inc.id)
    log.close()
    return inc.id


def measure(data: Path, inc_id: str) -> dict:
    def read() -> None:
        fresh = IncidentLog(data, preload=False)
        fresh.entries(inc_id)
        fresh.close()

    log = IncidentLog(data, preload=False)
    entries = len(log.entries(inc_id))  # loaded once: the exports below time the export
    out = {"entries": entries, "read_ms": median_ms(read)}
    for fmt in ("md", "csv", "json"):
        out[f"{fmt}_ms"] = median_ms(lambda f=fmt: log.export(inc_id, f))
        out[f"{fmt}_kb"] = len(log.export(inc_id, fmt).encode("utf-8")) / 1024
    text = log.export(inc_id, "json")
    status = verify(text)[2]
    if not status.intact or status.damaged:  # a benchmark of a refusal would mislead
        raise SystemExit(f"the export does not verify: {status.sentence}")
    out["parse_ms"] = median_ms(lambda: json.loads(text))
    out["verify_ms"] = median_ms(lambda: verify(text))
    log.close()
    return out


def main() -> int:
    results: dict[int, dict] = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="stairway-bench-export-") as d:
        for size in SIZES:
            data = Path(d) / f"data-{size}"
            fill_t0 = time.perf_counter()
            inc_id = fill(data, size)
            filled = time.perf_counter() - fill_t0
            results[size] = {**measure(data, inc_id), "fill_s": filled}
    took = time.perf_counter() - t0
    print(f"export and verify, median of {ROUNDS} rounds in ms; {took:.0f} s in all")
    print("read: a fresh log opening the incident, no entry hashed again (baseline)")
    print("parse: json.loads of the JSON export, no hash computed (baseline for verify)")
    print(" ".join(f"{h:>8}" for h in ("entries", "read", "md", "csv", "json", "parse",
                                          "verify")))
    for r in results.values():
        cols = [r[k] for k in ("read_ms", "md_ms", "csv_ms", "json_ms", "parse_ms", "verify_ms")]
        print(f"{r['entries']:>8} " + " ".join(f"{c:>8.1f}" for c in cols))
    print("ratios to the baseline (how many times the read, or the parse, it costs):")
    for r in results.values():
        print(f"{r['entries']:>8} md {r['md_ms'] / r['read_ms']:.2f}x  "
              f"csv {r['csv_ms'] / r['read_ms']:.2f}x  json {r['json_ms'] / r['read_ms']:.2f}x"
              f"  verify {r['verify_ms'] / r['parse_ms']:.2f}x the parse")
    for r in results.values():
        print(f"{r['entries']:>8} sizes: md {r['md_kb']:.0f} KB, csv {r['csv_kb']:.0f} KB, "
              f"json {r['json_kb']:.0f} KB; filled by appends in {r['fill_s']:.1f} s")
    summary: dict[str, object] = {
        f"{k}_{r['entries']}": round(r[k], 2)
        for r in results.values()
        for k in ("read_ms", "md_ms", "csv_ms", "json_ms", "parse_ms", "verify_ms")
    }
    if len(SIZES) == 2:
        small, big = (results[s] for s in SIZES)
        growth = {k: big[k] / small[k] for k in ("md_ms", "csv_ms", "json_ms", "verify_ms")}
        print(f"growth {big['entries']:,} vs {small['entries']:,} entries (10x the entries): "
              + ", ".join(f"{k[:-3]} {v:.1f}x" for k, v in growth.items()))
        summary.update({f"growth_{k[:-3]}": round(v, 2) for k, v in growth.items()})
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
