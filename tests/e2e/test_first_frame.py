"""The app reaches its first frame offline: every request stays on 127.0.0.1."""

from tests.e2e.conftest import RIVE_CDN, shot


def test_first_frame_only_local_requests(app_page):
    net = app_page.net
    shot(app_page, "first-frame")
    # The page did load things, all from our server...
    assert any("canvaskit" in u for u in net.requests), net.requests
    # ...and the only request that tried to leave is the known Rive script.
    assert net.unexpected() == [], net.unexpected()
    assert all(RIVE_CDN in u for u in net.blocked)
