"""`python -m app keygen | pack | verify-pack`: output, exit codes 0 / 1 / 2, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import entries, forge, replace

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def made(tmp_path, capsys):
    """A key pair, a trusted-keys folder holding its public half, and a pack of VALID."""
    assert main(["keygen", "--out", str(tmp_path / "k"), "--name", "metro-pd"]) == 0
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    shutil.copy(tmp_path / "k" / "metro-pd.pub", trusted)
    out = tmp_path / "guide.stairway"
    args = ["pack", str(VALID), "--key", str(tmp_path / "k" / "metro-pd.key"), "--out", str(out)]
    assert main([*args, "--approved-by", "Sgt A. Example", "--version", "1.2"]) == 0
    capsys.readouterr()
    return tmp_path, out, trusted


def test_verify_prints_the_manifest_signature_and_every_file(made, capsys):
    _, pack, trusted = made
    assert main(["verify-pack", str(pack), "--keys", str(trusted)]) == 0
    out = capsys.readouterr().out
    assert "pack:        metro-pd" in out and "version:     1.2" in out
    assert "approved by: Sgt A. Example" in out
    assert "metro-pd (trusted)" in out and "signature:   valid" in out
    n = len([p for p in VALID.rglob("*") if p.is_file()])
    assert f"files:       {n} of {n} match their SHA-256" in out
    assert out.count("\n  ok ") == n and out.rstrip().endswith("pack is valid")


def test_verify_names_the_changed_file(made, capsys):
    tmp, pack, trusted = made
    rel = "content/stairway/3-rapport.md"
    body = dict(entries(pack.read_bytes()))[rel] + b"\n- Extra.\n"
    bad = tmp / "bad.stairway"
    bad.write_bytes(forge(replace(pack.read_bytes(), rel, body)))

    assert main(["verify-pack", str(bad), "--keys", str(trusted)]) == 1
    got = capsys.readouterr()
    assert "CHANGED  stairway/3-rapport.md" in got.out
    assert "signature:   valid" in got.out  # the manifest is intact; the file is not
    assert "'stairway/3-rapport.md' was changed after the pack was signed." in got.err


def test_verify_says_when_the_key_is_not_trusted(made, capsys):
    tmp, pack, _ = made
    (tmp / "empty").mkdir()
    assert main(["verify-pack", str(pack), "--keys", str(tmp / "empty")]) == 1
    got = capsys.readouterr()
    assert "not trusted by" in got.out and "trusts no signing key" in got.err


def test_verify_a_truncated_pack(made, capsys):
    tmp, pack, trusted = made
    cut = tmp / "cut.stairway"
    cut.write_bytes(pack.read_bytes()[:500])
    assert main(["verify-pack", str(cut), "--keys", str(trusted)]) == 1
    assert "not a complete guide pack" in capsys.readouterr().err


def test_pack_refuses_content_with_problems(made, capsys):
    tmp, _, _ = made
    content = copy_tree(VALID, tmp / "c")
    edit(content, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: someday")
    out = tmp / "no.stairway"
    key = str(tmp / "k" / "metro-pd.key")
    code = main(["pack", str(content), "--key", key, "--out", str(out), "--approved-by", "x"])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert f"{content}/stairway/3-rapport.md:5: " in err and "Traceback" not in err


def test_pack_refuses_a_private_key_in_the_content_and_never_prints_it(made, capsys):
    tmp, _, _ = made
    content = copy_tree(VALID, tmp / "c")
    assert main(["keygen", "--out", str(content), "--name", "slip"]) == 0
    capsys.readouterr()
    out = tmp / "no.stairway"
    key = str(tmp / "k" / "metro-pd.key")
    code = main(["pack", str(content), "--key", key, "--out", str(out), "--approved-by", "x"])
    got = capsys.readouterr()
    secret = (content / "slip.key").read_text()
    assert code == 1 and not out.exists()
    assert f"{content}/slip.key: a private signing key must never go in a pack" in got.err
    body = secret.splitlines()[1]  # the base64 of the key itself
    assert body not in got.out + got.err and "Traceback" not in got.err


def test_keygen_again_is_refused(made, capsys):
    tmp, _, _ = made
    before = (tmp / "k" / "metro-pd.key").read_bytes()
    assert main(["keygen", "--out", str(tmp / "k"), "--name", "metro-pd"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tmp / "k" / "metro-pd.key").read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["verify-pack", "{tmp}/nope.stairway"],  # no such pack file
        ["pack", "{tmp}/nope", "--key", "{key}", "--out", "{tmp}/o", "--approved-by", "x"],
        # no such content folder
        ["pack", "{valid}", "--key", "{tmp}/nope.key", "--out", "{tmp}/o", "--approved-by", "x"],
        # no such key file
        ["pack", "{c}", "--key", "{key}", "--out", "{c}/o.stairway", "--approved-by", "x"],
        # the pack would land inside the content it packs
        [
            "pack",
            "{valid}",
            "--key",
            "{key}",
            "--out",
            "{tmp}/o",
            "--approved-by",
            "x",
            "--version",
            "v2",
        ],  # a version that is not numbers
    ],  # fmt: skip
)
def test_usage_errors_exit_2(made, capsys, args):
    tmp, _, _ = made
    c = copy_tree(VALID, tmp / "c")
    key = tmp / "k" / "metro-pd.key"
    filled = [a.format(tmp=tmp, key=key, valid=VALID, c=c) for a in args]
    assert main(filled) == 2
    err = capsys.readouterr().err
    assert err.startswith("stairway: ") and err.count("\n") == 1 and "Traceback" not in err


def test_pack_needs_approved_by(made, capsys):
    tmp, _, _ = made
    key = str(tmp / "k" / "metro-pd.key")
    with pytest.raises(SystemExit) as got:
        main(["pack", str(VALID), "--key", key, "--out", str(tmp / "o")])
    assert got.value.code == 2 and "--approved-by" in capsys.readouterr().err


def test_python_m_app_round_trip(tmp_path):
    """The real entry point, as an instructor types it."""

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip

    assert run("keygen", "--out", str(tmp_path), "--name", "dept").returncode == 0
    pack = tmp_path / "g.stairway"
    made = run("pack", str(VALID), "--key", str(tmp_path / "dept.key"), "--out", str(pack),
               "--approved-by", "Lt B")  # fmt: skip
    assert made.returncode == 0, made.stderr
    verified = run("verify-pack", str(pack), "--keys", str(tmp_path))
    assert verified.returncode == 0 and "dept (trusted)" in verified.stdout, verified.stderr


def _noise(n: int) -> bytes:
    """ASCII that does not compress (so the zip-bomb check stays out of the way)."""
    import hashlib

    return b"".join(hashlib.sha256(str(i).encode()).hexdigest().encode()
                    for i in range(n // 64 + 1))[:n]


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda: b"\x8b" * 3000, "The file is not a complete guide pack: it may be cut short, "
                                  "or not a .stairway file.\n"),
        (lambda: forge([("manifest.json", b"[" * 5000 + _noise(20_000)),
                        ("signature.json", b"{}")]),  # deep enough to hit the recursion limit
         "The pack's manifest is not valid JSON: the pack is damaged.\n"),
        (lambda: forge([("manifest.json", b"\xff\xfe{"), ("signature.json", b"[1]")]),
         "The pack's manifest is not UTF-8 text: the pack is damaged.\n"),
    ],
)  # fmt: skip
def test_a_damaged_pack_is_told_in_the_apps_words_not_a_parsers(made, capsys, make, says):
    """Before: "(File is not a zip file)", "(maximum recursion depth exceeded while
    decoding a JSON array from a unicode string)", "(byte 0)", and "1 problem(s)"."""
    tmp, _, trusted = made
    bad = tmp / "bad.stairway"
    bad.write_bytes(make())
    assert main(["verify-pack", str(bad), "--keys", str(trusted)]) == 1
    got = capsys.readouterr()
    assert f"stairway: {says}" in got.err
    for raw in ("zip file", "recursion", "unicode", "byte 0", "Expecting", "(s)"):
        assert raw not in got.err + got.out
    assert "pack is NOT valid: " in got.out and " problem" in got.out


def test_verify_runs_the_apps_content_check_on_a_signed_pack(made, capsys):
    """A trusted signer's pack whose guide the app would refuse is not "valid"."""
    import hashlib
    import json

    from app.packs.keys import load_private
    from tests.packs_helpers import canonical, manifest_of, resign

    tmp, pack, trusted = made
    good = pack.read_bytes()
    rel = "stairway/3-rapport.md"
    body = dict(entries(good))["content/" + rel].replace(
        b"reviewed: 2026-11-01", b"reviewed: someday")
    m = manifest_of(good)
    m["files"][rel] = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    items = dict(entries(good))
    items["content/" + rel] = body
    key = load_private(tmp / "k" / "metro-pd.key")
    bad = tmp / "signed-but-wrong.stairway"
    bad.write_bytes(forge(resign(list(items.items()), key, canonical(m))))
    assert json.loads(canonical(m))["files"][rel]["size"] == len(body)

    assert main(["verify-pack", str(bad), "--keys", str(trusted)]) == 1
    got = capsys.readouterr()
    assert "signature:   valid" in got.out and "guide:       NOT valid" in got.out
    assert "stairway/3-rapport.md:5: " in got.err and "Traceback" not in got.err
    assert got.out.rstrip().endswith("pack is NOT valid: 1 problem")


def test_verify_says_the_guide_passed_the_import_check(made, capsys):
    _, pack, trusted = made
    assert main(["verify-pack", str(pack), "--keys", str(trusted)]) == 0
    assert "guide:       no problems" in capsys.readouterr().out


def test_verify_with_a_keys_folder_that_is_not_there_is_a_usage_error(made, capsys):
    tmp, pack, _ = made
    assert main(["verify-pack", str(pack), "--keys", str(tmp / "nope")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"stairway: keys folder '{tmp / 'nope'}' does not exist."


@pytest.mark.parametrize("where, language", [
    ("translations/es", "es"),  # a translation is packed in its own language
    ("guide", "en"),  # any other folder: English
    ("translations/notalanguage", "en"),
])
def test_pack_without_language_takes_a_translations_folders_name(made, capsys, where, language):
    from tests.packs_helpers import manifest_of

    tmp, _, _ = made
    content = copy_tree(VALID, tmp / where)
    out = tmp / "lang.stairway"
    key = str(tmp / "k" / "metro-pd.key")
    assert main(["pack", str(content), "--key", key, "--out", str(out), "--approved-by", "x"]) == 0
    assert manifest_of(out.read_bytes())["language"] == language
    assert f"language {language}" in capsys.readouterr().out


@pytest.mark.parametrize("language, notes", [
    ("en", []),
    ("en-GB", []),
    # the English guide stamped Spanish: Spanish screens over English guidance
    ("es", ["note: language es, but this folder is the 'en' guide (the 'es' guide is kept in "
            "translations/es/): officers would read 'en' guidance on 'es' screens"]),
    # a language the app has no screens for, and no labels.txt in the pack
    ("fr", ["note: language fr, but this folder is the 'en' guide (the 'fr' guide is kept in "
            "translations/fr/): officers would read 'en' guidance on 'fr' screens",
            "note: the app has no screens in 'fr' and the pack has no labels.txt: its "
            "screens show in English, and practice answers are checked only against the "
            "guide's never-say list"]),
])
def test_a_pack_whose_language_is_not_its_guide_s_is_said(made, capsys, language, notes):
    """`pack --language fr` over the English guide passed `verify-pack` as valid; the app
    then switched its screens and stopped judging practice answers by its rules."""
    tmp, _, trusted = made
    out = tmp / f"{language}.stairway"
    key = str(tmp / "k" / "metro-pd.key")
    assert main(["pack", str(VALID), "--key", key, "--out", str(out), "--approved-by", "x",
                 "--language", language]) == 0
    got = capsys.readouterr()
    assert [x for x in got.err.splitlines() if x.startswith("note: ")] == notes
    assert main(["verify-pack", str(out), "--keys", str(trusted)]) == 0  # a note, not a refusal
    got = capsys.readouterr()
    told = [x for x in got.err.splitlines() if x.startswith("note: ")]
    assert told == [n for n in notes if "no screens" in n]  # verify cannot see the folder
    assert got.out.rstrip().endswith("pack is valid")
