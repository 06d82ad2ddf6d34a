"""Delivery of alerts: email digests over SMTP, signed webhooks."""
