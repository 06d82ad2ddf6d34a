"""`waspada digest --date D [--send]` and `waspada alerts feedback` against the real node and SMTP server."""

from __future__ import annotations

import email
from email import policy

from typer.testing import CliRunner

from store.subscribers import SubscriberRepository
from tests.alerts.test_digest import SUBSCRIBER, _seed, smtp_server  # noqa: F401 — the fixture is reused
from waspada.cli import app
from waspada.settings import get_settings


def test_digest_command_prints_and_sends(es_client, index_prefix, es_url, tmp_path, monkeypatch,
                                         smtp_server):  # noqa: F811 — the imported fixture
    controller, inbox = smtp_server
    _seed(es_client, index_prefix, tmp_path)
    SubscriberRepository(es_client, index_prefix).put(SUBSCRIBER)
    for name, value in {"ES_URL": es_url, "ES_INDEX_PREFIX": index_prefix, "WASPADA_HOME": str(tmp_path / "home"),
                        "WASPADA_SMTP_HOST": "127.0.0.1", "WASPADA_SMTP_PORT": str(controller.port),
                        "WASPADA_SMTP_STARTTLS": "false"}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        printed = runner.invoke(app, ["digest", "--date", "2026-11-19"])
        assert printed.exit_code == 0, printed.output
        assert "Ringkasan Waspada Kamis, 19 November 2026: 2 berita" in printed.stdout
        assert "Warga Desa Long Bia blokade jalan perusahaan sawit" in printed.stdout
        assert inbox.messages == []
        sent = runner.invoke(app, ["digest", "--date", "2026-11-19", "--send"])
        assert sent.exit_code == 0, sent.output
        assert len(inbox.messages) == 1
        message = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
        assert "Ketegangan batas desa di Malinau" in message.get_body(preferencelist=("plain",)).get_content()
        bad = runner.invoke(app, ["digest", "--date", "19/11/2026"])
        assert bad.exit_code == 2 and "E088" in bad.output
        exported = runner.invoke(app, ["alerts", "feedback", "--out", str(tmp_path / "fb.jsonl")])
        assert exported.exit_code == 0 and (tmp_path / "fb.jsonl").read_text() == ""
    finally:
        get_settings.cache_clear()
