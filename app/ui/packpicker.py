"""Picking a guide pack: Flet's file picker on a phone or desktop, an upload in a browser.

    picker = PackPicker(page, state.packs, uploads_dir)   # one per page, in main(page)
    c.button(L.GUIDE_IMPORT, None, action=picker.action())  # opens inside the tap

A browser opens a file dialog only inside the officer's tap, so the button carries a
client action (`ft.PickFiles`) and the choice comes back in `on_result`. On a phone or a
desktop the picked file has a path: it is checked where it is. In a browser it has none:
it is uploaded under a random name into `uploads_dir` (a folder of the data folder, the
only place the server accepts uploads: app.ui.serve), checked from there, and deleted.
Every failure is one sentence on the Guide screen (`GuidePart.refuse`).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from pathlib import Path

import flet as ft

from app.i18n import text as t
from app.ui.state.guide import GuidePart

log = logging.getLogger("stairway")
UPLOAD_SECONDS = 600  # how long an upload URL stays valid
ARRIVE_SECONDS = 10.0  # how long to wait for the uploaded bytes to be on disk


class PackPicker:
    def __init__(self, page: ft.Page, part: GuidePart, uploads_dir: Path) -> None:
        self.page, self.part, self.uploads = page, part, Path(uploads_dir)
        self.files = ft.FilePicker(on_result=self._picked, on_upload=self._uploaded)
        self._waiting: tuple[Path, str, int] | None = None  # (upload target, name, size)

    def action(self) -> ft.PickFiles:
        return ft.PickFiles(self.files, dialog_title=t("pick_title"))

    async def _picked(self, e) -> None:
        files = list(getattr(e, "files", None) or [])
        if not files:
            return  # the officer closed the dialog: nothing to say
        f = files[0]
        if not f.size and not f.bytes:  # an empty upload never reports that it arrived
            self.part.refuse(t("pick_empty", name=f.name))
            return
        self.part.checking(f.name)
        if f.path:
            self.part.import_file(f.path)
        elif f.bytes is not None:
            self.part.import_bytes(f.bytes)
        elif self.page.web:
            await self._upload(f)
        else:
            self.part.refuse(t("pick_unreadable", name=f.name))

    async def _upload(self, f) -> None:
        limit = self.part.hub.store.limits.max_pack_bytes if self.part.hub else 0
        if f.size > limit:
            self.part.refuse(t("pick_too_large", name=f.name, size=f.size))
            return
        try:
            self.uploads.mkdir(parents=True, exist_ok=True)
            name = f"{secrets.token_hex(12)}.stairway"  # never the browser's file name
            url = self.page.get_upload_url(name, UPLOAD_SECONDS)
        except (OSError, RuntimeError) as exc:
            log.exception("upload not possible")
            self.part.refuse(t("pick_no_upload", name=f.name, reason=exc))
            return
        self._waiting = (self.uploads / name, f.name, f.size)
        await self.files.upload([ft.FilePickerUploadFile(url, method="PUT", id=f.id)])

    async def _uploaded(self, e) -> None:
        if self._waiting is None:
            return
        target, name, size = self._waiting
        if e.error:
            self._waiting = None
            _remove(target)
            self.part.refuse(t("pick_upload_failed", name=name, reason=e.error))
            return
        if e.progress is None or e.progress < 1.0:
            return
        self._waiting = None
        try:
            for _ in range(int(ARRIVE_SECONDS / 0.05)):  # the PUT may still be finishing
                if target.is_file() and target.stat().st_size >= size:
                    break
                await asyncio.sleep(0.05)
            data = target.read_bytes()
        except OSError as exc:
            self.part.refuse(t("pick_unreadable_after", name=name, reason=exc.strerror))
            return
        else:
            self.part.import_bytes(data)
        finally:
            _remove(target)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
