"""Fixtures of the web UI tests: one seeded index prefix and one real uvicorn server per module.

The session fixtures of tests/conftest.py give the real Elasticsearch; here a module-scoped prefix
(templates applied, removed afterwards) is seeded once (tests/api/web/seed.py) and the app is
served by uvicorn on a free 127.0.0.1 port in a thread, so the browser talks real HTTP.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from elasticsearch import Elasticsearch

from api.main import create_app
from store.indices import apply_templates, delete_prefixed
from tests.api.web.seed import seed
from waspada.settings import (ApiSettings, ElasticsearchSettings, PathSettings, ReferenceSettings, Settings,
                              get_settings)

SHARED_REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "data" / "id-wilayah-kemendagri"


@dataclass
class Site:
    """A running UI: its base URL, settings and seed (keys by role, articles)."""

    url: str
    settings: Settings
    data: dict


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def web_settings(es_url: str, prefix: str, home: Path) -> Settings:
    shared = str(SHARED_REFERENCE) if SHARED_REFERENCE.is_dir() else None
    reference = os.environ.get("WASPADA_REFERENCE_DATA") or shared
    return Settings(
        es=ElasticsearchSettings(url=es_url, index_prefix=prefix),
        paths=PathSettings(home=home),
        api=ApiSettings(session_secret="uji-" + uuid.uuid4().hex + uuid.uuid4().hex, rate_limit_per_minute=0),
        reference=ReferenceSettings(data=reference),
    )


@pytest.fixture(scope="module")
def web_seed(es_url: str, es_client: Elasticsearch, tmp_path_factory) -> Iterator[tuple[Settings, dict]]:
    """A fresh prefix with the web seed in it (shared by the tests of one module)."""
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    apply_templates(es_client, prefix=prefix, replicas=0)
    home = tmp_path_factory.mktemp("web-home")
    get_settings.cache_clear()
    settings = web_settings(es_url, prefix, home)
    data = seed(es_client, prefix, home / "spool")
    yield settings, data
    delete_prefixed(es_client, prefix)
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def site(web_seed) -> Iterator[Site]:
    """The app served by a real uvicorn server on 127.0.0.1."""
    settings, data = web_seed
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, name="web-ui-uvicorn", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start; see the log above")
        threading.Event().wait(0.05)
    yield Site(url=f"http://127.0.0.1:{port}", settings=settings, data=data)
    server.should_exit = True
    thread.join(timeout=10)
