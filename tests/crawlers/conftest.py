"""Crawler test fixtures: the fixture sites on 127.0.0.1 and crawls run as subprocesses.

Scrapy's Twisted reactor cannot restart inside one process, so every crawl is a real
`python -m waspada.cli crawl` (or `scrapy crawl`) subprocess against the fixture servers and the
session's Elasticsearch, under the test's own index prefix and WASPADA_HOME.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.crawlers.fixtures.serve import fixture_web, write_sources

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def web(tmp_path: Path):
    """Fixture sites and a sources file pointing at them."""
    with fixture_web() as (servers, teras, sources):
        path = write_sources(sources, tmp_path / "sources.yaml")
        yield servers, teras, path


@dataclass
class Crawl:
    """A finished crawl subprocess."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def crawl_env(es_url: str, index_prefix: str, tmp_path: Path, web) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WASPADA_", "ES_"))}
    env.update({
        "ES_URL": es_url, "ES_INDEX_PREFIX": index_prefix, "WASPADA_HOME": str(tmp_path / "var"),
        "WASPADA_CRAWL_SOURCES_FILE": str(web[2]), "WASPADA_CRAWL_ENRICH": "false",
        "WASPADA_CRAWL_RETRY_BACKOFF": "0.05", "WASPADA_CRAWL_DOWNLOAD_DELAY": "0", "PYTHONPATH": str(ROOT),
    })
    return env


def run_crawl(env: dict[str, str], *args: str, timeout: float = 120) -> Crawl:
    """`waspada crawl ARGS` in a subprocess; returns its output."""
    done = subprocess.run([sys.executable, "-m", "waspada.cli", "crawl", *args, "--log-level", "INFO"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    return Crawl(done.returncode, done.stdout, done.stderr)
