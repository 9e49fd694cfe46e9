"""Shared helpers for the pack tests: keys, a trusted built-in guide, packs good and forged.

Keys are made fresh for each test session (no private key is committed). A "forged"
pack is a zip written entry by entry, so a test can build exactly one defect.
"""

from __future__ import annotations

import io
import json
import stat
import warnings
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.packs.build import make_pack
from app.packs.keys import raw_public
from app.packs.store import GuideStore
from app.packs.verify import signature_bytes
from tests.guide_helpers import VALID, copy_tree

FIELDS = dict(
    id="metro-pd",
    title="Metro PD guide",
    language="en",
    approved_by="Sgt A. Example, Training Unit",
    created="2026-11-20T09:00:00Z",
)


def write_pub(key: Ed25519PrivateKey, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path


def builtin(
    tmp: Path, key: Ed25519PrivateKey | None, name: str = "metro-pd", source: Path = VALID
) -> Path:
    """A built-in content folder (a copy of `source`, the valid fixture by default) that
    trusts `key`."""
    root = copy_tree(source, tmp / "builtin")
    if key is not None:
        write_pub(key, root / "keys" / f"{name}.pub")
    return root


def pack_bytes(key: Ed25519PrivateKey, content: Path = VALID, version: str = "1.0", **kw) -> bytes:
    fields = {**FIELDS, **kw}
    data, _ = make_pack(content, key, version=version, **fields)
    return data


def entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def forge(items, *, symlink: str | None = None, encrypted: str | None = None) -> bytes:
    """A zip of (name, bytes) in this order; duplicates allowed; one entry may be marked
    as a symlink or as encrypted."""
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": on purpose here
        for name, data in items:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if name == symlink:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, data)
    out = buf.getvalue()
    return _mark_encrypted(out, encrypted) if encrypted else out


def _mark_encrypted(data: bytes, name: str) -> bytes:
    """Set the "encrypted" flag bit of one entry in its local and central headers (zipfile
    clears flag_bits when it writes, so this is done on the bytes)."""
    raw = bytearray(data)
    encoded = name.encode()
    for sig, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = raw.find(sig)
        while at >= 0:
            if raw[at + name_at : at + name_at + len(encoded)] == encoded:
                raw[at + flag_at] |= 0x1
            at = raw.find(sig, at + 4)
    return bytes(raw)


def replace(data: bytes, name: str, new: bytes | None) -> list[tuple[str, bytes]]:
    """The pack's entries with one replaced (or dropped when new is None)."""
    out = []
    for n, b in entries(data):
        if n == name:
            if new is not None:
                out.append((n, new))
        else:
            out.append((n, b))
    return out


def resign(items, key: Ed25519PrivateKey, manifest: bytes) -> list[tuple[str, bytes]]:
    """Entries with this manifest, signed properly by key (a trusted signer gone wrong)."""
    sig = signature_bytes(raw_public(key.public_key()), key.sign(manifest))
    out = [(n, b) for n, b in items if n not in ("manifest.json", "signature.json")]
    return [("manifest.json", manifest), ("signature.json", sig), *out]


def manifest_of(data: bytes) -> dict:
    return json.loads(dict(entries(data))["manifest.json"])


def canonical(d: dict) -> bytes:
    return json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def store_for(tmp: Path, key: Ed25519PrivateKey | None, **kw) -> GuideStore:
    return GuideStore(tmp / "data", builtin(tmp, key), **kw)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (the data folder) with its bytes: "nothing changed" is equal."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def one_sentence(msg: str) -> bool:
    return bool(msg) and "\n" not in msg and msg.rstrip().endswith(".") and len(msg) < 400
