"""app/packs/disk.py: a stored pack's folder is read, and removed, without following a
link put in its place."""

from __future__ import annotations

import os

import pytest

from app.packs import PackError
from app.packs.disk import read_tree, remove_tree


@pytest.mark.parametrize("link", [True, False])  # a link to a folder / the folder itself
def test_a_link_in_a_packs_place_is_refused_and_removed_alone(tmp_path, link):
    real = tmp_path / "real"
    (real / "content").mkdir(parents=True)
    for name in ("manifest.json", "signature.json", "content/a.md"):
        (real / name).write_text("{}")
    folder = tmp_path / "stored"
    if link:
        os.symlink(real, folder)
        with pytest.raises(PackError) as got:
            read_tree(folder)
        assert got.value.code == "symlink" and "symbolic link" in got.value.message
    else:
        folder = real
        assert read_tree(folder)[2] == {"a.md": b"{}"}
    remove_tree(folder)
    assert not os.path.lexists(folder) and real.exists() == link  # the target is left whole
