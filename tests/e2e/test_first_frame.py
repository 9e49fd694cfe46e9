"""The app reaches its first frame offline: every request stays on 127.0.0.1."""

import time

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import RIVE_CDN, client_report, open_app, see, shot, start_server, stop


def test_first_frame_only_local_requests(app_page):
    net = app_page.net
    shot(app_page, "first-frame")
    # The page did load things, all from our server...
    assert any("canvaskit" in u for u in net.requests), net.requests
    # ...and the only request that tried to leave is the known Rive script.
    assert net.unexpected() == [], net.unexpected()
    assert all(RIVE_CDN in u for u in net.blocked)


def test_a_test_that_gives_up_says_what_the_client_was_doing(browser, tmp_path):
    """A stuck screen fails with the client's state: frames running or not, visibility,
    and what the page reported (here, the server going away closes its socket)."""
    proc, url, _ = start_server(tmp_path / "data")
    page = open_app(browser, url)
    try:
        with pytest.raises(AssertionError, match="client: frames run; visibility visible"):
            see(page, "a line that is on no screen", timeout=500)
        stop(proc)
        deadline = time.monotonic() + 15
        while "socket closed" not in client_report(page) and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        assert "socket closed: ws://127.0.0.1" in client_report(page)
    finally:
        page.context.close()
        stop(proc)


def test_no_white_flash_at_night_while_the_app_loads(browser, tmp_path):
    """A dark phone with the night theme saved: from the first byte to the settled screen,
    no frame is bright (the bare page behind the client's first frame was white)."""
    import io
    import json

    from PIL import Image, ImageStat

    data = tmp_path / "data"
    data.mkdir()
    (data / "prefs.json").write_text(json.dumps({"theme": "dark"}), encoding="utf-8")
    proc, url, _ = start_server(data)
    ctx = browser.new_context(viewport={"width": 360, "height": 640}, color_scheme="dark")
    ctx.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    try:
        page = ctx.new_page()
        page.goto(url, wait_until="commit")
        means, missed = [], 0
        for _ in range(40):  # about 6 s: the loading screen, the bare page, the app
            try:
                png = page.screenshot()
            except PlaywrightError as e:  # mid-commit Chromium may have no frame to give
                assert "Unable to capture screenshot" in str(e), e  # (CI at f0bf06b)
                missed += 1
                page.wait_for_timeout(50)
                continue
            means.append(ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).mean[0])
            page.wait_for_timeout(50)
        assert missed <= 5 and len(means) >= 35, (missed, len(means))  # still looked at
        assert max(means) < 128, [round(m) for m in means]
        assert page.locator("#loading").count() == 0  # it did load within the frames looked at
    finally:
        ctx.close()
        stop(proc)
