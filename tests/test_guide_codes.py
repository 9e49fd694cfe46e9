"""One registry of problem codes (app.guide.codes), documented in content/README.md.

Instructors read the README's tables; the app reads the registry. Both must name the
same codes with the same effect, and every registered code must be one the parser can
actually report.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.guide.codes import CODES
from tests.guide_helpers import REAL

ROW = re.compile(r"^\| `([a-z0-9-]+)` \| .* \| (file|item|warning) \| .* \|$")
GUIDE_SRC = Path(__file__).resolve().parent.parent / "app" / "guide"
I18N_SRC = GUIDE_SRC.parent / "i18n"  # labels.txt, a guide's own screen labels


def _documented() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in (REAL / "README.md").read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            assert m.group(1) not in rows, f"{m.group(1)} documented twice"
            rows[m.group(1)] = m.group(2)
    return rows


def test_every_code_is_documented_with_its_effect():
    assert _documented() == {c.code: c.severity for c in CODES.values()}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_reported_somewhere(code):
    # the literal appears in the parser outside the registry itself
    sources = [p for p in [*GUIDE_SRC.glob("*.py"), *I18N_SRC.glob("*.py")]
               if p.name != "codes.py"]
    assert any(f'"{code}"' in p.read_text(encoding="utf-8") for p in sources), code
