"""Identity of an article: canonical URL, document id, content hash and MinHash bands.

One story reaches us under many URLs (tracking parameters, www/m. hosts, AMP variants, /?p=ID
and /slug) and, syndicated, under many outlets. The canonical URL gives the document id (so
re-indexing is idempotent), the content hash catches exact copies, and MinHash bands (stored in
the index as `minhash_bands`) let syndicated near-copies share one `cluster_id` across runs.
"""

from __future__ import annotations

import hashlib
import re
import struct
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from datasketch import MinHash

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|"
    r"src|share|amp|amp_js_v|usqp|outputType|from|cmpid|s_cid|__twitter_impression|_hsenc|_hsmi|page_from)$",
    re.I,
)
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5


def canonical_url(url: str) -> str:
    """One spelling per article: https, no www/m./amp host, no AMP path, no tracking params."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)
    netloc = host
    if parts.port and parts.port not in (80, 443):
        netloc = f"{host}:{parts.port}"
    path = re.sub(r"/+", "/", parts.path or "/")
    path = re.sub(r"(?:/amp)+/?$", "/", path)
    path = re.sub(r"^/amp/", "/", path)
    path = re.sub(r"\.amp(\.html?)?$", r"\1", path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    query.sort()
    # a real outlet is normalised to https; a local fixture or mirror keeps its scheme
    scheme = parts.scheme if host in ("127.0.0.1", "localhost") or parts.port else "https"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def doc_id(url: str) -> str:
    """The document id: sha1 of the canonical URL (a trailing slash does not make another article)."""
    key = canonical_url(url)
    if key.count("/") > 3:
        key = key.rstrip("/")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", (text or "").lower())).strip()


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash:
    words = normalise_text(text).split()
    signature = MinHash(num_perm=NUM_PERM)
    if len(words) < SHINGLE:
        shingles = {" ".join(words)} if words else set()
    else:
        shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature


def bands(signature: MinHash) -> list[str]:
    """LSH band keys ("band:hash"); two texts sharing many bands are near-duplicates."""
    keys = []
    for band in range(BANDS):
        rows = signature.hashvalues[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.sha1(struct.pack(f"<{ROWS}Q", *(int(v) for v in rows))).hexdigest()[:16]
        keys.append(f"{band:02d}:{digest}")
    return keys


def band_similarity(a: list[str], b: list[str]) -> float:
    """Share of LSH bands two documents have in common (estimates their Jaccard similarity)."""
    if not a or not b:
        return 0.0
    return len(set(a) & set(b)) / BANDS
