"""Both themes meet WCAG AA for every text/background pair the views use."""

from __future__ import annotations

import pytest

from app.ui import theme


@pytest.mark.parametrize("name,colors", [("light", theme.LIGHT), ("night", theme.NIGHT)])
@pytest.mark.parametrize("fg,bg", theme.TEXT_PAIRS)
def test_text_pairs_reach_aa(name, colors, fg, bg):
    assert theme.contrast(colors[fg], colors[bg]) >= 4.5, (name, fg, bg)


@pytest.mark.parametrize(
    "fg,bg,expected",
    [
        ("#000000", "#FFFFFF", 21.0),  # the extremes
        ("#777777", "#FFFFFF", 4.48),  # the classic just-fails-AA grey
        ("#FFFFFF", "#FFFFFF", 1.0),  # no contrast
    ],
)
def test_contrast_formula(fg, bg, expected):
    assert theme.contrast(fg, bg) == pytest.approx(expected, abs=0.01)


def test_night_has_no_pure_white_and_a_dark_background():
    assert "#FFFFFF" not in {v.upper() for v in theme.NIGHT.values()}
    assert theme.contrast(theme.NIGHT["surface"], "#000000") < 1.2
