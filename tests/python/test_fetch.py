"""`ik.io.fetch_pxweb` and `ik.io.fetch_kolada` against a real HTTP server on
the loopback address replaying answers written to the APIs' descriptions
(tests/data/io): no outside network."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import indikator as ik

DATA = Path(__file__).resolve().parents[1] / "data" / "io"


class Replay(BaseHTTPRequestHandler):
    """Answers by path; records what was asked."""

    routes: dict = {}
    asked: list = []

    def _answer(self, body: bytes | None) -> None:
        self.asked.append((self.command, self.path, body))
        route = self.routes.get(self.path)
        if callable(route):
            route = route()
        status, data = route if route is not None else (404, b"not found")
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer(None)

    def do_POST(self) -> None:
        self._answer(self.rfile.read(int(self.headers["Content-Length"])))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    Replay.routes, Replay.asked = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_pxweb_table_posted_with_its_query_as_px_and_as_json_stat(server, tmp_path):
    Replay.routes["/v1/BE0101N1"] = (200, (DATA / "folkmangd.px").read_bytes())
    Replay.routes["/v2/tables/TAB638/data"] = (200, (DATA / "folkmangd.json").read_bytes())
    query = {"query": [], "response": {"format": "px"}}
    px = ik.io.fetch_pxweb(f"{server}/v1/BE0101N1", query, save=tmp_path / "folk.px", backoff=0)
    assert Replay.asked[0][:2] == ("POST", "/v1/BE0101N1") and json.loads(Replay.asked[0][2]) == query
    assert px.meta["encoding"] == "windows-1252"
    assert ik.io.read_px(tmp_path / "folk.px").frame.equals(px.frame)
    js = ik.io.fetch_pxweb(f"{server}/v2/tables/TAB638/data")
    assert Replay.asked[1][0] == "GET" and js.meta["format"] == "JSON-stat"
    order = ["year", "kommun", "sex", "age", "population"]
    assert js.harmonise("population").select(order).sort(order).equals(
        px.harmonise("population").select(order).sort(order)
    )


def test_kolada_pages_are_followed_and_saved_as_one_file(server, tmp_path):
    pages = json.loads((DATA / "kolada-pages.json").read_text(encoding="utf-8"))
    first = "/v2/data/kpi/N99001/year/2022,2023"
    pages[0]["next_page"] = f"{server}/page2"
    Replay.routes[first] = (200, json.dumps(pages[0]).encode())
    Replay.routes["/page2"] = (200, json.dumps(pages[1]).encode())
    got = ik.io.fetch_kolada("N99001", [2022, 2023], api=f"{server}/v2", save=tmp_path / "k.json", backoff=0)
    assert [p for _, p, _ in Replay.asked] == [first, "/page2"]
    whole = ik.io.read_kolada(DATA / "kolada-suicid.json")
    assert got.sort(got.columns).equals(whole.sort(whole.columns))
    again = ik.io.read_kolada(tmp_path / "k.json")
    assert again.sort(again.columns).equals(got.sort(got.columns))


def test_retries_after_503_and_none_after_404(server):
    answers = iter([(503, b"busy"), (200, (DATA / "folkmangd.px").read_bytes())])
    Replay.routes["/busy"] = lambda: next(answers)
    assert ik.io.fetch_pxweb(f"{server}/busy", backoff=0).frame.height > 0
    assert len(Replay.asked) == 2
    with pytest.raises(ik.io.FetchError, match=r"could not fetch .*/gone: the server answered 404: not found$"):
        ik.io.fetch_pxweb(f"{server}/gone", backoff=0)
    assert len(Replay.asked) == 3


def test_no_server_is_a_clear_error_after_the_retries():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/t"
    with pytest.raises(ik.io.FetchError) as info:
        ik.io.fetch_pxweb(url, retries=1, backoff=0, timeout=5)
    message = str(info.value)
    assert message.startswith(f"could not fetch {url}: the network or the server cannot be reached")
    assert message.endswith("gave up after 2 tries")
    assert isinstance(info.value, ik.IndikatorError)


def test_bad_arguments():
    with pytest.raises(ik.ArgumentError, match="http:// or https://"):
        ik.io.fetch_pxweb("file:///etc/passwd")
    with pytest.raises(ik.ArgumentError, match="at least one KPI and one year"):
        ik.io.fetch_kolada([], [2024])
