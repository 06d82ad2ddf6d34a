"""Shared fixtures: a real Elasticsearch node for the whole session and per-test index prefixes.

When ES_URL is set the suite runs against that cluster (a user's 8.x cluster works too);
otherwise one local node is started under var/test-elasticsearch and stopped at the end.
Every test that writes gets its own index prefix, so tests never see each other's documents.
"""

from __future__ import annotations

import gc
import os
import sys
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from store.client import make_client
from store.indices import apply_templates, delete_prefixed
from waspada.es.node import start_node, stop_node
from waspada.localredis import RedisServer
from waspada.settings import ElasticsearchSettings, PathSettings, Settings, get_settings

ROOT = Path(__file__).resolve().parent.parent
TEST_ES_HOME = ROOT / "var" / "test-elasticsearch"


@pytest.fixture(scope="session")
def es_url() -> Iterator[str]:
    """The URL of a real Elasticsearch: ES_URL, or a local node started for this session."""
    url = os.environ.get("ES_URL", "").strip()
    if url:
        yield url
        return
    info = start_node(TEST_ES_HOME / "node", ROOT / "var" / "jars", base_port=9270, heap="1g",
                      cluster_name=f"waspada-test-{uuid.uuid4().hex[:6]}")
    os.environ["ES_URL"] = info.url
    yield info.url
    stop_node(TEST_ES_HOME / "node")


@pytest.fixture(scope="session")
def es_client(es_url: str) -> Elasticsearch:
    return make_client(ElasticsearchSettings(url=es_url), opaque_id="waspada-tests")


@pytest.fixture
def index_prefix(es_client: Elasticsearch) -> Iterator[str]:
    """A unique prefix with every template applied under it; removed after the test."""
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    apply_templates(es_client, prefix=prefix, replicas=0)
    yield prefix
    delete_prefixed(es_client, prefix)


@pytest.fixture
def settings(es_url: str, index_prefix: str, tmp_path: Path) -> Iterator[Settings]:
    """Settings pointing at the test cluster, the test's prefix and a private state folder."""
    get_settings.cache_clear()
    yield Settings(
        es=ElasticsearchSettings(url=es_url, index_prefix=index_prefix),
        paths=PathSettings(home=tmp_path / "var"),
    )
    get_settings.cache_clear()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A real redis-server of the test's own (AOF on, fsync always), killed at the end."""
    server = RedisServer(tmp_path / "redis")
    server.directory.mkdir()
    server.start()
    yield server
    server.kill()
    # Redis clients the test left open now hold sockets to a killed server. Collect them here, so
    # their ResourceWarning stays with this deliberate kill instead of failing pytest's exit.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def pytest_unconfigure(config) -> None:
    """Name the child processes the suite leaves running (a leaked server or crawler), so the
    "subprocess ... is still running" warning at exit points at its origin in the CI log."""
    me = os.getpid()
    leftovers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
            if int(ppid) != me or state == "Z":
                continue
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            leftovers.append(f"{stat.parent.name}: {cmd[:200]}")
        except (OSError, ValueError):
            continue
    if leftovers:
        sys.stderr.write("child processes still running after the tests:\n  " + "\n  ".join(leftovers) + "\n")
