"""akhbar serve under load: median and p95 latency of the front page, a story page and a
search with 20 concurrent clients, beside the same pages rendered without the server.

    python benchmarks/web.py [--db STORE] [--archive FIRST LAST] [--clients 20]
                             [--requests 200] [--data PATH]

Without ``--db`` a store is built from the ANT articles of ``--archive`` (``akhbar ingest``
then ``akhbar update``). A real ``akhbar serve`` runs on a free local port; a bounded load
loop (``--clients`` threads, ``--requests`` requests per page in all) measures each
request's latency. The baseline renders the same pages in this process, one at a time,
through the same views and templates without HTTP (FastAPI's test client): what the page
costs before the server and the concurrency add theirs; and each page's template alone,
rendered from data read beforehand.

All of ANT: ``akhbar ingest ant.jsonl --db ant.db; akhbar update --db ant.db``, then
``python benchmarks/web.py --db ant.db``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from store import DEFAULT_DATA, _write_days  # noqa: E402

QUERY = "الاتفاق النووي"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _build(db: Path, data: Path, archive: tuple[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.jsonl"
        _write_days(data, archive[0], archive[1], path)
        akhbar = [sys.executable, "-m", "akhbar"]
        subprocess.run([*akhbar, "ingest", str(path), "--db", str(db)], check=True)
        subprocess.run([*akhbar, "update", "--db", str(db)], check=True)


def _percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


def _load(url: str, clients: int, requests: int) -> dict[str, float]:
    def one(_: int) -> float:
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
        return (time.perf_counter() - start) * 1000

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        times = list(pool.map(one, range(requests)))
    return _percentiles(times)


def _in_process(db: str, paths: list[str], repeat: int) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from akhbar.web import WebConfig, create_app

    client = TestClient(create_app(WebConfig(db=db)))
    out = {}
    for path in paths:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            assert client.get(path).status_code == 200
            times.append((time.perf_counter() - start) * 1000)
        out[path] = _percentiles(times)
    return out


def _templates_alone(db: str, paths: list[str], repeat: int) -> dict[str, dict[str, float]]:
    """Each page's template rendered from data read beforehand: the template time alone."""
    from akhbar.render.timeline import main_event_articles
    from akhbar.store import open_store
    from akhbar.web import WebConfig, create_app
    from akhbar.web.common import WEB_LINKS
    from akhbar.web.views import front_items, front_listing, story_document

    env = create_app(WebConfig(db=db)).state.templates.env
    with open_store(db, create=False, read_only=True) as store:
        listing = front_listing(store)
        doc = story_document(store, paths[1].rsplit("/", 1)[1])
        (story,) = doc["stories"]
        contexts = {
            paths[0]: (
                "front.html",
                {
                    "items": front_items(store, listing=listing),
                    "outlets": listing.outlets,
                    "since": "",
                    "until": "",
                    "outlet": "",
                    "disputed": False,
                },
            ),
            paths[1]: (
                "story_page.html",
                {
                    "story": story,
                    "main_of": main_event_articles(doc["articles"], story["id"]),
                    "articles": {a["id"]: a for a in doc["articles"]},
                },
            ),
            paths[2]: (
                "search.html",
                {"q": QUERY, "hits": store.search(QUERY, limit=50), "problem": ""},
            ),
        }
    out = {}
    for path, (name, context) in contexts.items():
        template = env.get_template(name)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            template.render(links=WEB_LINKS, **context)
            times.append((time.perf_counter() - start) * 1000)
        out[path] = _percentiles(times)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--archive", nargs=2, default=["2018-05-07", "2018-05-13"])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "web.db")
        if args.db is None:
            _build(Path(db), args.data, tuple(args.archive))
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "akhbar", "serve", "--db", db, "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/api/stories", timeout=5)
                    break
                except OSError:
                    time.sleep(0.2)
            stories = json.loads(urllib.request.urlopen(f"{base}/api/stories").read())
            paths = ["/", f"/stories/{stories[0]['id']}", "/search?q=" + urllib.parse.quote(QUERY)]
            served = {path: _load(base + path, args.clients, args.requests) for path in paths}
        finally:
            server.terminate()
            server.wait(timeout=10)
        alone = _in_process(db, paths, max(5, args.requests // 20))
        templates = _templates_alone(db, paths, max(5, args.requests // 20))
    result = {
        "archive": args.archive if args.db is None else None,
        "clients": args.clients,
        "requests_per_page": args.requests,
        "served": served,
        "rendered_in_process": alone,
        "templates_alone": templates,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
