"""The demo scenario is valid, grounded in real places, and tells the stories it claims."""

from __future__ import annotations

import csv
import os
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from crawlers.dedup import band_similarity, bands, minhash
from waspada.demo.clock import DemoClock
from waspada.demo.scenario import SCENARIO_FILE, WITA, PostSpec, Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[2]
STAGE_ORDER = {"none": 0, "prevention": 0, "tension": 1, "incident": 2}


def _reference_csv() -> Path:
    env = os.environ.get("WASPADA_REFERENCE_DATA", "").strip()
    folder = Path(env) if env else ROOT.parent / "shared" / "data" / "id-wilayah-kemendagri"
    path = folder / "kaltara_wilayah.csv"
    if not path.exists():
        pytest.skip(f"no Kemendagri reference CSV at {path}; set WASPADA_REFERENCE_DATA")
    return path


@pytest.fixture(scope="module")
def wilayah() -> dict[str, dict]:
    with _reference_csv().open(encoding="utf-8") as handle:
        return {row["kode"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario()


def _short(name: str) -> str:
    return re.sub(r"^(kabupaten|kota|provinsi) ", "", name.lower())


def _names(wilayah: dict[str, dict]) -> set[str]:
    names = set()
    for row in wilayah.values():
        name = row["nama"].lower()
        names.add(name)
        names.add(re.sub(r"^(kabupaten|kota|provinsi) ", "", name))
    return names


def test_scenario_file_validates_and_has_the_promised_size(scenario):
    news = [a for a in scenario.articles]
    assert 18 <= len(news) <= 30
    assert 6 <= len(scenario.posts) <= 10
    assert {a.outlet for a in news} == {"teras", "benuanta", "kabarnunukan"}
    assert {p.outlet for p in scenario.posts} == {"infokaltara"}
    days = {i.day for i in scenario.items}
    assert min(days) >= -13 and max(days) == 0


def test_an_invalid_scenario_is_refused_with_the_field_named(tmp_path):
    data = yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8"))
    data["articles"][0]["expected"]["stage"] = "riot"
    with pytest.raises(ValidationError, match="stage"):
        Scenario.model_validate(data)
    data = yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8"))
    data["articles"][0]["outlet"] = "kompas"
    with pytest.raises(ValidationError, match="unknown outlet"):
        Scenario.model_validate(data)


def test_every_place_exists_in_the_kemendagri_reference_and_in_the_text(scenario, wilayah):
    names = _names(wilayah)
    day0 = date(2024, 12, 2)
    texts = {i.id: i.text for i in scenario.timeline(day0)}
    for item in scenario.items:
        for place in item.places:
            assert place.lower() in names, f"{item.id}: {place!r} is not a Kemendagri place name in Kaltara"
            assert place.lower() in texts[item.id].lower(), f"{item.id}: {place!r} is listed but not mentioned"
        code = item.expected.place
        assert code in wilayah, f"{item.id}: place code {code} is not in the reference"
        inside = {k for k, row in wilayah.items() if _short(row["nama"]) in {p.lower() for p in item.places}}
        assert code == "65" or any(k == code or k.startswith(code + ".") for k in inside), \
            f"{item.id}: neither the primary place {code} nor a place inside it is mentioned"
    for story in scenario.storylines:
        assert story.place in wilayah


def test_news_articles_are_150_to_350_words_with_dateline_author_and_categories(scenario):
    for item in scenario.timeline(date(2024, 12, 2)):
        if isinstance(item.spec, PostSpec):
            assert 15 <= len(item.text.split()) <= 80, item.id
            continue
        words = len(item.text.split())
        assert 150 <= words <= 350, f"{item.id} has {words} words"
        assert re.match(r"^[A-Z][A-Z ]+(, [A-Za-z .]+)? – ", item.paragraphs[0]), f"{item.id}: no dateline"
        assert item.author and item.editor and item.categories
        assert "{" not in item.text, f"{item.id}: unfilled placeholder"


def test_dates_are_filled_in_indonesian_for_the_items_own_day(scenario):
    items = {i.id: i for i in scenario.timeline(date(2024, 12, 2))}  # a Monday
    clash = items["a-bentrok-pos-dibakar"]
    assert clash.published == datetime(2024, 12, 2, 7, 40, tzinfo=WITA)
    assert "Minggu (1/12/2024) malam" in clash.paragraphs[0]
    assert "Hingga Senin pagi" in clash.text
    blockade = items["a-blokade-jalan-kebun"]
    assert "Sabtu (30/11/2024)" in blockade.paragraphs[0]


def test_every_storyline_has_the_stages_it_claims_in_order(scenario):
    for story in scenario.storylines:
        members = sorted((i for i in scenario.items if i.storyline == story.id), key=lambda i: (i.day, i.time))
        stages = {i.expected.stage for i in members}
        assert set(story.stages) <= stages, f"storyline {story.id} lacks {set(story.stages) - stages}"
    dispute = sorted((i for i in scenario.items if i.storyline == "A"), key=lambda i: (i.day, i.time))
    first_incident = next(n for n, i in enumerate(dispute) if i.expected.stage == "incident")
    assert all(i.expected.stage == "tension" for i in dispute[:first_incident]), "the dispute must build up first"
    assert max(i.expected.intensity for i in dispute) == 2
    hoax = [i for i in dispute if "disinformation" in i.expected.categories]
    assert {i.expected.stage for i in hoax} == {"tension", "prevention"}  # the hoax, then the police debunk
    assert all(i.day == 0 for i in hoax)
    assert {i.expected.stage for i in scenario.items if i.storyline == "B"} == {"tension", "incident"}


def test_hard_negatives_are_labelled_as_no_conflict(scenario):
    traps = {a.id: a for a in scenario.articles if a.id in ("c-derbi-kaltara", "c-sabu-tawau", "c-banjir-malinau")}
    assert len(traps) == 3
    assert "laga panas" in traps["c-derbi-kaltara"].title.lower()
    assert "perang melawan narkoba" in traps["c-sabu-tawau"].title.lower()
    assert all(a.expected.stage == "none" and a.expected.intensity == 0 for a in traps.values())


def test_the_syndicated_copy_is_a_near_duplicate_of_its_original(scenario):
    items = {i.id: i for i in scenario.timeline(date(2024, 12, 2))}
    original, copy = items["a-bentrok-pos-dibakar"], items["a-bentrok-salinan"]
    assert original.outlet != copy.outlet and original.title != copy.title
    assert copy.paragraphs[1:-1] == original.paragraphs[1:]
    other = items["a-blokade-jalan-kebun"]  # same dispute, same outlet, different story
    assert minhash(original.text).jaccard(minhash(copy.text)) >= 0.6 > 0.2 > minhash(original.text).jaccard(
        minhash(other.text))
    # the crawler's cross-run rule joins a cluster at half the threshold (0.5) in shared LSH bands
    assert band_similarity(bands(minhash(original.text)), bands(minhash(copy.text))) >= 0.25
    assert band_similarity(bands(minhash(original.text)), bands(minhash(other.text))) < 0.1


def test_day_zero_lies_in_the_past_of_the_real_clock(scenario):
    live_from, last = scenario.live_from(), scenario.last_live()
    morning = datetime(2024, 12, 2, 23, 0, tzinfo=timezone.utc)  # 07:00 WITA: before the last live item
    clock = DemoClock.for_scenario(live_from, last, 120, now=morning)
    assert clock.day0 == date(2024, 12, 2)  # 07:00 WITA on 3 Dec is before 15:00, so day 0 is the 2nd
    evening = datetime(2024, 12, 3, 10, 0, tzinfo=timezone.utc)  # 18:00 WITA
    clock = DemoClock.for_scenario(live_from, last, 120, now=evening)
    assert clock.day0 == date(2024, 12, 3)
    assert clock.start == datetime.combine(date(2024, 12, 3), time(6, 0), WITA)
    newest = max(i.published for i in scenario.timeline(clock.day0))
    assert newest <= evening


def test_the_demo_clock_never_runs_ahead_of_real_time():
    real = datetime.now(timezone.utc)
    ahead = DemoClock(day0=real.date(), start=real + timedelta(days=2), speed=1000, started=real)
    assert ahead.now() <= datetime.now(timezone.utc)
    behind = DemoClock(day0=real.date(), start=real - timedelta(hours=10), speed=1, started=real)
    assert behind.now() < real - timedelta(hours=9)
    assert behind.real_seconds_until(real - timedelta(hours=11)) == 0
    assert behind.real_seconds_until(real - timedelta(hours=9)) > 3000


def test_a_restarted_demo_continues_its_clock_instead_of_replaying(scenario, tmp_path):
    from waspada.demo.clock import resume_or_start
    state = tmp_path / "demo" / "clock.json"
    first_start = datetime(2024, 12, 2, 23, 0, tzinfo=timezone.utc)  # 07:00 WITA on 3 Dec
    first = resume_or_start(state, scenario.live_from(), scenario.last_live(), 120, now=first_start)
    assert first.start == datetime(2024, 12, 2, 6, 0, tzinfo=WITA)
    restart = first_start + timedelta(minutes=2)
    second = resume_or_start(state, scenario.live_from(), scenario.last_live(), 60, now=restart)
    assert second.day0 == first.day0 and second.speed == 60
    assert second.start == first.reading_at(restart) == datetime(2024, 12, 2, 10, 0, tzinfo=WITA)
    replay = resume_or_start(state, scenario.live_from(), scenario.last_live(), 60, now=restart, fresh=True)
    assert replay.start == first.start
    days_later = resume_or_start(state, scenario.live_from(), scenario.last_live(), 60,
                                 now=restart + timedelta(days=3))
    assert days_later.day0 == date(2024, 12, 5)
