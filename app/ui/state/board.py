"""The open incident's board, clocks and chain line: part of `IncidentPart` (which
supplies `log`, `current`, `is_open`, `now`, `record`, `_call` and `ui`). No flet import."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.i18n import text as t
from app.said import local
from app.ui import labels as L


class BoardPart:
    """Demands, deadlines and contacts as the board and the clocks show them."""

    log: Any
    current: Any
    board: Any
    ui: Any
    is_open: bool

    def refresh_board(self) -> None:
        if self.current is not None and self.log is not None:
            self.board = self._call(lambda: self.log.board(self.current.id))

    def set_demand_status(self, demand: Any, status: str) -> None:
        if not self.is_open:
            return
        self.record("demand_status", t("log_demand_status", demand=demand.text,
                                       status=L.demand_state(status)), ref=demand.note_id,
                    status=status)
        self.refresh_board()
        self.ui.changed()

    def deadline_done(self, deadline: Any) -> None:
        """The officer marks a deadline handled: logged, and off the clocks."""
        if not self.is_open or deadline.done_at is not None:
            return
        self.record("deadline_done", t("log_deadline_done", deadline=deadline.text),
                    ref=deadline.note_id)
        self.refresh_board()
        self.ui.changed()

    def clocks(self) -> tuple[timedelta | None, timedelta | None]:
        """(since the incident opened, since the last contact); a contact going on is 0."""
        if self.current is None:
            return None, None
        now = self.now()
        since_start = now - self.current.opened_at
        board = self._call(lambda: self.log.board(self.current.id)) if self.log else None
        if board is None or board.last_contact is None:
            return since_start, None
        if board.in_contact:
            return since_start, timedelta(0)
        return since_start, now - board.last_contact

    def deadlines(self) -> tuple:
        """The open incident's deadlines not yet handled, soonest (or longest overdue)
        first."""
        if not self.is_open or self.log is None:
            return ()
        board = self._call(lambda: self.log.board(self.current.id))
        return board.open_deadlines if board is not None else ()

    def chain_line(self) -> str:
        """ "N entries, chain intact, head 3f9a 1c07 b2e4", or what is wrong with it."""
        if self.current is None or self.log is None:
            return ""
        from app.incidents.chain import short

        status = self._call(lambda: self.log.chain_status(self.current.id))
        if status is None:
            return ""
        if status.problem is not None:  # the problem itself is the log's own sentence
            return t("chain_broken", n=status.entries, problem=local(status.problem))
        if status.head is None:  # t says "1 entry" for one (its _one key), never "1 entries"
            return t("chain_not_yet", n=status.entries)
        line = t("chain_intact", n=status.entries, head=short(status.head))
        if status.warning:  # intact but cut short: the log's own sentence, as for a break
            return t("chain_cut", line=line, warning=local(status.warning))
        return line
