"""Calls the log lists as open that are not the current call: said once, marked in the list.

The app works one call at a time: the current call is the one the officer started or
opened last (`prefs.incident_id`), and it stays so whatever else the log says. Yet a
call can be open as its entries say while another is current: its closing entry was cut
(a truncated file; the list follows the entries, app/incidents/standing.py), or another
tab started one. Such a call is never made the current call behind the officer's back
(not at start, not by being the newest): the app starts on the same call whatever the
others say, and says once, in this session, which call is left open and where to close
it; All incidents marks it "open, not the current call". Opening it from there makes it
the current call, as opening any open call does; the call it replaced is then said once
in its turn. No flet import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from app.incidents import format_local
from app.prefs import Prefs
from app.said import Said
from app.ui.state.ui import Ui


class LeftOpen:
    """Owned by `IncidentPart`, which hands it how to list the incidents (`listing`: the
    log's list, [] when it cannot be read) and each list it reads itself."""

    def __init__(self, ui: Ui, prefs: Prefs, listing: Callable[[], Iterable[Any]]) -> None:
        self.ui, self.prefs, self.listing = ui, prefs, listing
        self.told: set[str] = set()  # ids said this session (a dismissed banner stays so)

    def of(self, inc: Any) -> bool:
        """Open as its log says, yet not the current call."""
        return inc.is_open and inc.id != self.prefs.incident_id

    def tell(self, listed: Iterable[Any] | None = None) -> None:
        """One banner for each call left open not said yet, oldest first (of `listed`, or
        of the log's list read now)."""
        for inc in sorted(self.listing() if listed is None else listed,
                          key=lambda i: (i.opened_at, i.id)):
            if self.of(inc) and inc.id not in self.told:
                self.told.add(inc.id)
                self.ui.notices.append(Said(  # said in the language on screen (banners)
                    "incident_left_open", id=inc.id, situation=inc.situation,
                    opened=format_local(inc.opened_at, fmt="%Y-%m-%d %H:%M")))
