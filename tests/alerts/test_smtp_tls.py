"""Digests over STARTTLS with authentication, against a real aiosmtpd server with its own certificate."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import socket
import ssl
from email import policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from alerts.delivery import smtp
from waspada.settings import SmtpSettings


def _self_signed(folder):
    """A certificate for 127.0.0.1, written as cert.pem (also the CA bundle) and key.pem."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "waspada-test-smtp")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[bool, bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's hook name
        self.messages.append((session.ssl is not None, envelope.original_content or envelope.content))
        return "250 OK"


def test_digest_is_sent_over_starttls_with_login(tmp_path):
    cert, key = _self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        given = (auth_data.login, auth_data.password) if isinstance(auth_data, LoginPassword) else None
        seen.append((mechanism, session.ssl is not None))
        return AuthResult(success=given == (b"waspada", b"rahasia-123"))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=server_tls, require_starttls=True,
                            authenticator=authenticator, auth_required=True)
    controller.start()
    try:
        data = {"date": "2026-11-19", "tanggal": "Kamis, 19 November 2026", "timezone": "Asia/Makassar",
                "subscriber": None, "filters": {"regions": [], "categories": [], "min_risk": None},
                "total_articles": 0, "articles": [], "alerts": [], "public_url": "http://127.0.0.1:8000"}
        message = smtp.build_message(data, "analis@example.go.id", "Waspada <waspada@example.go.id>")
        settings = SmtpSettings(host="127.0.0.1", port=port, starttls=True, username="waspada",
                                password="rahasia-123", ca_certs=str(cert))
        assert smtp.send([message], settings) == 1
    finally:
        controller.stop()
    assert seen == [("PLAIN", True)]  # credentials only after the upgrade
    encrypted, raw = inbox.messages[0]
    assert encrypted
    received = email.message_from_bytes(raw, policy=policy.default)
    assert received["Subject"] == "Ringkasan Waspada Kamis, 19 November 2026: 0 berita, 0 peringatan"
