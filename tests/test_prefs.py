"""app.prefs: defaults, round trip, atomic write, a corrupt file kept aside."""

from __future__ import annotations

import json

import pytest

from app import prefs as P


def test_missing_file_gives_defaults(tmp_path):
    p, problem = P.load(tmp_path)
    assert p == P.Prefs() and problem is None


def test_round_trip(tmp_path):
    p = P.Prefs(theme="dark", text_scale=1.5, situation="hostage", stage=3,
                signs={"1": ["a", "b"]}, checklist={"c/i": "2026-11-26T05:00:00+00:00"},
                tick_texts={"c/i": "Set the inner perimeter."},
                collapsed=["c/Isolate"], last_route="/phrases?stage=2", incident_id="x-1",
                keep_awake=False, left_early=[1, 3])
    P.save(tmp_path, p)
    assert P.load(tmp_path) == (p, None)
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]  # no temp left


@pytest.mark.parametrize(
    "text",
    [
        "{not json",  # truncated / garbage
        "[1, 2, 3]",  # valid JSON, wrong shape
        "",  # empty file after a crash
    ],
)
def test_corrupt_file_is_kept_aside(tmp_path, text):
    (tmp_path / P.FILE_NAME).write_text(text)
    p, problem = P.load(tmp_path)
    assert p == P.Prefs()
    assert problem and "using defaults" in problem
    aside = [f for f in tmp_path.iterdir() if f.name.startswith("prefs.json.bad-")]
    assert len(aside) == 1 and aside[0].read_text() == text


@pytest.mark.parametrize(
    "field,value,expected",
    [
        ("theme", "purple", "system"),  # unknown theme -> default
        ("text_scale", 9, 1.0),  # not one of the steps
        ("stage", 7, 1),  # out of 1..5
        ("stage", True, 1),  # a bool is not a stage
        ("last_route", "nowhere", "/"),  # not a route: the router never even sees it
        ("last_route", 42, "/"),  # not text
        ("last_route", "/x" * 2000, "/"),  # far too long
        ("last_route", "/incident/../x", "/incident/../x"),  # kept; app.ui.router refuses it
        ("keep_awake", "yes", True),  # not a bool: the default (screen stays on)
        ("keep_awake", False, False),  # the officer's choice is kept
        ("stage", 4, 4),  # a good value is kept
        ("retention_days", 7, None),  # not an offered choice: never delete on a typo
        ("retention_days", 30.0, None),  # a float is not one of the day counts
        ("retention_days", True, None),  # a bool is not a day count
        ("retention_days", 90, 90),  # an offered choice is kept
        ("left_early", "1", None),  # not a list: worked out from the signs, as before
        ("left_early", [3, 1, 1, 9, True, "2"], [1, 3]),  # stage numbers only, once each
        ("tick_texts", ["a"], {}),  # not a mapping
        ("tick_texts", {"c/\udc00": "a\ud800"}, {"c/\ufffd": "a\ufffd"}),  # half a character
        ("tick_texts", {"c/i": 3, "c/j": "Call EMS."}, {"c/j": "Call EMS."}),  # text only
    ],
)
def test_odd_values_fall_back_field_by_field(tmp_path, field, value, expected):
    (tmp_path / P.FILE_NAME).write_text(json.dumps({field: value, "situation": "hostage"}))
    p, problem = P.load(tmp_path)
    assert getattr(p, field) == expected
    assert p.situation == "hostage" and problem is None
