"""The pack picker: what it does with a chosen file before any pack is read."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.ui.packpicker import PackPicker


class Part:
    """What the picker tells the Guide screen."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.hub = None

    def checking(self, name: str) -> None:
        self.said.append(("checking", name))

    def refuse(self, sentence: str) -> None:
        self.said.append(("refuse", sentence))

    def import_bytes(self, data: bytes) -> None:
        self.said.append(("import", repr(data)))


def chosen(**kw) -> SimpleNamespace:
    f = SimpleNamespace(name="guide.stairway", path=None, bytes=None, size=0, id=1)
    f.__dict__.update(kw)
    return SimpleNamespace(files=[f])


@pytest.mark.parametrize("picked", [
    chosen(name="empty.stairway"),  # a browser upload of 0 bytes: it never "arrived"
    chosen(name="empty.stairway", path="/tmp/empty.stairway"),  # a phone's empty file
])
async def test_an_empty_file_is_refused_at_once_and_nothing_is_uploaded(tmp_path, picked):
    part = Part()
    picker = PackPicker(SimpleNamespace(web=True), part, tmp_path / "uploads")
    await picker._picked(picked)
    assert part.said == [("refuse", "empty.stairway is empty, so it is not a guide pack.")]
    assert picker._waiting is None and not (tmp_path / "uploads").exists()


async def test_a_file_with_bytes_is_checked(tmp_path):
    part = Part()
    picker = PackPicker(SimpleNamespace(web=False), part, tmp_path / "uploads")
    await picker._picked(chosen(bytes=b"PK", size=2))
    assert part.said == [("checking", "guide.stairway"), ("import", "b'PK'")]
