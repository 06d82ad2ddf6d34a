"""Access: the role × endpoint matrix (401/403/2xx), the three ways to send a key, revocation, rate limits."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.main import create_app
from store.crawl_state import record_run
from store.keys import KeyStore
from waspada.settings import ApiSettings

PUBLIC = {"/health", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}

# (method, path, lowest role, request kwargs)
MATRIX = [
    ("GET", "/articles/search", "consumer", {"params": {"q": "tawuran"}}),
    ("GET", "/articles/a1", "consumer", {}),
    ("GET", "/regions/summary", "consumer", {}),
    ("GET", "/exports/articles", "consumer", {"params": {"format": "ndjson"}}),
    ("GET", "/sources/health", "analyst", {}),
    ("GET", "/keys", "admin", {}),
    ("POST", "/keys", "admin", {"json": {"name": "matrix", "role": "consumer"}}),
]
ROLES = ["consumer", "analyst", "admin"]


def _role_of(route: APIRoute) -> str | None:
    def walk(dependant):
        for dep in dependant.dependencies:
            name = getattr(dep.call, "__name__", "")
            if name.startswith("require_"):
                return name.removeprefix("require_")
            found = walk(dep)
            if found:
                return found
        return None
    return walk(route.dependant)


def test_every_non_public_route_needs_a_key(module_settings, seeded_module):
    app = create_app(module_settings)
    client = TestClient(app)
    for route in app.routes:
        if not isinstance(route, APIRoute) or route.path in PUBLIC:
            continue
        assert _role_of(route) in ROLES, f"{route.path} has no require_role dependency"
        path = route.path.replace("{", "").replace("}", "")
        for method in route.methods:
            response = client.request(method, path)
            assert response.status_code == 401, (method, route.path, response.status_code)
            assert response.json()["detail"].startswith("E054")
    assert client.get("/health").status_code == 200
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(("method", "path", "needed", "kwargs"), MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(module_settings, module_keys, seeded_module, es_client, method, path, needed, kwargs, role):
    record_run(es_client, "tarakan-post", prefix=module_settings.es.index_prefix,
               started=__import__("datetime").datetime(2024, 12, 1), reason="finished", items=3, errors=0)
    client = TestClient(create_app(module_settings))
    response = client.request(method, path, headers={"X-API-Key": module_keys[role]}, **kwargs)
    if ROLES.index(role) >= ROLES.index(needed):
        assert 200 <= response.status_code < 300, (role, path, response.status_code, response.text)
    else:
        assert response.status_code == 403, (role, path, response.status_code)
        assert "E057" in response.json()["detail"]


def test_key_in_header_bearer_or_query(reader, module_keys):
    client = TestClient(reader.app)
    key = module_keys["consumer"]
    assert client.get("/articles/search", headers={"X-API-Key": key}).status_code == 200
    assert client.get("/articles/search", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert client.get("/articles/search", params={"api_key": key}).status_code == 200
    for bad in ["wsp_000000000000_" + "a" * 40, key[:-1] + ("A" if key[-1] != "A" else "B"), "x", "' OR 1=1 --"]:
        response = client.get("/articles/search", headers={"X-API-Key": bad})
        assert response.status_code == 401 and "E055" in response.json()["detail"]


def test_keys_are_stored_hashed_and_revocation_works(settings, es_client, keys):
    client = TestClient(create_app(settings), headers={"X-API-Key": keys["admin"]})
    created = client.post("/keys", json={"name": "feed reader", "role": "consumer"})
    assert created.status_code == 201
    plain, key_id = created.json()["key"], created.json()["id"]
    stored = es_client.get(index=f"{settings.es.index_prefix}api-keys", id=key_id)["_source"]
    assert plain not in str(stored) and len(stored["hash"]) == 64
    assert all("key" not in k for k in client.get("/keys").json())
    reader = TestClient(client.app, headers={"X-API-Key": plain})
    assert reader.get("/articles/search").status_code == 200
    assert client.delete(f"/keys/{key_id}").json()["revoked"]
    assert reader.get("/articles/search").status_code == 401
    assert client.delete("/keys/000000000000").status_code == 404
    assert client.post("/keys", json={"name": "x", "role": "root"}).status_code == 422


def test_bootstrap_admin_key(settings):
    boot = "b" * 40
    app = create_app(settings.model_copy(update={"api": ApiSettings(bootstrap_admin_key=boot)}))
    client = TestClient(app)
    assert client.get("/keys", headers={"X-API-Key": boot}).status_code == 200
    assert client.get("/keys", headers={"X-API-Key": "b" * 39}).status_code == 401


def test_rate_limit_answers_429_with_retry_after(settings, es_client):
    app = create_app(settings.model_copy(update={"api": ApiSettings(rate_limit_per_minute=3)}))
    store = KeyStore(es_client, settings.es.index_prefix)
    _, first = store.create("limited", "consumer")
    _, other = store.create("other", "consumer")
    client = TestClient(app)
    codes = [client.get("/articles/search", headers={"X-API-Key": first}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = client.get("/articles/search", headers={"X-API-Key": first})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert "E056" in limited.json()["detail"]
    assert client.get("/articles/search", headers={"X-API-Key": other}).status_code == 200  # per key
    _, generous = store.create("generous", "consumer", rate_limit_per_minute=100)
    assert all(client.get("/articles/search", headers={"X-API-Key": generous}).status_code == 200 for _ in range(5))
