"""What the pack API hands the screens: which guide is active, what an import would change.

Plain frozen dataclasses (no flet): Settings > Guide renders a PackPreview, the About
screen and an incident export name `ActiveGuide.pack_id` and `.version`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.packs.keys import TrustedKey
from app.packs.manifest import Manifest

BUILTIN_ID = "built-in"


@dataclass(frozen=True)
class PackInfo:
    """One signed pack: its manifest fields and the trusted key that signed it."""

    id: str
    title: str
    version: str
    language: str
    created: str
    approved_by: str
    key_name: str
    key_fingerprint: str
    folder: str  # its folder under the data folder's packs/

    @classmethod
    def of(cls, m: Manifest, key: TrustedKey, folder: str) -> PackInfo:
        return cls(
            m.id, m.title, m.version, m.language, m.created, m.approved_by,
            key.name, key.fingerprint, folder,
        )  # fmt: skip


@dataclass(frozen=True)
class ActiveGuide:
    """The guide the app shows: a content folder, and the pack it came from (None: built-in)."""

    content_dir: Path
    pack: PackInfo | None = None
    message: str | None = None  # one line when a stored pack could not be used

    @property
    def builtin(self) -> bool:
        return self.pack is None

    @property
    def pack_id(self) -> str:
        return self.pack.id if self.pack else BUILTIN_ID

    @property
    def version(self) -> str:
        """The pack's version; '' for the built-in guide (the app's version names it)."""
        return self.pack.version if self.pack else ""

    @property
    def label(self) -> str:
        """`Metro PD guide 2026.11 (metro-pd)` or `Built-in guide`."""
        if not self.pack:
            return "Built-in guide"
        return f"{self.pack.title} {self.pack.version} ({self.pack.id})"


@dataclass(frozen=True)
class PackPreview:
    """A pack that passed every check, staged and waiting for the officer's confirmation."""

    pack: PackInfo
    replaces: ActiveGuide  # the guide active when the preview was made
    added: tuple[str, ...]  # files (relative to content/) new in the pack
    changed: tuple[str, ...]  # files in both whose bytes differ
    removed: tuple[str, ...]  # files of the active guide the pack does not have
    older: bool  # same pack id, lower version than the active one: confirm needed
    same_version: bool  # same pack id and version as the active one
    staging: Path  # where the checked files wait; apply() moves this folder into place

    @property
    def needs_confirmation(self) -> bool:
        return self.older
