"""Indonesian dates to aware datetimes, keeping the time and the right zone.

Regional outlets write dates as "Senin (2/12/2024)", "2 Desember 2024 09:15 WITA",
"Senin, 2 Desember 2024 - 09:15 WIB" or "3 jam lalu", and their metadata often carries an ISO
string without an offset. An explicit zone (WIB +7, WITA +8, WIT +9, or an ISO offset) wins;
otherwise the zone of the source's home region is used (Kaltara, code 65, is WITA).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import dateparser

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

# Kemendagri province codes by time zone (Permendagri regions; Kalbar/Kalteng are WIB).
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}

_DAY_NAMES = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "january": 1, "february": 2, "march": 3, "may": 5,
    "june": 6, "july": 7, "august": 8, "october": 10, "december": 12,
}
_ZONE_RE = re.compile(r"\b(WITA|WIB|WIT)\b", re.I)
_TIME_RE = re.compile(r"(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)")
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})(?!\d)")
_TEXT_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})\s+([A-Za-z]{3,10})\.?,?\s+(\d{4})(?!\d)")
_ISO_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_RELATIVE_RE = re.compile(r"\b(lalu|yang lalu|kemarin|ago|baru saja|hari ini)\b", re.I)


def zone_for_region(region_code: str | None) -> timezone:
    """The zone of a Kemendagri region code (its first two digits are the province)."""
    province = (region_code or "").replace(".", "")[:2]
    if province in _WITA_PROVINCES:
        return WITA
    if province in _WIT_PROVINCES:
        return WIT
    return WIB


def _with_zone(value: datetime, zone: timezone) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def parse_date(text: str | None, *, region_code: str | None = None, zone: timezone | None = None,
               now: datetime | None = None) -> datetime | None:
    """An aware datetime from an ISO or Indonesian date string, or None when there is none."""
    if not text:
        return None
    text = " ".join(str(text).split())
    default_zone = zone or zone_for_region(region_code)
    if _ISO_RE.match(text):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:
            parsed = None
        if parsed is not None:
            return _with_zone(parsed, default_zone)
    found_zone = _ZONE_RE.search(text)
    target_zone = ZONES[found_zone.group(1).upper()] if found_zone else default_zone
    structured = _structured(text, target_zone)
    if structured is not None:
        return structured
    return _dateparser(text, target_zone, now)


def _structured(text: str, zone: timezone) -> datetime | None:
    """Fast path for the common explicit forms; dateparser handles the rest."""
    day = month = year = None
    numeric = _NUMERIC_DATE_RE.search(text)
    if numeric:
        day, month, year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
        rest = text[:numeric.start()] + " " + text[numeric.end():]
    else:
        textual = _TEXT_DATE_RE.search(text)
        if not textual or textual.group(2).lower() not in _MONTHS:
            return None
        day, month, year = int(textual.group(1)), _MONTHS[textual.group(2).lower()], int(textual.group(3))
        rest = text[:textual.start()] + " " + text[textual.end():]
    hour = minute = second = 0
    clock = _TIME_RE.search(rest)
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        if re.search(r"\bPM\b", rest, re.I) and hour < 12:
            hour += 12
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def _dateparser(text: str, zone: timezone, now: datetime | None) -> datetime | None:
    cleaned = re.sub(_DAY_NAMES + r"\s*,?", " ", text, flags=re.I)
    cleaned = _ZONE_RE.sub(" ", cleaned)
    cleaned = re.sub(r"\b(pukul|diperbarui|dipublikasikan|diterbitkan|updated?|posted on)\b\s*:?", " ",
                     cleaned, flags=re.I)
    cleaned = cleaned.replace("|", " ").replace("(", " ").replace(")", " ").strip(" ,-–")
    base = (now or datetime.now(timezone.utc)).astimezone(zone).replace(tzinfo=None)
    parsed = dateparser.parse(
        cleaned, languages=["id", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base,
                  "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    return parsed.replace(tzinfo=zone)


def to_zone(value: datetime, region_code: str | None = None, zone: timezone | None = None) -> datetime:
    """The same instant shown in the source's zone (what published carries)."""
    return value.astimezone(zone or zone_for_region(region_code))


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with an offset (seconds precision)."""
    if value is None:
        return None
    return value.replace(microsecond=0).isoformat()
