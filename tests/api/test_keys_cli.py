"""`waspada keys create|list|revoke` against a real node."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.main import create_app
from waspada.cli import app
from waspada.settings import get_settings


def test_keys_cli_create_list_revoke(settings, monkeypatch):
    monkeypatch.setenv("ES_URL", settings.es.url)
    monkeypatch.setenv("ES_INDEX_PREFIX", settings.es.index_prefix)
    get_settings.cache_clear()
    runner = CliRunner()
    created = runner.invoke(app, ["keys", "create", "bakesbangpol analyst", "--role", "analyst"])
    assert created.exit_code == 0, created.output
    key = re.search(r"key: (wsp_\S+)", created.output).group(1)
    key_id = re.search(r"id: (\S+)", created.output).group(1)
    listed = runner.invoke(app, ["keys", "list"])
    assert key_id in listed.output and "analyst" in listed.output and key not in listed.output
    client = TestClient(create_app(settings), headers={"X-API-Key": key})
    assert client.get("/sources/health").status_code == 200
    assert runner.invoke(app, ["keys", "revoke", key_id]).exit_code == 0
    assert TestClient(create_app(settings), headers={"X-API-Key": key}).get("/sources/health").status_code == 401
    assert key_id not in runner.invoke(app, ["keys", "list"]).output
    bad = runner.invoke(app, ["keys", "create", "x", "--role", "root"])
    assert bad.exit_code == 2 and "E050" in bad.output
    get_settings.cache_clear()
