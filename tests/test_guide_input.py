"""What an instructor may paste into a guide file that the check once mishandled.

Each row is input a QA pass found: a check that took minutes, a character or a block the
app dropped or showed while `check` said "no problems", a message that told the wrong
story. The check must answer each with `path:line: message`, fast and true.
"""

from __future__ import annotations

import pytest

from app.guide.items import ItemIds


class _CountingSet(set):
    """A set that counts how often it is asked whether it holds an id."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        type(self).probes += 1
        return super().__contains__(item)


# ---- item ids: linear in the number of repeats ---------------------------------------


@pytest.mark.parametrize(
    "texts, ids",
    [
        # a text once: its slug
        (["Keep calm"], ["keep-calm"]),
        # repeats get -2, -3
        (["x", "x", "x"], ["x", "x-2", "x-3"]),
        # an id another text already took is skipped, as before
        (["x 2", "x", "x", "x"], ["x-2", "x", "x-3", "x-4"]),
        # a repeat's id as a base of its own gets its own suffixes
        (["x", "x", "x 2", "x 2"], ["x", "x-2", "x-2-2", "x-2-3"]),
        # a text of marks only: "item"
        (["!!", "??"], ["item", "item-2"]),
    ],
)
def test_item_ids_are_what_they_always_were(texts, ids):
    made = ItemIds()
    assert [made.make(t) for t in texts] == ids


def test_twenty_thousand_identical_items_take_one_probe_each():
    made = ItemIds()
    made.used = _CountingSet()
    _CountingSet.probes = 0
    n = 20_000
    got = [made.make("x") for _ in range(n)]
    assert got == ["x"] + [f"x-{k}" for k in range(2, n + 1)]
    # one look at the base and one at the suffix tried: 2 per item, never n*n/2
    assert _CountingSet.probes <= 2 * n
