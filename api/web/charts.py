"""Geometry of the server-side SVG charts and map: pure functions, the templates draw the shapes.

Charts take date_histogram buckets (`[{value: ISO date, count}]` as `store.search.read_facets`
returns them); the map takes GeoJSON polygons (lon/lat) and projects them equirectangularly,
fitted to their bounding box, with x scaled by cos(mean latitude) so shapes keep their aspect.
"""

from __future__ import annotations

import math
from datetime import datetime

SERIES_COLORS = ("#1f5fa8", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#5d4037",
                 "#455a64", "#9e9d24")


def _ts(value: str) -> float:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()


def _nice_max(value: float) -> float:
    """A round upper bound for an axis (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * exp:
            return float(step * exp)
    return float(10 * exp)


def _x_ticks(times: list[float], labels: list[str], x_of, min_gap: float = 80.0) -> list[dict]:
    """Date labels under the axis, skipping any that would overlap the previous one."""
    ticks: list[dict] = []
    for t, lab in zip(times, labels):
        x = round(x_of(t), 1)
        if not ticks or x - ticks[-1]["x"] >= min_gap:
            ticks.append({"x": x, "label": lab})
    return ticks


def bar_chart(buckets: list[dict], width: int = 720, height: int = 160, pad_left: int = 36,
              pad_bottom: int = 22) -> dict:
    """Bars of a date histogram placed by time (gaps stay visible), with a y axis from 0."""
    plot_w, plot_h = width - pad_left - 36, height - pad_bottom - 8
    if not buckets:
        return {"width": width, "height": height, "bars": [], "ticks": [], "y_ticks": [], "empty": True,
                "pad_left": pad_left, "base": 8 + plot_h}
    times = [_ts(b["value"]) for b in buckets]
    span = (max(times) - min(times)) or 1.0
    slot = plot_w / max(len(buckets), (span / _min_gap(times)) + 1 if len(times) > 1 else 1)
    bar_w = max(1.0, min(40.0, slot * 0.8))
    top = _nice_max(max(b["count"] for b in buckets))

    def x_of(t: float) -> float:
        return pad_left + (t - min(times)) / span * (plot_w - bar_w) if len(times) > 1 else pad_left + plot_w / 2

    bars = []
    for t, b in zip(times, buckets):
        h = b["count"] / top * plot_h
        bars.append({"x": round(x_of(t), 1), "y": round(8 + plot_h - h, 1), "w": round(bar_w, 1),
                     "h": round(h, 1), "count": b["count"], "label": str(b["value"])[:10]})
    return {"width": width, "height": height, "bars": bars, "pad_left": pad_left, "base": 8 + plot_h,
            "ticks": _x_ticks(times, [str(b["value"])[:10] for b in buckets], lambda t: x_of(t) + bar_w / 2),
            "y_ticks": [{"y": round(8 + plot_h - f * plot_h, 1), "label": _fmt(top * f)} for f in (0, 0.5, 1)],
            "empty": False}


def _min_gap(times: list[float]) -> float:
    gaps = [b - a for a, b in zip(sorted(times), sorted(times)[1:]) if b > a]
    return min(gaps) if gaps else 1.0


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


def line_chart(series: list[dict], width: int = 720, height: int = 200, y_max: float | None = None,
               pad_left: int = 40, pad_bottom: int = 22) -> dict:
    """Polylines for series `[{name, points: [(ISO date, value or None)]}]` on a shared time axis."""
    plot_w, plot_h = width - pad_left - 36, height - pad_bottom - 8
    times = sorted({_ts(t) for s in series for t, v in s["points"] if v is not None})
    labels = {_ts(t): str(t)[:10] for s in series for t, _ in s["points"]}
    values = [v for s in series for _, v in s["points"] if v is not None]
    out = {"width": width, "height": height, "pad_left": pad_left, "base": 8 + plot_h, "lines": [],
           "ticks": [], "y_ticks": [], "empty": not values}
    if not values:
        return out
    top = y_max if y_max is not None else _nice_max(max(values))
    t0, span = times[0], (times[-1] - times[0]) or 1.0

    def x_of(t: float) -> float:
        return pad_left + (t - t0) / span * plot_w if len(times) > 1 else pad_left + plot_w / 2

    for i, s in enumerate(series):
        pts = [(x_of(_ts(t)), 8 + plot_h - (v / top if top else 0) * plot_h) for t, v in s["points"] if v is not None]
        out["lines"].append({"name": s["name"], "color": s.get("color") or SERIES_COLORS[i % len(SERIES_COLORS)],
                             "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in pts),
                             "dots": [{"x": round(x, 1), "y": round(y, 1)} for x, y in pts] if len(pts) <= 60 else [],
                             "total": sum(v for _, v in s["points"] if v is not None)})
    out["ticks"] = _x_ticks(times, [labels[t] for t in times], x_of)
    out["y_ticks"] = [{"y": round(8 + plot_h - f * plot_h, 1), "label": _fmt(round(top * f, 2))} for f in (0, 0.5, 1)]
    return out


# --- map -------------------------------------------------------------------------------------------------------------

def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"])
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def project_map(features: list[dict], width: int = 760, pad: int = 8) -> dict:
    """SVG paths of GeoJSON polygons fitted into `width` (height follows the shape's aspect)."""
    rings_by = [(f, _rings(f.get("geometry") or {})) for f in features]
    lons = [p[0] for _, rings in rings_by for ring in rings for p in ring]
    lats = [p[1] for _, rings in rings_by for ring in rings for p in ring]
    if not lons:
        return {"width": width, "height": 0, "shapes": []}
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    geo_w, geo_h = (max_lon - min_lon) * kx or 1e-6, (max_lat - min_lat) or 1e-6
    scale = (width - 2 * pad) / geo_w
    height = int(round(geo_h * scale + 2 * pad))
    shapes = []
    for feature, rings in rings_by:
        parts = []
        for ring in rings:
            pts = [((lon - min_lon) * kx * scale + pad, (max_lat - lat) * scale + pad) for lon, lat, *_ in ring]
            if len(pts) >= 3:
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        props = feature.get("properties") or {}
        lon, lat = props.get("lng"), props.get("lat")
        label_xy = None
        if lon is not None and lat is not None:
            label_xy = {"x": round((float(lon) - min_lon) * kx * scale + pad, 1),
                        "y": round((max_lat - float(lat)) * scale + pad, 1)}
        shapes.append({"code": props.get("kode"), "name": props.get("nama"), "d": "".join(parts),
                       "label": label_xy})
    return {"width": width, "height": height, "shapes": shapes}
