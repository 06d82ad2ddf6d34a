"""A seeded day's digest: the right articles, in Indonesian, in both parts, delivered to a real SMTP server."""

from __future__ import annotations

import email
import smtplib
import socket
from datetime import date, datetime, timezone
from email import policy

import pytest
from aiosmtpd.controller import Controller

from alerts import digest as digests
from alerts.schedule import due_digests, send_due_digests
from store.articles import ArticleRepository
from store.subscribers import SubscriberRepository
from tests.alerts.conftest import make_article
from waspada.settings import SmtpSettings

DAY = date(2026, 11, 19)


class Inbox:
    """aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's hook name
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd does not report an ephemeral one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


def _seed(es_client, prefix, tmp_path):
    # WITA = UTC+8: 2026-11-19 local runs from 2026-11-18T16:00Z to 2026-11-19T16:00Z
    docs = [
        make_article("d1", "Warga Desa Long Bia blokade jalan perusahaan sawit", risk=72, regency="65.01",
                     published="2026-11-19T01:30:00Z", source="teraskaltara", cluster_id="lahan-1"),
        make_article("d2", "Blokade jalan sawit di Bulungan berlanjut", risk=70, regency="65.01",
                     published="2026-11-19T03:00:00Z", source="tribunkaltara", cluster_id="lahan-1"),
        make_article("d3", "Ketegangan batas desa di Malinau", categories=["boundary"], risk=40, regency="65.02",
                     published="2026-11-18T17:00:00Z"),  # 01:00 WITA on the 19th
        make_article("x1", "Sengketa lahan kemarin", risk=80, published="2026-11-18T15:00:00Z"),  # the 18th (WITA)
        make_article("x2", "Sengketa lahan di Nunukan", risk=80, regency="65.03", published="2026-11-19T02:00:00Z"),
        make_article("x3", "Peresmian jembatan", categories=[], stage="none", risk=2, published="2026-11-19T02:00:00Z"),
        make_article("x4", "Keluhan warga soal lahan", risk=10, published="2026-11-19T02:00:00Z"),  # below min risk
    ]
    with ArticleRepository(es_client, prefix).writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add_many(docs)
    return {d["title"]: d for d in docs}


SUBSCRIBER = {"id": "kesbang-bulungan", "name": "Bakesbangpol Bulungan", "email": "analis@kaltaraprov.example",
              "regions": ["65.01", "65.02"], "categories": ["resource", "boundary"], "min_risk": 30,
              "digest": True, "digest_time": "07:00", "active": True}


def test_digest_lists_the_days_articles_in_indonesian(es_client, index_prefix, tmp_path, settings):
    _seed(es_client, index_prefix, tmp_path)
    data = digests.build(es_client, index_prefix, settings.alerts, DAY, SUBSCRIBER)
    assert data["tanggal"] == "Kamis, 19 November 2026"
    assert [s["title"] for s in data["articles"]] == ["Warga Desa Long Bia blokade jalan perusahaan sawit",
                                                      "Ketegangan batas desa di Malinau"]
    assert data["articles"][0]["also"] == ["Tribunkaltara"]
    text = digests.render_text(data)
    html = digests.render_html(data)
    for part in (text, html):
        assert "Warga Desa Long Bia blokade jalan perusahaan sawit" in part
        assert "Ketegangan batas desa di Malinau" in part
        assert "Sengketa lahan" not in part and "Peresmian jembatan" not in part
        assert "Juga diberitakan oleh: Tribunkaltara" in part
        assert "Sumber daya alam &amp; lahan" in part or "Sumber daya alam & lahan" in part
        assert "Kabupaten Bulungan" in part and "Kamis, 19 November 2026" in part
    assert "pukul 09:30" in text  # 01:30Z in WITA
    assert '<html lang="id">' in html


def test_due_digest_arrives_at_the_smtp_server_once(es_client, index_prefix, tmp_path, settings, smtp_server):
    controller, inbox = smtp_server
    _seed(es_client, index_prefix, tmp_path)
    SubscriberRepository(es_client, index_prefix).put(SUBSCRIBER)
    settings.smtp = SmtpSettings(host="127.0.0.1", port=controller.port, starttls=False)
    before = datetime(2026, 11, 19, 22, 30, tzinfo=timezone.utc)  # 06:30 WITA on the 20th: not yet
    assert due_digests(es_client, settings, before) == []
    at_seven = datetime(2026, 11, 19, 23, 5, tzinfo=timezone.utc)  # 07:05 WITA
    due = due_digests(es_client, settings, at_seven)
    assert [(d.subscriber["id"], d.day) for d in due] == [("kesbang-bulungan", DAY)]
    assert send_due_digests(es_client, settings, at_seven) == 1
    assert send_due_digests(es_client, settings, at_seven) == 0  # sent once
    assert len(inbox.messages) == 1
    rcpt, raw = inbox.messages[0]
    assert rcpt == ["analis@kaltaraprov.example"]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "Ringkasan Waspada Kamis, 19 November 2026: 2 berita, 0 peringatan"
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for part in (plain, html):
        assert "Warga Desa Long Bia blokade jalan perusahaan sawit" in part
        assert "Ketegangan batas desa di Malinau" in part
        assert "Sengketa lahan di Nunukan" not in part
        assert "Ringkasan harian kewaspadaan dini konflik sosial" in part


# aiosmtpd warns when AUTH is allowed without TLS; the test server has no certificate, on purpose
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_smtp_authentication_is_used_when_configured():
    from aiosmtpd.smtp import AuthResult, LoginPassword

    from alerts.delivery import smtp

    def authenticator(server, session, envelope, mechanism, auth_data):
        given = (auth_data.login, auth_data.password) if isinstance(auth_data, LoginPassword) else None
        return AuthResult(success=given == (b"waspada", b"rahasia-123"))

    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # plain connection for the test (no certificate at hand); production uses STARTTLS
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=authenticator,
                            auth_required=True, auth_require_tls=False, auth_exclude_mechanism=["LOGIN"])
    controller.start()
    try:
        data = {"date": "2026-11-19", "tanggal": "Kamis, 19 November 2026", "timezone": "Asia/Makassar",
                "subscriber": None, "filters": {"regions": [], "categories": [], "min_risk": None},
                "total_articles": 0, "articles": [], "alerts": [], "public_url": "http://127.0.0.1:8000"}
        message = smtp.build_message(data, "analis@example.go.id", "Waspada <waspada@example.go.id>")
        good = SmtpSettings(host="127.0.0.1", port=port, starttls=False, username="waspada", password="rahasia-123")
        assert smtp.send([message], good) == 1
        anonymous = good.model_copy(update={"username": "", "password": ""})
        with pytest.raises(smtplib.SMTPSenderRefused):  # the server requires AUTH: 530 without it
            smtp.send([message], anonymous)
        assert len(inbox.messages) == 1
        assert "Tidak ada berita yang relevan" in email.message_from_bytes(inbox.messages[0][1], policy=policy.default) \
            .get_body(preferencelist=("plain",)).get_content()
    finally:
        controller.stop()
    with pytest.raises(smtp.SmtpNotConfigured, match="E080"):
        smtp.send([message], SmtpSettings(host=""))
