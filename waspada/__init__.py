"""Waspada: early warning of social conflict from Indonesian regional news and social posts.

This package is the composition root: settings, the command line and the orchestration of a
run. Each stage lives in its own top-level package: crawlers → nlp → store → alerts → api.
"""

__version__ = "0.1.0"
