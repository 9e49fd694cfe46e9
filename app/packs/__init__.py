"""Signed guide packs: a department's guide, checked and switched to without a new build.

No flet here (a test guards it). The API the Settings > Guide and About screens call:

    store = GuideStore(data_dir, builtin_content_dir)   # keys: builtin_content_dir/keys
    store.active() -> ActiveGuide        content_dir to load, pack (None: built-in), message
    store.trusted_keys() -> (TrustedKey(name, fingerprint, ...), ...)
    store.preview(pack_bytes) -> PackPreview   or PackError(code, message, details)
    store.preview_file(path) -> PackPreview    the same for a picked file (size checked first)
    store.apply(preview, confirm_older=False) -> ActiveGuide
    store.discard(preview)
    store.previous() -> ActiveGuide | None     what "Go back" returns to
    store.rollback() -> ActiveGuide            "Go back to the previous guide"
    store.use_builtin() -> ActiveGuide         "Use the built-in guide"

Making packs: app.packs.keys.keygen, app.packs.build.make_pack, app.packs.verify.inspect
(the CLI's keygen, pack and verify-pack in app.packs.cli).
"""

from app.packs.errors import CODES, PackError
from app.packs.keys import KeyRing, TrustedKey, load_keyring
from app.packs.model import ActiveGuide, PackInfo, PackPreview
from app.packs.store import GuideStore

__all__ = [
    "CODES",
    "ActiveGuide",
    "GuideStore",
    "KeyRing",
    "PackError",
    "PackInfo",
    "PackPreview",
    "TrustedKey",
    "load_keyring",
]
