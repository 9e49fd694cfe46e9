"""Ed25519 keys: make a department's pair, read the keys the app trusts.

Private keys are PKCS#8 PEM files (`NAME.key`, mode 0600), public keys are
SubjectPublicKeyInfo PEM files (`NAME.pub`). All cryptography is the `cryptography`
library's; nothing here is hand-made.

The keys the app trusts sit in the BUILT-IN content (`content/keys/*.pub`), never in a
pack: a pack cannot vouch for itself. A key's name is its file name without `.pub`; its
fingerprint is the first 128 bits of the SHA-256 of the raw public key, in hex groups
that can be read out over a phone.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.fsutil import read_regular
from app.guide.folder import PRIVATE_KEY_RE
from app.packs.errors import PackError

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_KEY_FILE = 16 * 1024  # a PEM key is a few hundred bytes


@dataclass(frozen=True)
class TrustedKey:
    """One public key the app accepts packs from (what Settings > Guide lists)."""

    name: str
    fingerprint: str
    raw: bytes  # the 32-byte Ed25519 public key
    file: str  # the .pub file it came from


@dataclass(frozen=True)
class KeyRing:
    """The trusted keys, and one sentence per .pub file that could not be used."""

    keys: tuple[TrustedKey, ...] = ()
    problems: tuple[str, ...] = ()

    def find(self, raw: bytes) -> TrustedKey | None:
        return next((k for k in self.keys if k.raw == raw), None)


def fingerprint(raw: bytes) -> str:
    """`ab12 cd34 ...`: 8 groups of 4 hex digits (128 bits of SHA-256 of the raw key)."""
    h = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(h[i : i + 4] for i in range(0, 32, 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def verify(raw: bytes, signature: bytes, data: bytes) -> bool:
    """True when `signature` is raw key `raw`'s Ed25519 signature over `data`."""
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


def _read_small(path: Path) -> bytes:
    try:
        data = read_regular(path, MAX_KEY_FILE)
    except OSError as e:
        raise PackError("bad-key", f"{path} cannot be read ({e.strerror}).") from e
    if len(data) > MAX_KEY_FILE:
        raise PackError("bad-key", f"{path} is too large to be a key file.")
    return data


def load_public(path: Path) -> bytes:
    """The raw 32 bytes of the Ed25519 public key in a `.pub` PEM file."""
    data = _read_small(path)
    if PRIVATE_KEY_RE.search(data):  # a signing key named .pub: said as what it is
        raise PackError("bad-key", f"{path} holds a private signing key, not a public key: "
                                   "remove it from this folder and keep it secret.")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as e:
        raise PackError("bad-key", f"{path} is not a PEM public key.") from e
    if not isinstance(key, Ed25519PublicKey):
        raise PackError("bad-key", f"{path} is not an Ed25519 public key.")
    return raw_public(key)


def load_private(path: str | os.PathLike) -> Ed25519PrivateKey:
    """The Ed25519 private key in a PKCS#8 PEM file (as `keygen` writes it)."""
    path = Path(path)
    data = _read_small(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError as e:  # a password-protected key
        raise PackError("bad-key", f"{path} is password-protected; use an unprotected key.") from e
    except (ValueError, UnsupportedAlgorithm) as e:
        raise PackError("bad-key", f"{path} is not a PEM private key.") from e
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError("bad-key", f"{path} is not an Ed25519 private key.")
    return key


def load_keyring(keys_dir: str | os.PathLike) -> KeyRing:
    """Every `*.pub` in keys_dir, sorted by name; unreadable files become problems."""
    root = Path(keys_dir)
    try:
        files = sorted(
            (p for p in root.iterdir() if p.suffix == ".pub" and p.is_file()), key=lambda p: p.stem
        )
    except OSError:
        return KeyRing()
    keys: list[TrustedKey] = []
    problems: list[str] = []
    for path in files:
        name = path.stem
        if not NAME_RE.match(name):
            problems.append(
                f"{path.name} is ignored: a key name uses lower-case letters, digits and dashes."
            )
            continue
        try:
            raw = load_public(path)
        except PackError as e:
            problems.append(f"{e.message} It is ignored.")
            continue
        if any(k.raw == raw for k in keys):
            problems.append(f"{path.name} is ignored: it repeats a key already trusted.")
            continue
        keys.append(TrustedKey(name, fingerprint(raw), raw, path.name))
    return KeyRing(tuple(keys), tuple(problems))


def keygen(out_dir: str | os.PathLike, name: str) -> tuple[Path, Path]:
    """Write `NAME.key` (0600) and `NAME.pub` in out_dir; refuse to replace either."""
    if not NAME_RE.match(name):
        raise PackError(
            "bad-input",
            f"Key name '{name}' is not usable: use lower-case letters, digits and dashes.",
        )
    out = Path(out_dir)
    if out.exists() and not out.is_dir():  # "/dev/null already exists" named the wrong thing
        raise PackError("bad-input", f"{out} is not a folder: --out takes the folder to write "
                                     "the key pair in.")
    private, public = out / f"{name}.key", out / f"{name}.pub"
    for path in (private, public):
        if path.exists() or path.is_symlink():
            raise PackError(
                "exists",
                f"{path} already exists: choose another --name or --out, or move it away first.",
            )
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    pub = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write_new(private, pem, 0o600)
        try:
            _write_new(public, pub, 0o644)
        except BaseException:
            private.unlink(missing_ok=True)
            raise
    except FileExistsError as e:
        raise PackError("exists", f"{e.filename} already exists: nothing was written.") from e
    except OSError as e:
        raise PackError("storage", f"The key could not be written in {out} ({e.strerror}).") from e
    return private, public


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create path (never replacing a file) with `mode` from the start, then fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as fh:
        if hasattr(os, "fchmod"):
            os.fchmod(fh.fileno(), mode)  # the umask must not widen or narrow it
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
