"""End to end: `waspada run --demo` crawls the demo outlets, enriches, alerts and serves; SIGTERM and restart lose nothing.

The service runs as a real subprocess against the session's Elasticsearch (under this test's
index prefix), with its own WASPADA_HOME, demo outlets on free ports and the API on a free port.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from waspada.demo.scenario import default_scenario
from waspada.localredis import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


class Service:
    """One `waspada run --demo` subprocess and what it writes."""

    def __init__(self, env: dict[str, str], home: Path, port: int):
        self.env, self.home, self.port = env, home, port
        self.proc: subprocess.Popen | None = None
        self.log = home / "run.log"

    def start(self, *extra: str) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        (self.home / "status.json").unlink(missing_ok=True)  # job counts of this start only
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "waspada.cli", "run", "--demo", "--log-format", "text",
                                          "--port", str(self.port), *extra],
                                         cwd=ROOT, env=self.env, stdout=out, stderr=out)

    def jobs(self) -> dict:
        try:
            return json.loads((self.home / "status.json").read_text())["jobs"]
        except (OSError, ValueError, KeyError):
            return {}

    def wait_for(self, predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"service exited while waiting for {what}:\n{self.log.read_text()[-4000:]}"
            if predicate():
                return
            time.sleep(0.5)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log.read_text()[-4000:]}")

    def crawl_runs(self) -> int:
        return self.jobs().get("crawl", {}).get("runs", 0)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(150)

    def api(self) -> httpx.Client:
        key = (self.home / "demo" / "admin.key").read_text().strip()
        return httpx.Client(base_url=f"http://127.0.0.1:{self.port}", headers={"X-API-Key": key}, timeout=30)


def _articles(client: httpx.Client) -> list[dict]:
    found = client.get("/exports/articles", params={"format": "ndjson"})
    assert found.status_code == 200, found.text
    return [json.loads(line) for line in found.text.splitlines() if line.strip()]


@pytest.fixture
def service(es_url, index_prefix, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WASPADA_", "ES_"))}
    env.update({"ES_URL": es_url, "ES_INDEX_PREFIX": index_prefix, "WASPADA_HOME": str(tmp_path / "var"),
                "WASPADA_DEMO_PORT": "0", "WASPADA_DEMO_CRAWL_INTERVAL": "5", "PYTHONPATH": str(ROOT),
                "WASPADA_REFERENCE_DATA": os.environ.get("WASPADA_REFERENCE_DATA",
                                                         str(ROOT.parent / "shared/data/id-wilayah-kemendagri"))})
    svc = Service(env, tmp_path / "var", free_port())
    yield svc
    if svc.proc and svc.proc.poll() is None:
        svc.proc.kill()
        svc.proc.wait()


def test_demo_service_end_to_end_and_restart(service, request):
    scenario = default_scenario()
    past = [item for item in scenario.items if item.day < 0]
    service.start("--fresh")
    service.wait_for(lambda: service.crawl_runs() >= 1, 300, "the first crawl cycle")
    api = service.api()
    request.addfinalizer(api.close)
    assert api.get("/health").json()["status"] == "ok"

    docs = _articles(api)
    by_title = Counter(d["title"] for d in docs)
    missing = [item.title for item in scenario.articles if item.day < 0 and by_title[item.title] == 0]
    assert not missing, f"not indexed: {missing}"
    assert len(docs) >= len(past)
    # every item's places resolve into the expected kabupaten/kota (Kemendagri codes)
    expected = {a.title: a.expected for a in scenario.articles}
    for doc in docs:
        if doc["title"] in expected:
            regency = expected[doc["title"]].place[:5]
            assert regency in doc.get("region_codes", []), (doc["title"], doc.get("region_codes"))
    blockade = next(a for a in scenario.articles if a.day < 0 and a.expected.stage == "incident"
                    and "resource" in a.expected.categories)
    indexed = next(d for d in docs if d["title"] == blockade.title)
    assert indexed["conflict"]["stage"] == "incident" and "resource" in indexed["conflict"]["categories"]
    assert indexed["risk"]["band"] in {"Rawan", "Sangat Rawan"}

    alerts = api.get("/alerts", params={"size": 100}).json()
    rules = {a.get("rule_id") for a in alerts["alerts"]}
    assert "demo-rule-lahan-nunukan" in rules, alerts
    day = indexed["published"][:10]  # local (WITA) date of the blockade
    digest = api.get(f"/digests/{day}.json")
    assert digest.status_code == 200
    assert blockade.title in json.dumps(digest.json(), ensure_ascii=False)
    assert "Rawan" in api.get(f"/digests/{day}").text

    # SIGTERM in the middle of a crawl, then start again: nothing missing, nothing doubled
    runs = service.crawl_runs()
    service.wait_for(lambda: service.jobs().get("crawl", {}).get("running") and service.crawl_runs() == runs,
                     120, "a crawl in progress")
    assert service.stop() == 0
    before = {d["id"] for d in docs}
    service.start()
    service.wait_for(lambda: service.crawl_runs() >= 1, 300, "the first crawl after the restart")
    with service.api() as api_again:
        after = _articles(api_again)
    ids = Counter(d["id"] for d in after)
    assert before <= set(ids), "articles lost across the restart"
    assert max(ids.values()) == 1
    titles = Counter((d["source"], d["title"]) for d in after)
    assert max(titles.values()) == 1, [t for t, n in titles.items() if n > 1]
    assert service.stop() == 0
