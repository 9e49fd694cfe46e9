"""The compiled bundle: exact round trip, and load_guide's cache (hit, miss, fallback)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys

import pytest

import app.guide.cache as cache
from app.cli import run_dump
from app.guide import compile_guide, load_guide
from app.guide.bundle import FORMAT, from_dict, pack, to_dict, unpack
from tests.guide_helpers import REAL, VALID, copy_tree, edit


@pytest.fixture
def tree(tmp_path):
    return copy_tree(VALID, tmp_path / "c")


@pytest.fixture
def compiles(monkeypatch):
    """Counts how often load_guide really parses the Markdown."""
    calls = []
    real = cache.compile_guide

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "compile_guide", counting)
    return calls


def _with_problems(root):
    edit(root, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: soon")
    return root


TREES = [
    # the small fixture tree
    lambda tmp: VALID,
    # the shipped guide
    lambda tmp: REAL,
    # a tree with a problem: skipped files and problems survive the trip too
    lambda tmp: _with_problems(copy_tree(VALID, tmp / "p")),
]


@pytest.mark.parametrize("make", TREES)
def test_round_trip_is_exact(tmp_path, make):
    guide = compile_guide(make(tmp_path))
    back = from_dict(json.loads(json.dumps(to_dict(guide))))
    assert back == guide
    assert back.problems == guide.problems  # not part of ==, so compared on its own
    assert to_dict(back) == to_dict(guide)


@pytest.mark.parametrize("make", TREES)
def test_compact_cache_form_round_trips_exactly(tmp_path, make):
    guide = compile_guide(make(tmp_path))
    back = unpack(json.loads(json.dumps(pack(guide))))
    assert back == guide
    assert back.problems == guide.problems
    assert to_dict(back) == to_dict(guide)
    assert {hash(p) for s in back.stages for p in s.phrases} == {
        hash(p) for s in guide.stages for p in s.phrases
    }


@pytest.mark.parametrize(
    "bad",
    [
        # not a dict at all
        [],
        # another format number
        {"format": 999},
        # the format before content model v2: an old cache is recompiled
        {"format": 1},
        # right format, broken inside
        {"format": FORMAT, "stages": [{"nope": 1}]},
    ],
)
def test_from_dict_rejects_foreign_data(bad):
    with pytest.raises(ValueError):
        from_dict(bad)


@pytest.mark.parametrize(
    "bad",
    [
        # not a list
        {"format": FORMAT},
        # another format number
        [999, []],
        # the format before content model v2
        [1, []],
        # a row with too few values
        [FORMAT, [[["x"]]]],
        # a row of the wrong type
        [FORMAT, 5],
    ],
)
def test_unpack_rejects_foreign_data(bad):
    with pytest.raises(ValueError):
        unpack(bad)


def test_second_load_uses_the_bundle(tree, tmp_path, compiles):
    first = load_guide(tree, tmp_path / "cache")
    second = load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 1
    assert second == first == compile_guide(tree)
    assert (tmp_path / "cache" / cache.BUNDLE_NAME).is_file()


CHANGES = [
    # a content file's text changed
    lambda root: edit(root, "stairway/3-rapport.md", "Calm down (3).", "Relax (3)."),
    # a new content file
    lambda root: (root / "checklists" / "new.md").write_text("# new\n", encoding="utf-8"),
    # a file removed
    lambda root: (root / "situations" / "hostage.md").unlink(),
    # a non-Markdown file appeared (links may point at it)
    lambda root: (root / "situations" / "map.png").write_bytes(b"png"),
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_triggers_a_reparse(tree, tmp_path, compiles, change):
    load_guide(tree, tmp_path / "cache")
    change(tree)
    after = load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 2
    assert after == compile_guide(tree)
    load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 2  # and the new bundle is used from then on


def _payload_edit(data: bytes) -> bytes:
    """Valid JSON with the right key, but not what was written (checksum must catch it)."""
    head, digest, payload = data.split(b"\n", 2)
    return b"\n".join([head, digest, payload.replace(b"Calm down", b"Calm dawn", 1)])


def _forged(data: bytes) -> bytes:
    """Right key and checksum, but a payload of the wrong shape."""
    head, _, _ = data.split(b"\n", 2)
    payload = json.dumps([FORMAT, [[["x"]]]]).encode()
    return b"\n".join([head, hashlib.sha256(payload).hexdigest().encode(), payload])


CORRUPT = [
    # not a bundle at all
    lambda data: b"{not json",
    # truncated mid-write
    lambda data: data[: len(data) // 2],
    # edited payload, still valid JSON
    _payload_edit,
    # a payload of the wrong shape with a matching checksum
    _forged,
    # binary garbage
    lambda data: b"\x00\xff\xfe",
    # empty file
    lambda data: b"",
]


@pytest.mark.parametrize("data", CORRUPT)
def test_corrupt_bundle_falls_back_to_compiling(tree, tmp_path, compiles, data):
    path = tmp_path / "cache" / cache.BUNDLE_NAME
    load_guide(tree, tmp_path / "cache")
    path.write_bytes(data(path.read_bytes()))
    guide = load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 2
    assert guide == compile_guide(tree)
    load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 2  # the bad bundle was replaced


def test_unwritable_cache_still_loads(tree, tmp_path, compiles):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache directory should be")
    guide = load_guide(tree, blocker)
    assert guide == compile_guide(tree)
    assert blocker.read_text() == "a file where the cache directory should be"


def test_a_guide_the_cache_cannot_encode_is_still_shown(tree, tmp_path, compiles, monkeypatch):
    """Text no file can hold (half a surrogate pair) reached the cache once and the app
    showed no guide at all; the cache only saves time, so the guide is shown uncached."""
    real = cache.pack
    monkeypatch.setattr(cache, "pack", lambda g: [real(g), "Rap\udcffport"])
    guide = load_guide(tree, tmp_path / "cache")
    assert guide == compile_guide(tree) and not list((tmp_path / "cache").glob("*"))


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_a_file_name_that_is_not_utf8_does_not_stop_the_guide(tree, tmp_path, compiles):
    """A Latin-1 "café.txt" copied into content/ (not even a Markdown file) made every
    load fail, though check said "no problems"."""
    (tree / os.fsdecode(b"caf\xe9.txt")).write_text("notes", encoding="utf-8")
    guide = load_guide(tree, tmp_path / "cache")
    assert guide.stages and guide == load_guide(tree, tmp_path / "cache")
    assert len(compiles) == 1  # hashed alike both times: the second load used the cache


def test_bundle_expires_when_a_future_review_date_arrives(tree, tmp_path, compiles):
    edit(tree, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: 2999-01-01")
    guide = load_guide(tree, tmp_path / "cache")
    assert any("is in the future" in p.message for p in guide.problems)
    path = tmp_path / "cache" / cache.BUNDLE_NAME
    assert path.read_bytes().split(b"\n", 1)[0].endswith(b" 2999-01-01")
    key = cache.bundle_key(tree, str(tree))
    assert cache.read_bundle(path, key, dt.date(2998, 12, 31)) == guide
    assert cache.read_bundle(path, key, dt.date(2999, 1, 1)) is None


def test_bundle_is_keyed_by_the_shown_path(tree, tmp_path, compiles):
    """Problem paths carry the content dir as given, so another prefix is another bundle."""
    edit(tree, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: soon")
    a = load_guide(tree, tmp_path / "cache", shown="c")
    b = load_guide(tree, tmp_path / "cache", shown="other")
    assert len(compiles) == 2
    assert a.problems[0].path.startswith("c/") and b.problems[0].path.startswith("other/")


def test_dump_prints_the_documented_shape(tree, monkeypatch):
    monkeypatch.chdir(tree.parent)
    out = io.StringIO()
    assert run_dump("c", out) == 0
    d = json.loads(out.getvalue())
    stage = d["stages"][0]
    assert {"id", "title", "order", "phrases"} <= stage.keys()
    assert {"text", "kind", "skill", "situations", "file", "line"} <= stage["phrases"][0].keys()
    avoid = next(p for p in stage["phrases"] if p["kind"] == "avoid")
    assert avoid["id"] == "1-avoid-calm-down-1" and avoid["group"] == "Orders"
    assert avoid["why"] and avoid["instead"] and avoid["skill"] is None
    assert {"slots", "not_situations", "caution"} <= avoid.keys()
    assert {"caution", "not_situations"} <= stage["signs"][0].keys()
    assert {"reviewed_by", "approved_by"} <= stage["meta"].keys()
    assert [c["tel"] for c in d["contacts"]] == ["911", "+18005550100"]
    assert d["style"]["max_words"] == 20 and d["style"]["banned"][0]["expression"] == "calm down"
    assert d["skipped"] == [] and d["format"] == FORMAT
    item = d["checklists"][0]["items"][0]
    assert {"id", "title", "items"} <= d["checklists"][0].keys()
    assert {"text", "section", "file", "line"} <= item.keys()
    assert {"id", "title"} <= d["situations"][0].keys()
    assert {"id", "title"} <= d["skills"][0].keys()
    assert {"key", "title"} <= d["sources"][0].keys()
    assert d["problems"] == []
    assert from_dict(d) == compile_guide("c")


def test_dump_cli_exit_codes(tree, tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ok = subprocess.run(
        [sys.executable, "-m", "app", "dump", str(tree)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["stages"]
    missing = subprocess.run(
        [sys.executable, "-m", "app", "dump", str(tmp_path / "none")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_missing_content_dir_loads_an_empty_guide_with_one_problem(tmp_path):
    guide = load_guide(tmp_path / "none", tmp_path / "cache")
    assert guide.stages == () and len(guide.problems) == 1
    assert guide.problems[0].message.startswith("content directory does not exist")


def test_dump_lists_problems_and_skipped_guidance_as_data(tree, monkeypatch, capsys):
    edit(tree, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: soon")
    edit(tree, "stairway/2-empathy.md", "  - Instead: You sound really upset (2).\n", "")
    monkeypatch.chdir(tree.parent)
    assert run_dump("c", io.StringIO()) == 1
    out = io.StringIO()
    run_dump("c", out)
    d = json.loads(out.getvalue())
    assert [(p["path"], p["line"], p["code"], p["severity"]) for p in d["problems"]] == [
        ("c/stairway/2-empathy.md", 37, "avoid-no-instead", "item"),
        ("c/stairway/3-rapport.md", 5, "reviewed-not-date", "file"),
    ]
    assert d["skipped"] == [
        {"file": "stairway/2-empathy.md", "kind": "stage", "title": "Empathy", "partial": True},
        {"file": "stairway/3-rapport.md", "kind": "stage", "title": "Rapport", "partial": False},
    ]
    assert "c/stairway/3-rapport.md:5: reviewed 'soon'" in capsys.readouterr().err
