"""Decode page bytes correctly even when the declared charset is wrong.

Regional sites serve windows-1252 or iso-8859-1 pages, or declare utf-8 for bytes that are not.
Strict UTF-8 is tried first (it almost never succeeds by accident); then the declared charset;
then windows-1252, the superset browsers use for latin-1 labels.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
_LATIN1_LABELS = {"iso-8859-1", "latin-1", "latin1", "iso8859-1", "us-ascii", "ascii", "cp1252", "windows-1252"}


def _lookup(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    if name in _LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    if content_type:
        match = re.search(r"charset=([A-Za-z0-9_\-]+)", content_type, re.I)
        if match:
            return match.group(1)
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """The page as text; never raises."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _lookup(declared_charset(body, content_type))
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return body.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        return body.decode("latin-1")
