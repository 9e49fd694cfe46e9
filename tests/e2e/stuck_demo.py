"""Run only by tests/e2e/test_stuck.py, in a pytest of its own (the name keeps it out of
the suite): a test whose page spins the first time, as the stuck renderer did."""

import os
from pathlib import Path


def test_spins_on_the_first_attempt_only(browser):
    page = browser.new_page()
    page.set_content("<p>a page</p>")
    tried = Path(os.environ["STAIRWAY_STUCK_DEMO"])
    attempts = int(tried.read_text()) + 1 if tried.exists() else 1
    tried.write_text(str(attempts))
    if attempts == 1 or os.environ.get("STAIRWAY_STUCK_DEMO_ALWAYS"):
        page.evaluate("() => { while (true) {} }")
    assert page.evaluate("() => 1 + 1") == 2
