"""Child process for the kill and concurrency tests.

usage: writer.py DATA_DIR INCIDENT_ID COUNT FOLD_MIN
Prints "READY" once the log is open, then "ACK <note id> <seq>" after each add_note
has returned (i.e. after the note is durable). COUNT 0 means: until killed.
"""

import itertools
import os
import sys

from app.incidents import IncidentLog, NoteKind


def main() -> None:
    data, incident_id, count, fold_min = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    log = IncidentLog(data, fold_min=fold_min)
    print("READY", flush=True)
    numbers = range(count) if count else itertools.count()
    for i in numbers:
        note = log.add_note(
            incident_id, NoteKind.NOTE, f"pid {os.getpid()} note {i} " + "x" * (i % 300)
        )
        sys.stdout.write(f"ACK {note.id} {note.seq}\n")
        sys.stdout.flush()
    log.close()


if __name__ == "__main__":
    main()
