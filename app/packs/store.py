"""GuideStore: import a signed pack, switch to it atomically, go back, use the built-in guide.

Data folder layout (app.paths.packs_dir):
    packs/active.json           the pointer (app.packs.pointer); absent: built-in guide
    packs/stored/<id>-<version>-<hash>/   one verified pack: manifest, signature, content/
    packs/staging/<tmp>/pack/   a checked pack waiting for the officer's confirmation

Import: preview(bytes) verifies (signature against the trusted keys of the BUILT-IN
content, manifest, every hash, names, limits), unpacks into staging, runs the content
checks and returns a PackPreview; apply(preview) renames the staged folder into stored/
and then replaces the pointer. A failure at any step leaves the active guide as it was.
At start-up active() checks the stored pack again and falls back to the built-in guide
with one sentence when it fails.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path

from app import paths
from app.fsutil import fsync_dir, read_regular
from app.guide.checks import ContentDirError, check
from app.packs.archive import DEFAULT_LIMITS, Limits
from app.packs.build import guide_files
from app.packs.disk import file_hashes, read_tree, remove_tree, write_tree
from app.packs.errors import PackError
from app.packs.keys import KeyRing, TrustedKey, load_keyring
from app.packs.manifest import version_key
from app.packs.model import ActiveGuide, PackInfo, PackPreview
from app.packs.pointer import Pointer, read_pointer, write_pointer
from app.packs.verify import check_parts, read_pack

# One writer at a time in this process: the web server serves several tabs.
_LOCK = threading.RLock()
STALE_STAGING = 3600  # seconds; a preview nobody confirmed within the hour is swept


class GuideStore:
    """The guide packs kept in one data folder, checked against one built-in content."""

    def __init__(
        self,
        data_dir: str | os.PathLike,
        builtin_dir: str | os.PathLike,
        keys_dir: str | os.PathLike | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ):
        self.builtin_dir = Path(builtin_dir)
        self.keys_dir = Path(keys_dir) if keys_dir else paths.keys_dir(self.builtin_dir)
        self.root = paths.packs_dir(Path(data_dir))
        self.pointer_path = self.root / "active.json"
        self.stored = self.root / "stored"
        self.staging = self.root / "staging"
        self.limits = limits

    # -- what Settings and About read ---------------------------------------------------

    def keyring(self) -> KeyRing:
        """The trusted keys (and a sentence for each .pub file that could not be used)."""
        return load_keyring(self.keys_dir)

    def trusted_keys(self) -> tuple[TrustedKey, ...]:
        return self.keyring().keys

    def active(self) -> ActiveGuide:
        """The guide to show now; the built-in one, with a sentence, when a pack fails."""
        pointer, message = read_pointer(self.pointer_path)
        return self._resolve(pointer.current, message)

    def previous(self) -> ActiveGuide | None:
        """The guide "Go back" would return to; None when there is none."""
        pointer, _ = read_pointer(self.pointer_path)
        return self._resolve(pointer.history[-1]) if pointer.history else None

    # -- import ------------------------------------------------------------------------

    def preview(self, data: bytes) -> PackPreview:
        """Check the pack in these bytes and stage it. Raises PackError; nothing changes."""
        with _LOCK:
            pack = read_pack(data, self.keyring(), self.limits)
            m = pack.manifest
            digest = hashlib.sha256(pack.manifest_bytes + pack.signature_bytes).hexdigest()
            info = PackInfo.of(m, pack.signer, f"{m.id}-{m.version}-{digest[:12]}")
            tmp = None
            try:
                self.staging.mkdir(parents=True, exist_ok=True)
                tmp = Path(tempfile.mkdtemp(prefix="import-", dir=self.staging))
                dest = tmp / "pack"
                write_tree(dest, pack)
            except OSError as e:
                if tmp:
                    remove_tree(tmp)  # a half-written folder is never left behind
                raise PackError(
                    "storage", f"The pack could not be unpacked in {self.root} ({e.strerror or e})."
                ) from e
            try:
                content_check(dest / "content")
            except BaseException:
                remove_tree(dest.parent)
                raise
            active = self.active()
            old = file_hashes(active.content_dir, guide_files(active.content_dir))
            new = {n: e.sha256 for n, e in m.files.items()}
            same_pack = active.pack is not None and active.pack.id == m.id
            order = version_key(m.version), version_key(active.version or "0")
            return PackPreview(
                pack=info,
                replaces=active,
                added=tuple(sorted(set(new) - set(old))),
                changed=tuple(sorted(n for n in set(new) & set(old) if new[n] != old[n])),
                removed=tuple(sorted(set(old) - set(new))),
                older=same_pack and order[0] < order[1],
                same_version=same_pack and order[0] == order[1],
                staging=dest,
            )

    def preview_file(self, path: str | os.PathLike) -> PackPreview:
        """preview() of a picked file, refused by its size before it is read into memory."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > self.limits.max_pack_bytes:
                raise PackError(
                    "too-big", f"{path.name} is {size} bytes, too large to be a guide pack."
                )
            data = read_regular(path)
        except OSError as e:
            raise PackError("storage", f"{path.name} cannot be read ({e.strerror or e}).") from e
        return self.preview(data)

    def discard(self, preview: PackPreview) -> None:
        """Forget a preview the officer did not confirm."""
        if preview.staging.parent.parent == self.staging:
            remove_tree(preview.staging.parent)

    def apply(self, preview: PackPreview, confirm_older: bool = False) -> ActiveGuide:
        """Make the previewed pack the active guide, all at once. Raises PackError."""
        with _LOCK:
            if not preview.staging.is_dir():
                raise PackError(
                    "stale-preview", "This pack was already applied or set aside: import it again."
                )
            if preview.older and not confirm_older:
                raise PackError(
                    "older-version",
                    f"Pack {preview.pack.id} {preview.pack.version} is older than the active "
                    f"{preview.replaces.version}: confirm to use it anyway.",
                )
            pointer, _ = read_pointer(self.pointer_path)
            target = self.stored / preview.pack.folder
            moved = False
            try:
                self.stored.mkdir(parents=True, exist_ok=True)
                if target.exists() and not self._intact(preview.pack.folder):
                    os.rename(target, preview.staging.parent / "damaged")
                if not target.exists():
                    os.rename(preview.staging, target)
                    moved = True
                    fsync_dir(self.stored)
                write_pointer(self.pointer_path, pointer.push(preview.pack.folder))
            except OSError as e:
                if moved:  # put it back, so the officer can try again
                    try:
                        os.rename(target, preview.staging)
                    except OSError:
                        remove_tree(target)
                raise PackError(
                    "storage",
                    f"The pack could not be stored in {self.root} ({e.strerror or e}); "
                    "the guide did not change.",
                ) from e
            remove_tree(preview.staging.parent)
            self._sweep()
            return self.active()

    # -- going back ----------------------------------------------------------------------

    def rollback(self) -> ActiveGuide:
        """Go back to the guide that was active before this one."""
        with _LOCK:
            pointer, _ = read_pointer(self.pointer_path)
            if not pointer.history:
                raise PackError("no-previous", "There is no previous guide to go back to.")
            return self._switch(pointer.pop())

    def use_builtin(self) -> ActiveGuide:
        """Use the guide that came with the app (the pack stays one "go back" away)."""
        with _LOCK:
            pointer, _ = read_pointer(self.pointer_path)
            return self._switch(pointer.push(None))

    # -- inside --------------------------------------------------------------------------

    def _switch(self, pointer: Pointer) -> ActiveGuide:
        try:
            write_pointer(self.pointer_path, pointer)
        except OSError as e:
            raise PackError(
                "storage",
                f"The choice of guide could not be saved in {self.root} ({e.strerror or e}); "
                "the guide did not change.",
            ) from e
        self._sweep()
        return self.active()

    def _resolve(self, folder: str | None, message: str | None = None) -> ActiveGuide:
        if folder is None:
            return ActiveGuide(self.builtin_dir, None, message)
        try:
            info = self._load(folder)
        except PackError as e:
            reason = e.message.rstrip(".")
            return ActiveGuide(
                self.builtin_dir,
                None,
                f"Using the built-in guide: the stored pack {folder} failed its check ({reason}).",
            )
        return ActiveGuide(self.stored / folder / "content", info, message)

    def _load(self, folder: str) -> PackInfo:
        manifest, signature, files = read_tree(self.stored / folder, self.limits)
        report = check_parts(manifest, signature, files, self.keyring())
        if not report.ok:
            raise report.errors[0]
        assert report.manifest and report.signer
        return PackInfo.of(report.manifest, report.signer, folder)

    def _intact(self, folder: str) -> bool:
        try:
            self._load(folder)
            return True
        except PackError:
            return False

    def _sweep(self) -> None:
        """Delete stored packs nothing points at, and staging left by old previews."""
        pointer, message = read_pointer(self.pointer_path)
        if message:
            return  # a damaged pointer: keep everything, someone may want it back
        keep = pointer.folders()
        now = time.time()
        for entry in _entries(self.stored):
            if entry.name not in keep:
                remove_tree(entry)
        for entry in _entries(self.staging):
            try:
                if now - entry.stat().st_mtime >= STALE_STAGING:
                    remove_tree(entry)
            except OSError:
                pass


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def content_check(content: Path) -> None:
    """The same checks as `python -m app check`; any problem refuses the pack (PackError,
    the problems as `path:line: message` in its details). `verify-pack` runs it too."""
    try:
        report = check(content, shown="")
    except ContentDirError as e:
        raise PackError("content-problems", "The pack holds no guide to check.") from e
    except Exception as e:  # noqa: BLE001 - a bug in a check must not let a pack through
        raise PackError(
            "content-problems", f"The guide in the pack could not be checked ({e})."
        ) from e
    if report.exit_code:
        n = len(report.lines)
        first = report.lines[0].rstrip(".")
        raise PackError(
            "content-problems",
            f"The guide in the pack has {n} problem{'s' if n != 1 else ''}, so the app "
            f"does not import it; the first is {first}.",
            tuple(report.lines),
        )
