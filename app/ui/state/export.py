"""Export: the incident as Markdown, JSON or CSV for the negotiator. No flet import.

In a browser the file is downloaded; on a phone it is written under the app's data
(`exports/`), and the export screen offers Copy, Share and the phone's file picker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.fsutil import atomic_write
from app.i18n import text as t
from app.ui.state.device import Device
from app.ui.state.incident import IncidentPart
from app.ui.state.ui import Ui


@dataclass(frozen=True)
class ExportFile:
    fmt: str
    name: str
    text: str
    saved_to: str | None = None  # where a copy was written when not in a browser


class ExportPart:
    def __init__(self, incident: IncidentPart, ui: Ui, device: Device, data_dir: Path) -> None:
        self.incident, self.ui, self.device = incident, ui, device
        self.data_dir = Path(data_dir)
        self.file: ExportFile | None = None

    def export(self, fmt: str) -> ExportFile | None:
        inc = self.incident
        if inc.current is None:
            return None
        text = inc._call(lambda: inc.log.export(inc.current.id, fmt))
        if text is None:
            self.ui.changed()
            return None
        name = f"incident-{inc.current.id}.{fmt}"
        saved_to = problem = None
        if self.device.browser:
            self.device.download(name, text)
        else:
            target = self.data_dir / "exports" / name
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(target, text)
                saved_to = str(target)
            except OSError as exc:
                problem = t("export_not_written", path=target, reason=exc.strerror)
        self.file = ExportFile(fmt, name, text, saved_to)
        self.ui.ask("export")  # a new dialog starts with no message: the problem after it
        if problem:
            self.ui.message = problem
            self.ui.changed()
        return self.file

    def save_file(self) -> None:
        """Hand the export to the phone's file picker ("Save to a file")."""
        if self.file is not None:
            self.device.download(self.file.name, self.file.text)

    def copied(self) -> None:
        """The Copy button ran (the client copied the text inside the tap)."""
        self.ui.say(t("export_copied"))
