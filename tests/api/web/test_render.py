"""Pure parts of the web UI, without a server: escaping, marking, charts, map projection, forms."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from api.main import create_app

from api.web.annotate import marked_text
from api.web.charts import bar_chart, line_chart, project_map
from api.web.forms import params_from, params_items, toggled
from api.web.render import local_time, marks, safe_url
from api.web.session import safe_next
from waspada.settings import ApiSettings, Settings


def test_highlights_keep_only_mark_tags():
    html = str(marks('<script>alert(1)</script> <mark>bentrok</mark> & "kutip"'))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>bentrok</mark>" in html and "&amp;" in html


def test_marked_text_prefers_cues_then_places_and_escapes_the_text():
    text = "Warga <b>Sebatik</b> bentrok dengan Polres Nunukan."
    start = text.index("Sebatik")
    doc = {"text": text,
           "locations": [{"code": "65.03.01", "name": "Sebatik", "start": start, "end": start + 7},
                         {"code": "65.03", "name": "Nunukan", "start": None, "end": None}],
           "entities": [{"label": "LOC", "field": "text", "start": start, "end": start + 7},
                        {"label": "ORG", "field": "title", "start": 0, "end": 5}],
           "actors": [{"name": "Polres Nunukan", "type": "security", "start": text.index("Polres"),
                       "end": text.index("Polres") + 14}],
           "conflict": {"cues": [{"kind": "category", "label": "communal_violence", "text": "bentrok",
                                  "start": text.index("bentrok"), "end": text.index("bentrok") + 7},
                                 {"kind": "category", "label": "x", "start": 3, "end": 999}]}}
    html = str(marked_text(doc))
    assert html.count("<mark") == 3  # the entity under the place is dropped, out-of-range and title spans too
    assert '<mark class="ent-loc" title="Tempat: Sebatik (65.03.01)">Sebatik</mark>' in html
    assert '<mark class="cue cue-category"' in html and ">bentrok</mark>" in html
    assert 'actor-security" title="Aktor: Polres Nunukan — Aparat keamanan">Polres Nunukan</mark>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_map_projection_fits_the_width_and_keeps_the_aspect():
    square = {"type": "Feature", "properties": {"kode": "65.01", "nama": "A", "lat": 3.0, "lng": 117.0},
              "geometry": {"type": "Polygon", "coordinates": [[[116, 2], [118, 2], [118, 4], [116, 4], [116, 2]]]}}
    islands = {"type": "Feature", "properties": {"kode": "65.71", "nama": "B"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[118, 3], [118.5, 3], [118.5, 3.5], [118, 3]]],
                                                                    [[[118.6, 3], [119, 3], [119, 3.4], [118.6, 3]]]]}}
    drawing = project_map([square, islands], width=316, pad=8)
    assert [s["code"] for s in drawing["shapes"]] == ["65.01", "65.71"]
    assert drawing["shapes"][0]["d"].startswith("M8.0,") and drawing["shapes"][0]["d"].endswith("Z")
    assert drawing["shapes"][1]["d"].count("M") == 2
    # 3 degrees of longitude at ~3°N are ~2.996 "degrees" wide; 2 degrees of latitude high
    assert abs(drawing["height"] - round(2 * 300 / (3 * 0.99863) + 16)) <= 1
    assert drawing["shapes"][0]["label"]["y"] < drawing["height"] / 2 + 1


def test_bar_chart_places_bars_by_time_and_scales_to_a_round_maximum():
    chart = bar_chart([{"value": "2026-11-01T00:00:00.000+08:00", "count": 3},
                       {"value": "2026-11-02T00:00:00.000+08:00", "count": 7},
                       {"value": "2026-11-05T00:00:00.000+08:00", "count": 1}])
    xs = [b["x"] for b in chart["bars"]]
    assert xs == sorted(xs) and (xs[2] - xs[1]) > 2.5 * (xs[1] - xs[0])  # the gap of 3 days shows
    assert chart["y_ticks"][-1]["label"] == "10"
    assert bar_chart([])["empty"] is True
    lines = line_chart([{"name": "a", "points": [("2026-11-01T00:00:00Z", 1), ("2026-11-02T00:00:00Z", None)]}])
    assert lines["lines"][0]["points"].count(",") == 1


def test_forms_round_trip_and_toggle_filters():
    params, error = params_from(QueryParams("q=bentrok&category=resource&category=election&period=30d&min_risk=50"))
    assert error is None and params.date_from == "now-30d/d" and params.min_risk == 50
    assert ("category", "election") in params_items(params)
    assert toggled(params, "category", "resource").category == ["election"]
    assert toggled(params, "region", "65.03").region == ["65.03"]
    _, error = params_from(QueryParams("date_from=kemarin"))
    assert "E034" in error
    rule_params, _ = params_from(QueryParams("q=x&date_from=2026-01-01&period=7d"), drop_dates=True)
    assert rule_params.date_from is None


def test_sign_in_only_follows_local_ui_paths():
    assert safe_next("/ui/map?level=district") == "/ui/map?level=district"
    for hostile in ("https://evil.example/", "//evil.example/ui/", "/ui\\..\\x", None, "/docs"):
        assert safe_next(hostile) == "/ui/search"


def test_local_time_is_wita():
    assert local_time("2026-11-28T23:30:00Z") == "29 Nov 2026 07.30 WITA"


def test_only_http_links_to_crawled_pages():
    assert safe_url("https://teraskaltara.id/a") == "https://teraskaltara.id/a"
    assert safe_url(" JavaScript:alert(1)") == "" and safe_url(None) == ""


def test_a_short_session_secret_is_refused_at_start():
    with pytest.raises(ValueError, match="E110"):
        create_app(Settings(api=ApiSettings(session_secret="kurang-panjang")))
