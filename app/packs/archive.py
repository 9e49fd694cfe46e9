"""Read a pack's zip without trusting it: limits first, then names, then bytes.

Nothing is written to disk here. Every entry is judged from the central directory
before a byte is inflated (count, sizes, compression ratio, names, symlinks, encryption,
duplicates), and then read with a cap, so a zip bomb or a lying header costs at most
`Limits.max_total_bytes` of memory.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from dataclasses import dataclass

from app.packs.errors import PackError
from app.packs.names import fold, unsafe_reason

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a pack may hold. A whole guide today is about 100 KB in 20 files."""

    max_pack_bytes: int = 20 * MiB
    max_files: int = 1000
    max_file_bytes: int = 4 * MiB
    max_total_bytes: int = 40 * MiB
    max_ratio: int = 100  # Markdown deflates 3 to 5 times; a bomb, thousands of times
    ratio_floor: int = 64 * 1024  # smaller files are not judged by their ratio


DEFAULT_LIMITS = Limits()


def read_entries(data: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Every file in the zip as name -> bytes (folders left out). Raises PackError."""
    if len(data) > limits.max_pack_bytes:
        raise PackError(
            "too-big",
            f"The pack is {_mib(len(data))}, more than the {_mib(limits.max_pack_bytes)} "
            "a guide pack may be.",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as e:
        raise PackError(
            "not-a-pack",
            "The file is not a complete guide pack: it may be cut short, or not a .stairway "
            "file.",
        ) from e
    with zf:
        files = _judge(infos, limits)
        return {info.filename: _read(zf, info) for info in files}


def _judge(infos: list[zipfile.ZipInfo], limits: Limits) -> list[zipfile.ZipInfo]:
    if len(infos) > limits.max_files:
        raise PackError(
            "too-many-files",
            f"The pack holds {len(infos)} entries; a guide pack may hold {limits.max_files}.",
        )
    files: list[zipfile.ZipInfo] = []
    seen: dict[str, str] = {}
    folders: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        is_dir = name.endswith("/")
        bare = name[:-1] if is_dir else name
        why = unsafe_reason(bare)
        if why:
            raise PackError("unsafe-path", f"The pack holds '{name}', which is refused: {why}.")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackError(
                "symlink", f"The pack holds '{name}' as a symbolic link; a pack holds only files."
            )
        if info.flag_bits & 0x1:
            raise PackError("encrypted", f"'{name}' in the pack is password-protected.")
        key = fold(bare)
        if key in seen and not is_dir:
            raise PackError(
                "duplicate-name",
                f"The pack holds '{name}' twice (or as '{seen[key]}'): it may hide a changed file.",
            )
        seen.setdefault(key, bare)
        parts = key.split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
        if is_dir:
            folders.add(key)
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackError(
                "not-a-pack",
                f"'{name}' in the pack uses a compression this app does not read "
                f"(method {info.compress_type}).",
            )
        if info.file_size > limits.max_file_bytes:
            raise PackError(
                "too-big",
                f"'{name}' in the pack is {_mib(info.file_size)}; one file may be "
                f"{_mib(limits.max_file_bytes)}.",
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackError(
                "too-big",
                f"The files in the pack come to more than {_mib(limits.max_total_bytes)}.",
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise PackError(
                "zip-bomb",
                f"'{name}' would grow from {info.compress_size} bytes to {info.file_size}: "
                "the pack looks like a zip bomb.",
            )
        files.append(info)
    for info in files:
        if fold(info.filename) in folders:
            raise PackError(
                "unsafe-path", f"The pack holds '{info.filename}' both as a file and as a folder."
            )
    return files


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, never more than it declared; a bad CRC or cut stream is refused."""
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as e:
        raise PackError(
            "not-a-pack", f"The pack is damaged: '{info.filename}' cannot be read."
        ) from e
    if len(data) != info.file_size:
        raise PackError(
            "not-a-pack", f"The pack is damaged: '{info.filename}' is not the size it declares."
        )
    return data


def _mib(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n} bytes"
