"""Live preview: the watcher (debounce, deletes, a missing folder, a failing rebuild), the
hub's refresh (clean save swapped in; a save with problems keeps the last good guide and
lists them; the fix clears them) and every open page following it, headless."""

from __future__ import annotations

import os
import threading

import pytest

from app.guide.watch import Watcher, signature
from app.ui.app import build_main
from app.ui.state.guide import problems_banner
from app.ui.state.hub import GuideHub
from tests.guide_helpers import VALID, copy_tree, edit
from tests.ui_harness import start

STAGE1 = "stairway/1-active-listening-stage.md"
OLD, NEW = "You sound worn out (1).", "You sound worn out tonight (1)."


@pytest.fixture
def content(tmp_path):
    return copy_tree(VALID, tmp_path / "content")


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def watcher(content, calls, quiet=0.15):
    clock = Clock()
    w = Watcher(content, lambda: calls.append(clock.t), clock=clock, quiet=quiet)
    return w, clock


def bump(path, text: str) -> None:
    """Write and move the mtime on, as a save a moment later would."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


@pytest.mark.parametrize("steps, expected", [
    # one save: acted on once the folder was quiet for 0.15 s
    ([(0.0, "a"), (0.1, None), (0.2, None), (0.3, None)], [0.2]),
    # a save in three chunks, 0.1 s apart: one rebuild, after the last chunk settles
    ([(0.0, "a"), (0.1, "ab"), (0.2, "abc"), (0.3, None), (0.4, None), (0.5, None)], [0.4]),
    # nothing saved: nothing done
    ([(0.0, None), (1.0, None)], []),
    # two saves far apart: two rebuilds
    ([(0.0, "a"), (0.2, None), (1.0, "b"), (1.2, None)], [0.2, 1.2]),
])
def test_a_save_is_acted_on_once_it_settles(content, steps, expected):
    calls: list[float] = []
    w, clock = watcher(content, calls)
    for t, text in steps:
        clock.t = t
        if text is not None:
            bump(content / STAGE1, text)
        w.poll()
    assert calls == expected


@pytest.mark.parametrize("change", [
    # a file deleted
    lambda c: (c / STAGE1).unlink(),
    # a new file
    lambda c: (c / "situations" / "new.md").write_text("x", encoding="utf-8"),
    # the whole folder renamed away
    lambda c: c.rename(c.with_name("gone")),
    # a file an editor left next to it (not content, but links may name it)
    lambda c: (c / "notes.txt").write_text("x", encoding="utf-8"),
])
def test_any_change_of_the_folder_is_seen_and_nothing_raises(content, change):
    calls: list[float] = []
    w, clock = watcher(content, calls)
    change(content)
    for clock.t in (0.0, 0.2, 0.4):
        w.poll()
    assert len(calls) == 1


def test_hidden_and_backup_names_do_not_count(content):
    before = signature(content)
    (content / ".stage.md.swp").write_text("x", encoding="utf-8")
    assert signature(content) == before


def test_a_rebuild_that_raises_is_logged_and_watching_goes_on(content):
    def boom():
        raise RuntimeError("bug")

    clock = Clock()
    w = Watcher(content, boom, clock=clock)
    bump(content / STAGE1, "a")
    for clock.t in (0.0, 0.2):
        w.poll()
    assert w.errors == 1
    bump(content / STAGE1, "b")
    for clock.t in (0.3, 0.5):
        w.poll()
    assert w.errors == 2


def test_thread_starts_and_stops(content):
    seen = threading.Event()
    w = Watcher(content, seen.set, interval=0.02, quiet=0.04).start()
    try:
        bump(content / STAGE1, (content / STAGE1).read_text() + "\n")
        assert seen.wait(5)
    finally:
        w.stop()
    assert w._thread is None


def phrases(guide) -> set[str]:
    return {p.text for s in guide.stages for p in s.phrases}


def test_refresh_swaps_clean_saves_and_keeps_the_last_good_guide(content, tmp_path):
    hub = GuideHub(content, tmp_path / "data", watch=True)
    told: list[int] = []
    hub.subscribe(lambda shown: told.append(shown.generation))
    edit(content, STAGE1, OLD, NEW)
    assert NEW in phrases(hub.refresh().guide) and hub.current.problems == ()
    edit(content, STAGE1, "stage: 1", "stage: one")  # a mistake
    shown = hub.refresh()
    assert NEW in phrases(shown.guide)  # the last good guide stays
    assert shown.problems and shown.problems[0].startswith(f"{content}/{STAGE1}:"), shown.problems
    (content / STAGE1).unlink()  # deleted in the middle of it: still no crash
    assert hub.refresh().problems
    (content / STAGE1).write_text((VALID / STAGE1).read_text(encoding="utf-8"),
                                  encoding="utf-8")
    shown = hub.refresh()
    assert shown.problems == () and OLD in phrases(shown.guide)
    assert told == [1, 2, 3, 4]


async def test_every_open_page_follows_a_save_and_shows_the_problems(content, tmp_path):
    main = build_main(content, tmp_path / "data", watch=True)
    hub = main.hub
    hub.stop()  # driven by hand here; the thread is tested above
    a = await start(content, tmp_path / "data", route="/phrases", main=main)
    b = await start(content, tmp_path / "data", route="/phrases", main=main)
    try:
        edit(content, STAGE1, OLD, NEW)
        hub.refresh()
        for app in (a, b):
            await app.settle()
        for app in (a, b):
            assert NEW in phrases(app.state.guide)
            assert any(NEW in t for t in app.texts())
        edit(content, STAGE1, "stage: 1", "stage: one")
        hub.refresh()
        for app in (a, b):
            await app.settle()
        banner = problems_banner(hub.current.problems)
        for app in (a, b):
            assert banner in app.texts()  # every `path:line: message`, on screen
            assert any(NEW in t for t in app.texts())
        edit(content, STAGE1, "stage: one", "stage: 1")
        hub.refresh()
        for app in (a, b):
            await app.settle()
            assert not any("last good guide" in t for t in app.texts())
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("argv, watch", [
    # the instructors' live preview
    (["serve", "--watch"], True),
    # the officers' app: no watching
    (["serve"], False),
    # plain `python -m app` serves too, and takes --watch
    (["--watch"], True),
])
def test_cli_hands_watch_to_serve(monkeypatch, argv, watch):
    from app import cli
    from app.ui import serve

    got = {}
    monkeypatch.setattr(serve, "serve", lambda **kw: got.update(kw) or 0)
    assert cli.main(argv) == 0
    assert got["watch"] is watch
