"""Alerts: saved-search rules (percolator), volume spikes, silent sources, story grouping, lifecycle,
digests and delivery (SMTP, webhooks, feeds)."""
