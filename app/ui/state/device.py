"""What the phone can do for the app, as the state sees it. No flet import.

`Device` is the do-nothing version (tests, a REPL); `app.ui.device.FletDevice` is the
real one over Flet's services (wakelock, haptics, download). Copy, share and tel: links
are client actions on their buttons (they must run inside the tap, or a browser refuses
them), so they do not pass through here.
"""

from __future__ import annotations


class Device:
    browser = False  # web mode: an export is downloaded rather than written to data/exports
    calls: list[tuple[str, object]]  # what was asked of it (tests read this)

    def __init__(self) -> None:
        self.calls = []

    def keep_awake(self, on: bool) -> None:
        """Keep the screen on (True) or let it sleep again (False)."""
        self.calls.append(("keep_awake", on))

    def tick(self) -> None:
        """A light haptic tick, where the phone has one."""
        self.calls.append(("tick", None))

    def download(self, name: str, text: str) -> None:
        """Offer `text` as a file called `name` (web mode)."""
        self.calls.append(("download", name))
