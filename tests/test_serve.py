"""Serving: loopback by default, offline web client, assets and fonts, phone packaging."""

from __future__ import annotations

import dataclasses
import inspect
import json
import os
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import flet as ft
import pytest

from app import paths
from app.ui import fonts
from app.ui.serve import LEAVE_GUARD, NETWORK_WARNING, is_loopback, page_url
from tests.e2e.conftest import free_port, start_server, stop

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),  # the default
        ("127.0.0.2", True),  # all of 127/8 is loopback
        ("localhost", True),  # the name
        ("::1", True),  # IPv6 loopback
        ("[::1]", True),  # IPv6 loopback as written in URLs
        ("0.0.0.0", False),  # every interface: the network can reach the notes
        ("::", False),  # every IPv6 interface
        ("192.168.1.20", False),  # a LAN address
        ("stairway.local", False),  # any other name may resolve to a LAN address
    ],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    "host, port, url",
    [
        ("127.0.0.1", 8550, "http://127.0.0.1:8550"),  # default
        ("0.0.0.0", 9000, "http://127.0.0.1:9000"),  # all interfaces: show a local URL
        ("::1", 8550, "http://[::1]:8550"),  # IPv6 needs brackets
        ("192.168.1.20", 80, "http://192.168.1.20:80"),  # a LAN address as given
    ],
)
def test_page_url(host, port, url):
    assert page_url(host, port) == url


def _run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_non_loopback_host_warns(tmp_path):
    # 192.0.2.1 (TEST-NET-1) is never assigned to this machine: binding fails after the warning.
    r = _run_cli(
        "serve",
        "--host",
        "192.0.2.1",
        "--port",
        str(free_port()),
        "--data-dir",
        str(tmp_path / "d"),
    )
    assert NETWORK_WARNING.format(host="192.0.2.1") in r.stderr
    assert r.returncode != 0


def test_missing_content_dir_is_a_clear_error(tmp_path):
    r = _run_cli(
        "serve",
        "--content-dir",
        str(tmp_path / "nope"),
        "--port",
        str(free_port()),
        "--data-dir",
        str(tmp_path / "d"),
    )
    assert r.returncode == 2
    assert "content directory not found" in r.stderr


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    proc, url, log = start_server(tmp_path_factory.mktemp("serve") / "data")
    yield url, log
    stop(proc)


def test_plain_python_m_app_serves_too(tmp_path):
    proc, url, log = start_server(tmp_path / "data", command="")
    try:
        assert _get(url + "/")[0] == 200
        assert f"running at {url}" in Path(log).read_text()
    finally:
        stop(proc)


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read()


def test_served_page_is_offline_web_client(served):
    url, log = served
    status, body = _get(url + "/")
    assert status == 200
    html = body.decode()
    assert "flet.noCdn=true" in html  # local CanvasKit and fonts
    assert 'flet.canvasKitBaseUrl="/canvaskit/"' in html
    assert "Stairway" in html  # app name in the title
    assert _get(url + "/canvaskit/canvaskit.wasm")[0] == 200
    assert f"running at {url}" in Path(log).read_text()  # the URL is printed
    assert "WARNING" not in Path(log).read_text()  # loopback: no network warning


@pytest.mark.parametrize(
    "path",
    [
        "/",  # the app
        "/incident/20261126-0500-ab12/board",  # a deep link: the same page, routed by the app
        "/phrases?stage=2",  # with a query
    ],
)
def test_every_page_carries_the_leave_guard(served, path):
    with urllib.request.urlopen(served[0] + path, timeout=10) as r:
        body = r.read()
        assert int(r.headers["content-length"]) == len(body)  # the length follows the edit
    html = body.decode()
    assert html.count(LEAVE_GUARD) == 1 and html.index(LEAVE_GUARD) < html.index("</head>")


def test_other_files_are_served_untouched(served):
    status, body = _get(served[0] + "/flutter_bootstrap.js")
    assert status == 200 and LEAVE_GUARD.encode() not in body


@pytest.mark.parametrize("family", sorted(fonts.FONTS))
def test_bundled_font_is_served(served, family):
    status, body = _get(f"{served[0]}/{fonts.FONTS[family]}")
    assert status == 200
    assert body[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")  # a TrueType/OpenType file


def test_fonts_fit_the_renderer_and_carry_licences():
    assert 1 + len(fonts.FALLBACK) <= fonts.MAX_FAMILIES
    assert set(fonts.FALLBACK) <= set(fonts.FONTS)
    font_dir = paths.assets_dir() / "fonts"
    for rel in fonts.FONTS.values():
        assert (paths.assets_dir() / rel).is_file(), rel
    assert list(font_dir.glob("LICENSE-*")) and list(font_dir.glob("COPYRIGHT-*"))
    total = sum(f.stat().st_size for f in font_dir.iterdir())
    assert total < 25 * 1024 * 1024



# A letter of each script an officer's note may hold that Roboto (the web client's own font:
# Latin, Greek, Cyrillic) lacks. Each was drawn as a box before a bundled font covered it.
SCRIPTS = {"Arabic": "ع", "Hebrew": "ש", "Devanagari": "ह", "Chinese": "中", "Japanese": "こ",
           "Korean": "안", "emoji": "\U0001F600", "Thai": "ไ", "Lao": "ສ", "Khmer": "ខ",
           "Myanmar": "မ", "Ethiopic": "አ", "Armenian": "Հ", "Georgian": "ქ", "Bengali": "ব",
           "Gurmukhi": "ਪ", "Gujarati": "ગ", "Tamil": "த", "Telugu": "త", "Kannada": "ಕ",
           "Malayalam": "മ", "Sinhala": "ස"}


def _code_points(path) -> set[int]:
    """The characters a TrueType file maps (its cmap's format 4 and 12 subtables)."""
    import struct

    data = path.read_bytes()
    tables = struct.unpack(">H", data[4:6])[0]
    where = {data[12 + 16 * i:16 + 16 * i]: struct.unpack(">I", data[20 + 16 * i:24 + 16 * i])[0]
             for i in range(tables)}
    cmap = where[b"cmap"]
    out: set[int] = set()
    for i in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0]):
        at = cmap + struct.unpack(">I", data[cmap + 8 + 8 * i:cmap + 12 + 8 * i])[0]
        fmt = struct.unpack(">H", data[at:at + 2])[0]
        if fmt == 4:
            n = struct.unpack(">H", data[at + 6:at + 8])[0] // 2
            ends = struct.unpack(f">{n}H", data[at + 14:at + 14 + 2 * n])
            starts = struct.unpack(f">{n}H", data[at + 16 + 2 * n:at + 16 + 4 * n])
            out.update(c for a, b in zip(starts, ends, strict=True) for c in range(a, b + 1))
        elif fmt == 12:
            n = struct.unpack(">I", data[at + 12:at + 16])[0]
            for g in range(n):
                a, b, _ = struct.unpack(">3I", data[at + 16 + 12 * g:at + 28 + 12 * g])
                out.update(range(a, b + 1))
    return out - {0xFFFF}


def test_every_script_listed_has_a_bundled_font_that_draws_it():
    covered = set().union(*(_code_points(paths.assets_dir() / rel)
                            for family, rel in fonts.FONTS.items() if family in fonts.FALLBACK))
    assert {name for name, letter in SCRIPTS.items() if ord(letter) not in covered} == set()
    assert ord("ꦲ") not in covered  # Javanese: not bundled, so the check can fail


def test_with_fallback_covers_every_text_style_and_keeps_sizes():
    theme = ft.Theme(text_theme=ft.TextTheme(body_large=ft.TextStyle(size=20)))
    themed = fonts.with_fallback(theme)
    for tt in (themed.text_theme, themed.primary_text_theme):
        for f in dataclasses.fields(tt):
            style = getattr(tt, f.name)
            if isinstance(style, ft.TextStyle):
                assert style.font_family_fallback == fonts.FALLBACK, f.name
                assert style.font_family == fonts.PRIMARY, f.name
    assert themed.text_theme.body_large.size == 20


def test_apply_fonts_keeps_other_fonts():
    class FakePage:
        fonts = {"Mine": "fonts/mine.ttf"}

    page = FakePage()
    fonts.apply_fonts(page)
    assert page.fonts["Mine"] == "fonts/mine.ttf"
    assert all(page.fonts[k] == v for k, v in fonts.FONTS.items())


def test_flet_build_configuration():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["flet"]
    assert cfg["product"] == "Stairway"
    assert cfg["bundle_id"].startswith(cfg["org"] + ".")
    app_root = ROOT / cfg["app"]["path"]
    entry = app_root / f"{cfg['app']['module']}.py"
    assert entry.is_file()
    assert "from app.main import" in entry.read_text()
    excluded = set(cfg["app"]["exclude"])
    assert not excluded & {"app", "content", "assets", "main.py"}
    for image in ("icon.png", "splash.png", "splash_dark.png"):
        assert (app_root / "assets" / image).is_file(), image
    assert cfg["web"]["cdn"] is False


def test_app_main_entry_is_a_flet_main():
    import app.main

    assert inspect.iscoroutinefunction(app.main.main)
    assert callable(app.main.run)


async def test_the_phone_entry_builds_the_app_while_flet_starts(tmp_path, monkeypatch):
    """`run()` starts the build (imports, guide compile) in a thread before `ft.run`, and
    the page that `ft.run` then hands to `main` gets the real app from it."""
    import app.main
    from tests.ui_harness import start

    monkeypatch.setenv("STAIRWAY_CONTENT_DIR", str(ROOT / "content"))
    monkeypatch.setenv("STAIRWAY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(app.main, "_built", None)
    seen = []
    monkeypatch.setattr(app.main.ft, "run", lambda target, **kw: seen.append(
        (target, app.main._built, kw)))
    app.main.run()
    (target, building, kw), = seen
    assert target is app.main.main and kw["no_cdn"] is True
    assert building is not None and hasattr(building, "built")  # started before ft.run
    shown = await start(ROOT / "content", tmp_path / "data", main=app.main.main)
    assert shown.state.guide.stages and shown.state.nav.screen == "home"
    assert building.built.result().hub.data_dir == tmp_path / "data"
    assert app.main._built is building  # one build per process, whichever page asks
    building.built.result().hub.stop()


# ---- the phone build: pins that Flet's Android/iOS package index can satisfy ----

RUNTIME_EXCLUDED = {"flet-web", "flet-cli", "flet-desktop", "uvicorn", "fastapi"}


def _index() -> tuple[str, dict[str, set[str]]]:
    """docs/pypi.flet.dev.txt: (the phone's Python, name -> versions built for it)."""
    python, out = "", {}
    for line in (ROOT / "docs" / "pypi.flet.dev.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("python "):
            python = line.split()[1]
            continue
        name, version, *pythons = line.split()
        out.setdefault(_norm(name), {}).update({version: set(pythons)})
    assert python, "the list must say which Python the phone app is built with"
    return python, {n: {v for v, ps in vs.items() if python in ps} for n, vs in out.items()}


def _norm(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    from packaging.requirements import Requirement

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for dep in deps:
        req = Requirement(dep)
        spec = list(req.specifier)
        assert len(spec) == 1 and spec[0].operator == "==", f"{dep}: pin it with =="
        assert not req.extras, f"{dep}: extras pull servers or tools into the phone build"
        pins[_norm(req.name)] = spec[0].version
    return pins


def _runtime_closure() -> dict[str, object]:
    """Every installed distribution the app needs at run time (no extras), by name."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement

    seen: dict[str, object] = {}
    todo = list(_pins())
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        dist = distribution(name)
        seen[name] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(_norm(req.name))
    return seen


def _binary(dist) -> bool:
    return any(str(f).endswith((".so", ".pyd", ".dylib")) for f in dist.files or [])


def test_phone_dependencies_are_pinned_and_leave_the_server_out():
    closure = _runtime_closure()
    assert not RUNTIME_EXCLUDED & set(closure), "the web server must not ride into the APK"
    assert {"pyyaml", "msgpack"} <= set(closure)


def test_every_binary_dependency_has_a_phone_wheel_at_its_pin():
    python, index = _index()
    pins = _pins()
    binary = sorted(n for n, d in _runtime_closure().items() if _binary(d))
    assert binary, "PyYAML and msgpack ship compiled code: the check must see them"
    for name in binary:
        assert name in pins, f"{name} has compiled code: pin it in pyproject.toml"
        assert pins[name] in index.get(name, set()), (
            f"{name}=={pins[name]} has no Android/iOS wheel for Python {python} on pypi.flet.dev "
            f"(it has {sorted(index.get(name, [])) or 'none'}); see docs/pypi.flet.dev.txt"
        )


def test_the_tested_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, pinned in _pins().items():
        assert version(name) == pinned, f"{name}: installed {version(name)}, pinned {pinned}"


def test_the_readme_builds_with_that_python():
    python, _ = _index()
    readme = (ROOT / "README.md").read_text()
    assert f"--python-version {python}" in readme  # otherwise Flet picks the newest line


@pytest.mark.parametrize(
    "pins,ok",
    [
        ({"pyyaml": "6.0.3"}, True),  # built for every Python line
        ({"pyyaml": "6.0.4"}, False),  # the old pin: pypi.org has it, the phone index does not
        ({"pyyaml": "6.0.2"}, False),  # built for Python 3.12 only, not the phone's 3.14
        ({"cryptography": "43.0.1"}, False),  # stops at Python 3.13
    ],
)
def test_the_index_check_can_fail(pins, ok):
    _, index = _index()
    assert all(v in index.get(n, set()) for n, v in pins.items()) is ok


def test_the_page_is_painted_in_the_saved_theme_before_its_first_frame(tmp_path):
    """No white flash at night: the page behind the web client's first frame takes the
    saved theme's surface, read at each load (the officer may have switched since)."""
    from app.ui import theme
    from app.ui.serve import LIGHT_BACKDROP, NIGHT_BACKDROP, backdrop

    assert (LIGHT_BACKDROP, NIGHT_BACKDROP) == (theme.LIGHT["surface"], theme.NIGHT["surface"])
    data = tmp_path / "data"
    proc, url, _ = start_server(data)
    try:
        seen = {}
        for saved in ("dark", "light", "system"):
            (data / "prefs.json").write_text(json.dumps({"theme": saved}), encoding="utf-8")
            html = _get(url + "/")[1].decode()
            seen[saved] = html
            assert html.count(backdrop(saved)) == 1
            assert html.index(backdrop(saved)) < html.index("</head>")
        assert NIGHT_BACKDROP in seen["dark"] and LIGHT_BACKDROP not in seen["dark"]
        assert LIGHT_BACKDROP in seen["light"] and NIGHT_BACKDROP not in seen["light"]
        assert "prefers-color-scheme: dark){html" in seen["system"]
    finally:
        stop(proc)


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b'{"theme": "neon"}', b"[]"])
def test_reading_the_theme_for_the_page_never_touches_a_bad_prefs_file(tmp_path, raw):
    from app.prefs import theme_of

    (tmp_path / "prefs.json").write_bytes(raw)
    assert theme_of(tmp_path) == "system"
    assert (tmp_path / "prefs.json").read_bytes() == raw  # load() sets it aside, not this
    assert theme_of(tmp_path / "missing") == "system"


def test_a_note_log_the_system_cannot_open_is_one_line_not_a_traceback(tmp_path, capsys,
                                                                         caplog):
    """A data folder the system refuses (here a name over 255 bytes): the screen says the
    note log is off, and the terminal says why in one line, with no traceback."""
    from app.ui import labels as L
    from app.ui.app import open_log

    log, problem = open_log(tmp_path / ("a" * 256))
    assert log is None and problem == L.LOG_NOT_OPENED
    err = capsys.readouterr().err
    assert err.startswith("stairway: the note log could not be opened in ")
    assert "File name too long" in err and err.count("\n") == 1
    assert not any(r.exc_info for r in caplog.records)
