"""The phone's services behind `app.ui.state.device.Device`: Flet's Wakelock,
HapticFeedback and FilePicker (a download in a browser, the save dialog on a phone).

Each call is fire-and-forget: it runs as a task on the page, waits at most a few seconds
for the client and never raises into the state (a desktop or a browser without the
feature simply does nothing). Services are created once per page, in `main(page)`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import flet as ft

from app.i18n import text as t
from app.ui.state.device import Device

log = logging.getLogger("stairway")
TIMEOUT = 5.0  # seconds a service call may take before we stop waiting


class FletDevice(Device):
    def __init__(self, page: ft.Page) -> None:
        super().__init__()
        self.page = page
        self.browser = bool(page.web)
        self.wakelock = ft.Wakelock()
        self.haptics = ft.HapticFeedback()
        self.files = ft.FilePicker()  # created with the page: a task has no page to join
        self._awake = False  # nothing to switch off before the first incident
        self.problem: Callable[[str], None] = lambda sentence: None  # shown to the officer
        self._held: list[Callable[[], None]] | None = []  # calls made before the first frame

    def ready(self) -> None:
        """The first frame is out: the client knows the services now; send what waited
        (an incident reopened at start must still keep the screen on)."""
        held, self._held = self._held or [], None
        for start in held:
            start()

    def _run(self, call: Callable[[], Awaitable[object]], what: str,
             tell: str | None = None) -> None:
        """Run a device call in the background; `what` names it in the log, `tell` is the
        catalogue key of the sentence the officer sees when it fails (None: log only)."""
        async def run() -> None:
            try:
                await asyncio.wait_for(call(), TIMEOUT)
            except Exception as exc:  # noqa: BLE001 - a missing feature must not break the app
                log.info("%s did not work here: %s", what, exc)
                if tell:
                    self.problem(t(tell, reason=exc))

        def start() -> None:
            try:
                self.page.run_task(run)
            except RuntimeError as exc:  # no running loop (a closed session)
                log.info("%s not run: %s", what, exc)

        if self._held is not None:
            self._held.append(start)
        else:
            start()

    def reconnected(self) -> None:
        """A reload reattaches the page to its session (main(page) does not run again) in a
        new document that holds no wakelock: ask for it again."""
        on, self._awake = self._awake, False
        if on:
            self.keep_awake(True)

    def keep_awake(self, on: bool) -> None:
        super().keep_awake(on)
        if on == self._awake:
            return
        self._awake = on
        self._run(self.wakelock.enable if on else self.wakelock.disable, "Keeping the screen on")

    def tick(self) -> None:
        super().tick()
        if not self.browser:  # browsers have no haptics worth the round trip
            self._run(self.haptics.light_impact, "Haptic tick")

    def download(self, name: str, text: str) -> None:
        super().download(name, text)

        async def save() -> None:
            await self.files.save_file(file_name=name, src_bytes=text.encode("utf-8"))

        self._run(save, "The download", tell="download_failed")
