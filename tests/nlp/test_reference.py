"""`waspada data install`: copy + verify the reference data, build the gazetteer; errors say what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp import gazetteer, reference
from nlp.errors import WaspadaNlpError
from waspada.cli import app
from waspada.settings import get_settings


def test_install_copies_verifies_and_builds_the_gazetteer(reference_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WASPADA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("WASPADA_NLP_GAZETTEER", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["data", "install", "--from", str(reference_dir)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    target = reference.reference_dir(tmp_path / "var")
    assert (target / "villages.csv").is_file() and (target / "geojson" / "kaltara_kecamatan.geojson").is_file()
    assert "villages.csv: 83762 rows" in result.output
    gaz = gazetteer.load(str(reference.gazetteer_path(tmp_path / "var")))
    assert gaz.units["65.01.05"]["name"] == "Tanjung Selor"
    assert gaz.parents("65.03.08") == ["65", "65.03"]


def test_verify_rejects_a_truncated_table_with_a_code(reference_dir: Path, tmp_path: Path):
    copy = tmp_path / "ref"
    shutil.copytree(reference_dir, copy)
    for p in copy.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    lines = (copy / "districts.csv").read_text().splitlines()[:100]
    (copy / "districts.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(WaspadaNlpError, match="W104"):
        reference.verify(copy)


def test_copy_checks_sha256sums_when_present(reference_dir: Path, tmp_path: Path):
    copy = tmp_path / "id-wilayah-kemendagri"
    shutil.copytree(reference_dir, copy)
    for p in copy.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    digest = reference.sha256(copy / "provinces.csv")
    (copy / "SHA256SUMS.txt").write_text(f"{'0' * 64}  provinces.csv\n")
    with pytest.raises(WaspadaNlpError, match="W102"):
        reference.copy_from(copy, tmp_path / "out")
    (copy / "SHA256SUMS.txt").write_text(f"{digest}  ./provinces.csv\n")
    assert reference.copy_from(copy, tmp_path / "out")["provinces.csv"] == 38


def test_missing_source_and_url_is_an_actionable_error(tmp_path: Path):
    with pytest.raises(WaspadaNlpError, match="W105"):
        reference.copy_from(tmp_path / "nope", tmp_path / "out")
    with pytest.raises(WaspadaNlpError, match="W106"):
        reference.fetch("", tmp_path / "out")


def test_missing_gazetteer_tells_to_install(tmp_path: Path):
    with pytest.raises(WaspadaNlpError, match="waspada data install"):
        gazetteer.load(str(tmp_path / "gazetteer.pkl"))
