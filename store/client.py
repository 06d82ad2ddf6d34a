"""The one place that builds Elasticsearch clients.

A 7.17 client talks to 7.10 nodes natively and to 8.x clusters in compatibility mode; the
mode must be chosen from the server's major version because a 7.10 node rejects the
compatibility headers with 406. Elasticsearch 9 is out of this client's reach.
"""

from __future__ import annotations

import base64
import json
import ssl
import urllib.request
from functools import lru_cache

from elasticsearch import Elasticsearch

from waspada.settings import ElasticsearchSettings, get_settings

COMPAT_ENV = "ELASTIC_CLIENT_APIVERSIONING"


class UnsupportedServer(RuntimeError):
    """The cluster's version cannot be served by this client."""


def _auth_header(es: ElasticsearchSettings) -> dict[str, str]:
    if es.api_key:
        return {"Authorization": f"ApiKey {es.api_key}"}
    if es.username:
        token = base64.b64encode(f"{es.username}:{es.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}
    return {}


def server_major_version(es: ElasticsearchSettings, timeout: float = 5.0) -> int | None:
    """Ask the first reachable host for its version without the client's product check."""
    context = None
    if any(h.startswith("https") for h in es.hosts):
        context = ssl.create_default_context(cafile=es.ca_certs or None)
        if not es.verify_certs:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
    for host in es.hosts:
        request = urllib.request.Request(host.rstrip("/") + "/", headers=_auth_header(es))
        try:
            with urllib.request.urlopen(request, timeout=timeout, context=context) as resp:
                return int(json.load(resp)["version"]["number"].split(".")[0])
        except (OSError, ValueError, KeyError):
            continue
    return None


def make_client(es: ElasticsearchSettings | None = None, *, opaque_id: str = "waspada",
                hosts: list[str] | None = None) -> Elasticsearch:
    """A client for the configured cluster (several hosts allowed), retrying on connection errors."""
    es = es or get_settings().es
    hosts = hosts or es.hosts
    if not hosts:
        raise RuntimeError("E020: no Elasticsearch URL; set ES_URL or start the local node (`waspada es start`)")
    kwargs: dict = {
        "request_timeout": es.request_timeout,
        "max_retries": es.max_retries,
        "retry_on_timeout": True,
        "opaque_id": opaque_id,
        "headers": {},
    }
    if es.api_key:
        kwargs["api_key"] = es.api_key
    elif es.username:
        kwargs["http_auth"] = (es.username, es.password)
    if es.ca_certs:
        kwargs["ca_certs"] = es.ca_certs
    if not es.verify_certs:
        kwargs["verify_certs"] = False
        kwargs["ssl_show_warn"] = False
    major = server_major_version(es.model_copy(update={"url": ",".join(hosts)}))
    if major is not None and major >= 9:
        raise UnsupportedServer(f"E021: Elasticsearch {major}.x is not supported; use 7.10–8.x")
    if major == 8:
        # the 7.17 client sends compatible-with=8 headers only when asked to
        kwargs["headers"].update({
            "Accept": "application/vnd.elasticsearch+json; compatible-with=8",
            "Content-Type": "application/vnd.elasticsearch+json; compatible-with=8",
        })
    return Elasticsearch(hosts, **kwargs)


@lru_cache
def get_client() -> Elasticsearch:
    """The cached client for the configured cluster (call `get_client.cache_clear()` in tests)."""
    return make_client()
