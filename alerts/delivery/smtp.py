"""Email digests over SMTP: one multipart/alternative message (plain text + HTML) per subscriber.

STARTTLS, implicit TLS and authentication follow `SmtpSettings` (`WASPADA_SMTP_*`).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from alerts.digest import render_html, render_text, subject
from waspada.settings import SmtpSettings


class SmtpNotConfigured(RuntimeError):
    """No SMTP host: digests can be viewed on the web but not emailed."""


def build_message(digest: dict, to: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject(digest)
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="waspada")
    message["Content-Language"] = "id"
    message.set_content(render_text(digest), charset="utf-8")
    message.add_alternative(render_html(digest), subtype="html", charset="utf-8")
    return message


def send(messages: list[EmailMessage], settings: SmtpSettings) -> int:
    """Send messages over one connection; returns how many were accepted."""
    if not settings.host:
        raise SmtpNotConfigured("E080: WASPADA_SMTP_HOST is empty; set it to email digests (see README)")
    if not messages:
        return 0
    context = ssl.create_default_context(cafile=settings.ca_certs or None)
    if settings.ssl:
        connection: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                    context=context)
    else:
        connection = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with connection as smtp:
        smtp.ehlo()
        if settings.starttls and not settings.ssl:
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.username:
            smtp.login(settings.username, settings.password)
        for message in messages:
            smtp.send_message(message)
    return len(messages)
