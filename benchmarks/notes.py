"""Note log benchmark: cost of one durable append at 100, 1,000 and 10,000 notes.

Three stores, measured in the same run on the same disk:
- ours: `IncidentLog.add_note` (chained, fsynced journal line, folded into TinyDB in a
  background thread); filled to each size by real appends (so journal folds happen
  as in the field), and EVERY append is timed: its p99 and maximum (no append may
  wait for a fold: target under 20 ms);
- TinyDB's default JSONStorage: `insert` (rewrites the whole file each time); filled
  with one `insert_multiple`, then a SAMPLE of single inserts is timed at that size;
- sqlite3, WAL, synchronous=FULL, one transaction per insert; filled with one
  `executemany`, then single inserts timed.
Also: opening an incident of 10,000 notes and reading its latest 50, in a fresh log
(target under 100 ms). Prints medians and p99 (ms) and ratios; the last line is one
JSON object (keys kept from run to run; max_append_ms, p99_append_ms added).
Usage: python benchmarks/notes.py [--quick]
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402

from app.incidents import IncidentLog, NoteKind  # noqa: E402
from app.incidents.clock import to_iso, utcnow  # noqa: E402

SIZES = (100, 1000, 10000)
TEXT = "Subject says he will come down if his sister can talk to him; calmer now, ~80 chars."
QUICK = "--quick" in sys.argv
SAMPLE = {"ours": 300, "tinydb": 50 if not QUICK else 5, "sqlite": 300}


def stats(samples: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in samples)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
    return statistics.median(ms), p99


def doc(i: int) -> dict:
    return {"seq": i, "at": to_iso(utcnow()), "kind": "note", "text": f"{TEXT} #{i}"}


def bench_ours(tmp: Path) -> tuple[dict, tuple]:
    log = IncidentLog(tmp / "ours")
    inc = log.open_incident("benchmark", "here")
    results, count, every = {}, 0, []

    def append(text: str) -> float:
        t0 = time.perf_counter()
        log.add_note(inc.id, NoteKind.NOTE, text)
        took = time.perf_counter() - t0
        every.append(took)
        return took

    for size in SIZES:
        while count < size:  # filling: folds start at 2,000, 4,000, 8,000... notes
            append(f"{TEXT} #{count}")
            count += 1
        times = [append(f"{TEXT} #{count + i}") for i in range(SAMPLE["ours"])]
        count += SAMPLE["ours"]
        results[size] = stats(times)
    log.close()  # folds: the next open reads notes.json, as after a normal shutdown
    # open + latest 50, at 10,000 + samples notes, median of 5 fresh opens
    opens = []
    for _ in range(5):
        t0 = time.perf_counter()
        fresh = IncidentLog(tmp / "ours")
        page = fresh.notes(inc.id, limit=50)
        opens.append(time.perf_counter() - t0)
        assert len(page) == 50 and fresh.note_count(inc.id) == count
        assert fresh.chain_status(inc.id).intact
        fresh.close()
    # and once more with an unfolded journal (as after a crash): append, no close
    crash = IncidentLog(tmp / "ours", fold_min=10**9)
    for i in range(1000):
        crash.add_note(inc.id, NoteKind.NOTE, f"{TEXT} journal #{i}")
    t0 = time.perf_counter()
    after = IncidentLog(tmp / "ours", fold_min=10**9)
    after.notes(inc.id, limit=50)
    open_crash = time.perf_counter() - t0
    results["all"] = stats(every)
    results["max"] = max(every) * 1000
    results["slow"] = sum(t > 0.020 for t in every)
    results["appends"] = len(every)
    return results, (statistics.median(opens) * 1000, open_crash * 1000, count)


def bench_tinydb(tmp: Path) -> dict:
    results = {}
    for size in SIZES:
        path = tmp / f"tinydb-{size}.json"
        db = TinyDB(path)  # default JSONStorage: flush + fsync, whole-file rewrite
        db.insert_multiple(doc(i) for i in range(size))
        times = []
        for i in range(SAMPLE["tinydb"]):
            d = doc(size + i)
            t0 = time.perf_counter()
            db.insert(d)
            times.append(time.perf_counter() - t0)
        db.close()
        results[size] = stats(times)
    return results


def bench_sqlite(tmp: Path) -> dict:
    results = {}
    for size in SIZES:
        con = sqlite3.connect(tmp / f"sqlite-{size}.db", isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE notes (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL)")
        con.execute("BEGIN")
        con.executemany(
            "INSERT INTO notes VALUES (?, ?)", ((i, json.dumps(doc(i))) for i in range(size))
        )
        con.execute("COMMIT")
        times = []
        for i in range(SAMPLE["sqlite"]):
            d = json.dumps(doc(size + i))
            t0 = time.perf_counter()
            con.execute("INSERT INTO notes VALUES (?, ?)", (size + i, d))  # autocommit
            times.append(time.perf_counter() - t0)
        con.close()
        results[size] = stats(times)
    return results


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="stairway-bench-") as d:
        tmp = Path(d)
        t0 = time.perf_counter()
        ours, (open_ms, open_crash_ms, total) = bench_ours(tmp)
        tiny = bench_tinydb(tmp)
        sql = bench_sqlite(tmp)
        took = time.perf_counter() - t0
    print(f"per-append cost in ms (median / p99); {took:.0f} s in all")
    print(f"ours: {SAMPLE['ours']} timed appends after filling by appends to each size")
    print(f"tinydb default: {SAMPLE['tinydb']} timed inserts (a sample) after insert_multiple")
    print(f"sqlite WAL FULL: {SAMPLE['sqlite']} timed autocommit inserts after executemany")
    print(f"{'notes':>8} {'ours':>16} {'tinydb default':>18} {'sqlite full':>16}")
    for size in SIZES:
        cols = [f"{m:.3f} / {p:.3f}" for m, p in (ours[size], tiny[size], sql[size])]
        print(f"{size:>8} {cols[0]:>16} {cols[1]:>18} {cols[2]:>16}")
    growth = ours[10000][0] / ours[100][0]
    vs_sql = ours[10000][0] / sql[10000][0]
    vs_tiny = tiny[10000][0] / ours[10000][0]
    print(
        f"ours, every one of {ours['appends']:,} appends (folds at 2,000, 4,000, 8,000... "
        f"run in the background): median {ours['all'][0]:.3f} ms, p99 {ours['all'][1]:.3f} ms, "
        f"max {ours['max']:.1f} ms; {ours['slow']} over 20 ms (target: p99 and max < 20 ms)"
    )
    print(f"growth ours 10,000 vs 100: {growth:.2f}x (target <= 1.5x)")
    print(f"ours vs sqlite at 10,000: {vs_sql:.2f}x (target <= 2x)")
    print(f"tinydb default vs ours at 10,000: {vs_tiny:.0f}x slower")
    print(
        f"open + latest 50 at {total} notes: {open_ms:.1f} ms after a clean close "
        f"(target < 100 ms); {open_crash_ms:.1f} ms with 1,000 unfolded journal notes"
    )
    summary = {
        "ours_ms": {str(s): round(ours[s][0], 4) for s in SIZES},
        "tinydb_default_ms": {str(s): round(tiny[s][0], 4) for s in SIZES},
        "sqlite_full_ms": {str(s): round(sql[s][0], 4) for s in SIZES},
        "growth_ratio": round(growth, 3),
        "vs_sqlite_ratio_10000": round(vs_sql, 3),
        "open_latest50_ms_10000": round(open_ms, 2),
        "max_append_ms": round(ours["max"], 2),
        "p99_append_ms": round(ours["all"][1], 3),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
