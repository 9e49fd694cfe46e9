"""Starting the chain of an incident written before the chain existed (see chain.py).

A chain_started entry seals the earlier entries and carries the situation and location;
then, for a closed incident, incident_closed. Old entries are never rewritten. Skipped
quietly when the disk refuses, and tried again at the next call: a closed incident
stopped after chain_started (killed, or a full disk) gets its closing entry then, unless
its tail says more was written after (then entries were cut, and ends.py tells it).
"""

from __future__ import annotations

import secrets

from app.incidents import chain
from app.incidents.clock import utcnow
from app.incidents.kinds import NoteKind
from app.incidents.model import Note


def start_chain(book) -> None:
    """For a `book.Book` (not imported: it calls this), under its lock after `refresh()`."""
    if not book.notes:
        return
    if book.chained and book.recs[-1]["kind"] != NoteKind.CHAIN_STARTED.value:
        return  # chained already (the common case: no file is read)
    inc = book.read_incident()
    if inc is None:
        return
    tail = book.tail.read()
    try:
        if not book.chained:
            book.append(Note(secrets.token_hex(6), book.id, book.last_seq + 1, utcnow(),
                             NoteKind.CHAIN_STARTED, inc.situation, location=inc.location,
                             seal=chain.seal(book.recs)))
        elif tail is not None and tail[0] > book.last_seq:
            return
        if not inc.is_open:
            book.append(Note(secrets.token_hex(6), book.id, book.last_seq + 1,
                             inc.closed_at or utcnow(), NoteKind.INCIDENT_CLOSED, ""))
    except OSError:
        return
