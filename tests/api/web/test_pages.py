"""The web UI over real HTTP (no browser): sign-in, roles, CSRF, and what each page shows."""

from __future__ import annotations

import re

import httpx
import pytest

from store.alerts import AlertRepository


@pytest.fixture
def signed_in(site):
    """A factory of HTTP clients signed in with the seed's key of a role (closed after the test)."""
    opened: list[httpx.Client] = []

    def sign_in(role: str) -> httpx.Client:
        client = httpx.Client(base_url=site.url, follow_redirects=False, timeout=30)
        opened.append(client)
        response = client.post("/ui/login", data={"api_key": site.data["keys"][role], "next": "/ui/search"})
        assert response.status_code == 303, response.text
        assert response.headers["location"] == "/ui/search"
        return client

    yield sign_in
    for client in opened:
        client.close()


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_pages_redirect_to_sign_in_and_a_wrong_key_is_refused(site):
    with httpx.Client(base_url=site.url, timeout=30) as client:
        response = client.get("/ui/map?level=district")
        assert response.status_code == 303
        assert response.headers["location"] == "/ui/login?next=/ui/map%3Flevel%3Ddistrict"
        assert client.get("/ui/alerts/count").status_code == 401
        refused = client.post("/ui/login", data={"api_key": "wsp_000000000000_" + "x" * 40})
        assert refused.status_code == 401
        assert "E055" in refused.text
        assert "waspada_session" not in refused.headers.get("set-cookie", "")


def test_session_cookie_is_signed_http_only_and_not_the_key(site, signed_in):
    client = signed_in("consumer")
    cookie = client.cookies.get("waspada_session")
    assert site.data["keys"]["consumer"] not in cookie
    tampered = cookie[:-2] + ("A" if cookie[-2] != "A" else "B") + cookie[-1]
    with httpx.Client(base_url=site.url, cookies={"waspada_session": tampered}, timeout=30) as other:
        assert other.get("/ui/search").status_code == 303
    header = client.post("/ui/login", data={"api_key": site.data["keys"]["consumer"]}).headers["set-cookie"]
    assert "httponly" in header.lower() and "samesite=lax" in header.lower()


def test_consumer_searches_but_cannot_open_the_alerts_inbox(site, signed_in):
    client = signed_in("consumer")
    page = client.get("/ui/search", params={"q": "bentrok"})
    assert page.status_code == 200
    assert 'href="/ui/alerts"' not in page.text
    assert "<mark>Bentrok</mark>" in page.text or "<mark>bentrok</mark>" in page.text
    denied = client.get("/ui/alerts")
    assert denied.status_code == 403
    assert "E111" in denied.text and "analyst" in denied.text


def test_search_facets_narrow_the_results(site, signed_in):
    client = signed_in("consumer")
    everything = client.get("/ui/search").text
    assert re.search(r'<span id="total">(\d+)</span>', everything).group(1) == str(len(site.data["articles"]))
    assert "Kekerasan komunal" in everything and "Sumber daya alam &amp; lahan" in everything
    narrowed = client.get("/ui/search", params={"category": "resource"}).text
    assert re.search(r'<span id="total">(\d+)</span>', narrowed).group(1) == "1"
    assert "Sengketa lahan sawit" in narrowed
    assert 'aria-pressed="true"' in narrowed
    assert "<svg" in narrowed and 'class="bar"' in narrowed  # the date histogram


def test_bad_input_is_a_message_not_a_500(site, signed_in):
    client = signed_in("consumer")
    page = client.get("/ui/search", params={"q": '"tanpa penutup'})
    assert page.status_code == 200
    assert "E031" in page.text
    page = client.get("/ui/search", params={"date_from": "kemarin"})
    assert page.status_code == 200 and "E034" in page.text


def test_article_page_marks_places_actors_and_cues(site, signed_in):
    client = signed_in("analyst")
    page = client.get("/ui/articles/nunukan-bentrok-1").text
    assert '<mark class="cue cue-category"' in page and ">Bentrok antarwarga</mark>" in page
    assert '<mark class="ent-loc"' in page and ">Sebatik</mark>" in page
    assert '<mark class="ent-actor actor-security"' in page and ">Polres Nunukan</mark>" in page
    assert "Rumah warga dibakar saat bentrok di Sebatik" in page  # the other outlet of the story
    assert "Kekerasan komunal" in page and 'id="article-alerts"' in page
    missing = client.get("/ui/articles/tidak-ada")
    assert missing.status_code == 404 and "E058" in missing.text


def test_export_link_downloads_the_current_search(site, signed_in):
    client = signed_in("consumer")
    response = client.get("/ui/exports/articles", params={"category": "communal_violence", "format": "csv"})
    assert response.status_code == 200
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("id,published")
    assert len(lines) == 3


def test_alert_action_needs_the_form_token_and_records_the_note(site, es_client, signed_in):
    client = signed_in("analyst")
    inbox = client.get("/ui/alerts").text
    alert_id = re.search(r'id="alert-([0-9a-f]+)"', inbox).group(1)
    forged = client.post(f"/ui/alerts/{alert_id}/action", data={"action": "verify", "csrf": "palsu"})
    assert forged.status_code == 403 and "E112" in forged.text
    done = client.post(f"/ui/alerts/{alert_id}/action",
                       data={"action": "acknowledge", "csrf": csrf_of(inbox), "note": "dicek ke Polres"})
    assert done.status_code == 303
    alert = AlertRepository(es_client, site.settings.es.index_prefix).get(alert_id)
    assert alert["status"] == "acknowledged"
    assert alert["history"][-1]["note"] == "dicek ke Polres"
    assert client.get("/ui/alerts", params={"status": "acknowledged"}).text.count(f'id="alert-{alert_id}"') == 1


def test_save_the_current_search_as_a_rule(site, signed_in):
    client = signed_in("analyst")
    form = client.get("/ui/rules", params={"q": "blokade", "region": "65.01", "date_from": "now-7d/d"}).text
    assert 'name="region" value="65.01"' in form and 'name="date_from"' not in form
    saved = client.post("/ui/rules", data={"csrf": csrf_of(form), "name": "Blokade di Bulungan", "q": "blokade",
                                           "region": "65.01", "rule_min_risk": "50"})
    assert saved.status_code == 303
    listing = client.get(saved.headers["location"]).text
    assert "Blokade di Bulungan" in listing and "risiko ≥ 50.0" in listing


@pytest.mark.parametrize("level,count", [("regency", 5), ("district", 55)])
def test_map_draws_every_region_as_a_link(site, level, count, signed_in):
    client = signed_in("consumer")
    page = client.get("/ui/map", params={"level": level}).text
    assert page.count('<a href="/ui/search?') >= count
    assert len(re.findall(r'<a href="[^"]+" class="region"', page)) == count


def test_lifecycle_refuses_a_move_it_does_not_allow(site, signed_in):
    client = signed_in("analyst")
    inbox = client.get("/ui/alerts").text
    alert_id = re.search(r'id="alert-([0-9a-f]+)"', inbox).group(1)
    assert 'value="verify"' not in inbox  # a new alert is acknowledged before it is judged
    refused = client.post(f"/ui/alerts/{alert_id}/action", data={"action": "verify", "csrf": csrf_of(inbox)})
    assert refused.status_code == 409 and "E072" in refused.text


def test_trends_draw_volume_risk_and_one_line_per_category(site, signed_in):
    client = signed_in("consumer")
    page = client.get("/ui/trends", params={"interval": "day", "period": "30d"}).text
    assert page.count('class="bar"') >= 5
    assert "Risiko rata-rata" in page and "Risiko tertinggi" in page
    for label in ("Kekerasan komunal", "Sumber daya alam &amp; lahan", "Batas wilayah"):
        assert f"<title>{label}</title>" in page
    assert "<title>Kabupaten Nunukan</title>" in page


def test_digest_preview_renders_the_alerts_engineers_digest(site, signed_in):
    client = signed_in("analyst")
    article = site.data["articles"]["nunukan-bentrok-1"]
    from datetime import datetime
    from zoneinfo import ZoneInfo
    day = datetime.fromisoformat(article["published"]).astimezone(ZoneInfo("Asia/Makassar")).date().isoformat()
    page = client.get("/ui/digests", params={"day": day, "region": "65.03"})
    assert page.status_code == 200
    assert "Ringkasan Waspada" in page.text
    assert "Bentrok warga dua desa di Sebatik" in page.text  # in the text version and the iframe's srcdoc
    assert signed_in("consumer").get("/ui/digests").status_code == 403


def test_a_revoked_key_ends_its_sessions_and_sign_out_removes_the_cookie(site, es_client, signed_in):
    from store.keys import KeyStore

    keys = KeyStore(es_client, site.settings.es.index_prefix)
    record, plain = keys.create("uji dicabut", "analyst")
    with httpx.Client(base_url=site.url, timeout=30) as client:
        assert client.post("/ui/login", data={"api_key": plain}).status_code == 303
        assert client.get("/ui/alerts").status_code == 200
        keys.revoke(record.id)
        assert client.get("/ui/alerts").status_code == 303
    client = signed_in("consumer")
    response = client.post("/ui/logout")
    assert response.status_code == 303 and 'waspada_session=""' in response.headers["set-cookie"]
    assert client.get("/ui/search").status_code == 303


def test_sources_page_shows_the_silent_source(site, signed_in):
    page = signed_in("analyst").get("/ui/sources").text
    row = re.search(r'<th scope="row">Benuanta</th>.*?</tr>', page, re.S).group(0)
    assert "Diam" in row
    assert "Aktif" in re.search(r'<th scope="row">TerasKaltara.id</th>.*?</tr>', page, re.S).group(0)


def test_admin_creates_and_revokes_a_key_and_others_cannot(site, signed_in):
    admin = signed_in("admin")
    form = admin.get("/ui/keys").text
    created = admin.post("/ui/keys", data={"csrf": csrf_of(form), "name": "Analis FKDM", "role": "analyst"})
    assert created.status_code == 200
    plain = re.search(r'id="plain-key" type="text" readonly value="([^"]+)"', created.text).group(1)
    with httpx.Client(base_url=site.url, timeout=30) as fresh:
        assert fresh.post("/ui/login", data={"api_key": plain}).status_code == 303
        key_id = plain.split("_")[1]
        revoked = admin.post(f"/ui/keys/{key_id}/revoke", data={"csrf": csrf_of(form)})
        assert revoked.status_code == 303
        assert fresh.get("/ui/search").status_code == 303
    assert signed_in("analyst").get("/ui/keys").status_code == 403


def test_the_bootstrap_admin_key_signs_in_until_it_is_changed(settings):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from waspada.settings import ApiSettings

    boot = "b" * 40
    first = settings.model_copy(update={"api": ApiSettings(bootstrap_admin_key=boot, session_secret="s" * 40)})
    with TestClient(create_app(first), follow_redirects=False) as client:
        assert client.post("/ui/login", data={"api_key": boot}).status_code == 303
        assert client.get("/ui/keys").status_code == 200
        cookie = client.cookies.get("waspada_session")
    changed = first.model_copy(update={"api": ApiSettings(bootstrap_admin_key="c" * 40, session_secret="s" * 40)})
    with TestClient(create_app(changed), follow_redirects=False, cookies={"waspada_session": cookie}) as client:
        assert client.get("/ui/keys").status_code == 303


def test_inbox_filters_by_type_and_shows_a_silence_alert(site, signed_in):
    client = signed_in("analyst")
    page = client.get("/ui/alerts", params={"type": "silence"}).text
    assert page.count('class="card alert"') == 1
    assert "Benuanta" in page and "Sumber diam" in page
    by_region = client.get("/ui/alerts", params={"region": "65.03"}).text  # whatever its status by now
    counts = [int(n) for n in re.findall(r'<span class="count" data-status="\w+">(\d+)</span>', by_region)]
    assert len(counts) == 4 and sum(counts) == 1
