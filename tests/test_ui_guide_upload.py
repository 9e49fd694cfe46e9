"""A browser's upload of a guide pack lands only in the data folder's uploads/, only
through a URL this server signed, and only up to the largest pack the store accepts."""

from __future__ import annotations

import httpx
import pytest
from flet_web.uploads import build_upload_url

from app import paths
from app.packs.archive import DEFAULT_LIMITS
from app.ui.serve import asgi_app
from tests.packs_helpers import snapshot
from tests.ui_harness import CONTENT

SECRET = "test-secret"


@pytest.fixture
def server(tmp_path):
    data = tmp_path / "data"
    app = asgi_app(CONTENT, data, secret_key=SECRET)
    yield httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t"), data
    app.state.hub and app.state.hub.stop()


def signed(name: str, secret: str = SECRET) -> str:
    return build_upload_url("upload", name, 60, secret)


async def test_a_signed_upload_lands_in_the_uploads_folder(server):
    client, data = server
    r = await client.put(signed("abc.stairway"), content=b"PK pack bytes")
    assert r.status_code == 200, r.text
    assert (paths.uploads_dir(data) / "abc.stairway").read_bytes() == b"PK pack bytes"


# Each URL is made when its test runs: a signature lasts 60 s, and one made at collection
# had expired (410 Gone, before the name is looked at) when a slow full run reached it.
@pytest.mark.parametrize("url, status", [
    # no signature at all
    (lambda: "/upload?f=x.stairway&e=2099-01-01T00:00:00%2B00:00", 400),
    # signed with a key this server did not make
    (lambda: signed("x.stairway", "someone-else"), 403),
    # signed, but the name climbs out of the uploads folder
    (lambda: signed("../../escape.stairway"), 400),
    # signed, an absolute name
    (lambda: signed("/tmp/escape.stairway"), 400),
], ids=["unsigned", "foreign-key", "climbs-out", "absolute"])
async def test_other_uploads_are_refused_and_write_nothing(server, tmp_path, url, status):
    client, data = server
    before = snapshot(tmp_path)
    r = await client.put(url(), content=b"x")
    assert r.status_code == status, r.text
    assert snapshot(tmp_path) == before


async def test_an_upload_larger_than_a_pack_is_refused(server):
    client, data = server
    r = await client.put(signed("big.stairway"), content=b"x" * (DEFAULT_LIMITS.max_pack_bytes + 1))
    assert r.status_code == 413


def test_uploads_left_by_an_earlier_run_are_swept_at_start(tmp_path):
    from app.ui.state.hub import GuideHub

    left = paths.uploads_dir(tmp_path / "data") / "half.stairway"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"PK half")
    GuideHub(CONTENT, tmp_path / "data")
    assert not left.exists()
