"""Calls the log lists as open that are not the current call: said once, marked in the list.

The app works one call at a time: the current call is the one the officer started or
opened last (`prefs.incident_id`), and it stays so whatever else the log says. Yet a
call can be open as its entries say while another is current: its closing entry was cut
(a truncated file; the list follows the entries, app/incidents/standing.py), or another
tab started one. Such a call is never made the current call behind the officer's back
(not at start, not by being the newest): the app starts on the same call whatever the
others say, and says once, in this session, which call is left open and where to close
it; All incidents marks it "open, not the current call". Opening it from there makes it
the current call, as opening any open call does: its banner goes, its stage and ticks
are read back from its log (app/ui/state/replay.py), and the call it replaced is said once
in its turn. With the preferences lost (damaged and reset), the banner says so: the app
forgot which call was current, and a cut closing entry is not the likely cause. No flet
import.
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
        self.told: dict[str, Said] = {}  # ids said this session (a dismissed one stays so)

    def of(self, inc: Any) -> bool:
        """Open as its log says, yet not the current call."""
        return inc.is_open and inc.id != self.prefs.incident_id

    def tell(self, listed: Iterable[Any] | None = None) -> None:
        """One banner for each call left open not said yet, oldest first (of `listed`, or
        of the log's list read now)."""
        for inc in sorted(self.listing() if listed is None else listed,
                          key=lambda i: (i.opened_at, i.id)):
            if self.of(inc) and inc.id not in self.told:
                # with the preferences lost, the app forgot which call was current: the
                # closing entry is not the likely cause
                key = "incident_left_open_prefs_lost" if self.ui.store.problem \
                    else "incident_left_open"
                self.told[inc.id] = said = Said(  # said in the language on screen
                    key, id=inc.id, situation=inc.situation,
                    opened=format_local(inc.opened_at, fmt="%Y-%m-%d %H:%M"))
                self.ui.notices.append(said)

    def taken(self, incident_id: str) -> None:
        """The call is the current call now: its banner saying it is not goes."""
        said = self.told.get(incident_id)
        if said in self.ui.notices:
            self.ui.notices.remove(said)
            self.ui.opened.discard(said)
