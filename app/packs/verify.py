"""Check a pack: signature against the trusted keys, the manifest, every file's hash.

`inspect` collects every finding (what `verify-pack` prints); `read_pack` raises the
first as a PackError (what an import shows). `check_parts` is the shared core, also run
on a stored pack at start-up, so an installed pack is held to the same rules.

Pack layout (a zip):
    manifest.json    canonical JSON (app.packs.manifest), the signed bytes
    signature.json   {"algorithm": "ed25519", "public_key": b64, "signature": b64}
    content/...      the guide files, each listed in the manifest with its SHA-256
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field

from app.packs.archive import DEFAULT_LIMITS, Limits, read_entries
from app.packs.errors import PackError
from app.packs.keys import KeyRing, TrustedKey, fingerprint, verify
from app.packs.manifest import Manifest, parse
from app.packs.names import fold

MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
CONTENT = "content/"
ALGORITHM = "ed25519"


def signature_bytes(public_raw: bytes, signature: bytes) -> bytes:
    d = {
        "algorithm": ALGORITHM,
        "public_key": base64.b64encode(public_raw).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return json.dumps(d, sort_keys=True, separators=(",", ":")).encode("ascii")


def parse_signature(data: bytes) -> tuple[bytes, bytes]:
    """(raw public key, signature) from signature.json."""
    try:
        d = json.loads(data.decode("utf-8"))
        if not isinstance(d, dict) or d.get("algorithm") != ALGORITHM:
            raise ValueError(f"the algorithm is not {ALGORITHM}")
        raw = base64.b64decode(d["public_key"], validate=True)
        sig = base64.b64decode(d["signature"], validate=True)
        if len(raw) != 32 or len(sig) != 64:
            raise ValueError("the key or the signature has the wrong length")
    except (ValueError, UnicodeDecodeError, KeyError, TypeError, binascii.Error,
            RecursionError) as e:  # RecursionError: [[[[... nested thousands deep
        # our own checks say what is wrong; a parser's or a codec's words do not
        why = f" ({e})" if type(e) is ValueError else ""
        raise PackError(
            "bad-signature-file", f"The pack's signature cannot be read{why}: the pack is damaged."
        ) from e
    return raw, sig


@dataclass(frozen=True)
class FileCheck:
    name: str  # relative to content/
    status: str  # ok, changed, missing, added


@dataclass
class Report:
    """Everything found about one pack; `ok` when nothing was."""

    manifest: Manifest | None = None
    fingerprint: str | None = None  # of the key that signed it, trusted or not
    signer: TrustedKey | None = None  # set when that key is trusted
    signature_valid: bool | None = None  # None: the signature could not be read
    files: tuple[FileCheck, ...] = ()
    errors: list[PackError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class VerifiedPack:
    manifest: Manifest
    manifest_bytes: bytes
    signature_bytes: bytes
    signer: TrustedKey
    files: dict[str, bytes]  # relative to content/ -> bytes, each matching its hash


def check_parts(
    manifest_bytes: bytes, sig_bytes: bytes, files: dict[str, bytes], ring: KeyRing
) -> Report:
    """Signature, trust, manifest and every file's hash; every finding in `errors`."""
    r = Report()
    try:
        raw, sig = parse_signature(sig_bytes)
    except PackError as e:
        r.errors.append(e)
    else:
        r.fingerprint = fingerprint(raw)
        r.signer = ring.find(raw)
        if not ring.keys:
            r.errors.append(
                PackError(
                    "no-trusted-keys",
                    "This app trusts no signing key, so it cannot import packs: ask for a "
                    "build that carries your department's key.",
                )
            )
        elif r.signer is None:
            r.errors.append(
                PackError(
                    "untrusted-key",
                    f"The pack was signed with key {r.fingerprint}, which this app does not "
                    "trust: ask your department for its own signed pack, or a build that "
                    "trusts this key.",
                )
            )
        r.signature_valid = verify(raw, sig, manifest_bytes)
        if not r.signature_valid:
            r.errors.append(
                PackError(
                    "bad-signature",
                    "The pack's signature does not match its manifest: it was changed after "
                    "signing or is damaged.",
                )
            )
    try:
        r.manifest = parse(manifest_bytes)
    except PackError as e:
        r.errors.append(e)
    names = set(files) | (set(r.manifest.files) if r.manifest else set())
    bad = sorted(n for n in names if fold(n).split("/")[0] == "keys")
    if bad:
        r.errors.append(
            PackError(
                "keys-in-pack",
                f"The pack holds '{bad[0]}': a pack cannot bring trusted keys; they come only "
                "with the app.",
            )
        )
    if r.manifest:
        r.files = _files(r.manifest, files)
        r.errors.extend(_file_errors(r.files))
    return r


def _files(m: Manifest, files: dict[str, bytes]) -> tuple[FileCheck, ...]:
    out = []
    for name, entry in sorted(m.files.items()):
        data = files.get(name)
        if data is None:
            out.append(FileCheck(name, "missing"))
        elif len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            out.append(FileCheck(name, "changed"))
        else:
            out.append(FileCheck(name, "ok"))
    out.extend(FileCheck(n, "added") for n in sorted(set(files) - set(m.files)))
    return tuple(out)


SENTENCES = {
    "changed": ("file-changed", "'{}' was changed after the pack was signed{}."),
    "missing": ("file-missing", "The pack is missing '{}', which its manifest lists{}."),
    "added": ("file-added", "The pack holds '{}', which its manifest does not list{}."),
}


def _file_errors(checks: tuple[FileCheck, ...]) -> list[PackError]:
    errors = []
    for status, (code, sentence) in SENTENCES.items():
        names = [c.name for c in checks if c.status == status]
        if names:
            more = len(names) - 1
            tail = f" (and {more} more file{'s' if more > 1 else ''})" if more else ""
            errors.append(PackError(code, sentence.format(names[0], tail), tuple(names)))
    return errors


def inspect(
    data: bytes, ring: KeyRing, limits: Limits = DEFAULT_LIMITS
) -> tuple[Report, VerifiedPack | None]:
    """Every finding about the pack in these bytes; the VerifiedPack when there is none."""
    try:
        entries = read_entries(data, limits)
    except PackError as e:
        return Report(errors=[e]), None
    if MANIFEST not in entries or SIGNATURE not in entries:
        missing = MANIFEST if MANIFEST not in entries else SIGNATURE
        e = PackError("no-manifest", f"The pack has no {missing}: it is not a signed guide pack.")
        return Report(errors=[e]), None
    other = sorted(
        n for n in entries if n not in (MANIFEST, SIGNATURE) and not n.startswith(CONTENT)
    )
    files = {n[len(CONTENT) :]: b for n, b in entries.items() if n.startswith(CONTENT)}
    report = check_parts(entries[MANIFEST], entries[SIGNATURE], files, ring)
    if other:
        report.errors.insert(
            0,
            PackError(
                "unexpected-entry",
                f"The pack holds '{other[0]}' outside content/: it was not made by "
                "`python -m app pack`.",
            ),
        )
    if not report.ok:
        return report, None
    assert report.manifest and report.signer  # ok means both were found
    return report, VerifiedPack(
        report.manifest, entries[MANIFEST], entries[SIGNATURE], report.signer, files
    )


def read_pack(data: bytes, ring: KeyRing, limits: Limits = DEFAULT_LIMITS) -> VerifiedPack:
    """The verified pack, or PackError with the first thing wrong with it."""
    report, pack = inspect(data, ring, limits)
    if pack is None:
        raise report.errors[0]
    return pack
