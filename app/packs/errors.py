"""The one error a pack operation raises: a stable code, one sentence, and any details.

Behaviour (tests, the Settings screen) keys on `code`, never on the message text. The
message is the one plain sentence an officer or instructor reads; `details` holds the
lines behind it when there are several (content problems as `path:line: message`).
"""

from __future__ import annotations

# Every code a pack can be refused with, and what it means. One registry: the CLI, the
# tests and the screen all read this table.
CODES = {
    "not-a-pack": "the file is not a complete zip (truncated, or not a .stairway file)",
    "too-big": "the pack, one file in it, or all files together pass a size limit",
    "too-many-files": "the pack holds more files than the limit",
    "zip-bomb": "a file in the pack compresses far better than any guide text does",
    "unsafe-path": "a name in the pack could write outside the guide folder",
    "symlink": "the pack, or the content folder being packed, holds a symbolic link",
    "not-a-file": "the content folder holds something that is not a regular file or folder",
    "private-key": "the content folder holds a private signing key, which is never packed",
    "duplicate-name": "two entries in the pack share a name",
    "encrypted": "an entry in the pack is password-protected",
    "unexpected-entry": "the pack holds something outside content/ and the manifest",
    "keys-in-pack": "the pack tries to bring its own trusted keys",
    "no-manifest": "the manifest or its signature is missing",
    "bad-signature-file": "the signature file cannot be read",
    "untrusted-key": "the pack was signed with a key this app does not trust",
    "bad-signature": "the signature does not match the manifest",
    "manifest-not-utf8": "the manifest is not UTF-8 text",
    "manifest-not-json": "the manifest is not JSON",
    "manifest-invalid": "a manifest field is missing or wrong",
    "file-missing": "a file the manifest lists is not in the pack",
    "file-added": "the pack holds a file the manifest does not list",
    "file-changed": "a file's bytes differ from the hash in the manifest",
    "content-problems": "the guide in the pack fails the content checks",
    "older-version": "the pack is older than the active one: confirm to use it",
    "no-trusted-keys": "this app trusts no key, so it cannot import packs",
    "storage": "the data folder could not be written",
    "no-previous": "there is no previous guide to go back to",
    "stale-preview": "the preview was already applied or discarded",
    "bad-key": "a key file cannot be read",
    "exists": "a file would be overwritten",
    "bad-input": "a value given to pack, keygen or verify-pack is not usable",
}


class PackError(Exception):
    """A refused pack or a failed pack operation. Nothing on disk changed."""

    def __init__(self, code: str, message: str, details: tuple[str, ...] = ()):
        if code not in CODES:
            raise ValueError(f"unknown pack error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = tuple(details)

    def __str__(self) -> str:
        return self.message
