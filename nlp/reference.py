"""Install the Kemendagri reference data (region tables + Kaltara boundaries) into var/reference.

The project commits no third-party data: `waspada data install` copies the files from a local
folder (`WASPADA_REFERENCE_DATA`, which CI points at the shared data folder) or fetches them from
a public mirror of the same CSV/GeoJSON layout (`WASPADA_REFERENCE_URL`), verifies columns, row
counts and, when a `SHA256SUMS.txt` is next to the source, checksums; then builds the gazetteer
the pipeline loads (nlp/gazetteer.py).

Upstream: GitHub cahyadsn/wilayah + cahyadsn/wilayah_boundaries (MIT), converted from SQL to
CSV/GeoJSON as described in the source folder's README.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import WaspadaNlpError

DATASET = "id-wilayah-kemendagri"


@dataclass(frozen=True)
class RefFile:
    """One reference file and what a valid copy looks like."""

    name: str
    columns: tuple[str, ...] = ()
    min_rows: int = 0


FILES: tuple[RefFile, ...] = (
    RefFile("provinces.csv", ("kode", "nama", "lat", "lng"), 38),
    RefFile("regencies.csv", ("kode", "kode_prov", "nama", "jenis", "lat", "lng"), 514),
    RefFile("districts.csv", ("kode", "kode_kab", "kode_prov", "nama", "lat", "lng"), 7285),
    RefFile("villages.csv", ("kode", "kode_kec", "kode_kab", "kode_prov", "nama", "jenis", "lat", "lng"), 83762),
    RefFile("islands.csv", ("kode", "kode_kab", "kode_prov", "nama", "lat", "lng", "status"), 17000),
    RefFile("kaltara_wilayah.csv", ("kode", "tingkat", "jenis", "nama", "lat", "lng"), 543),
    RefFile("geojson/kaltara_kabkota.geojson"),
    RefFile("geojson/kaltara_kecamatan.geojson"),
    RefFile("geojson/kaltara_desa_kelurahan.geojson"),
)


def reference_dir(home: Path) -> Path:
    """Where installed reference data lives: <home>/reference/id-wilayah-kemendagri."""
    return home / "reference" / DATASET


def gazetteer_path(home: Path) -> Path:
    return home / "reference" / "gazetteer.pkl"


def default_source(env_value: Path | None, project_root: Path) -> Path | None:
    """The local source folder: the setting if given, else ../shared/data/... beside the repo."""
    if env_value:
        return Path(env_value)
    guess = project_root.parent / "shared" / "data" / DATASET
    return guess if guess.is_dir() else None


def _checksums(source: Path) -> dict[str, str]:
    """name → sha256 from a SHA256SUMS.txt in the source folder or its parent (optional)."""
    sums: dict[str, str] = {}
    for candidate, prefix in ((source / "SHA256SUMS.txt", ""), (source.parent / "SHA256SUMS.txt", f"{source.name}/")):
        if candidate.is_file():
            for line in candidate.read_text(encoding="utf-8").splitlines():
                digest, _, name = line.strip().partition("  ")
                name = name.removeprefix("./")
                if name.startswith(prefix):
                    sums[name[len(prefix):]] = digest
    return sums


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify(folder: Path, checksums: dict[str, str] | None = None) -> dict[str, int]:
    """Check every file exists, has its columns and enough rows (and its checksum when known)."""
    counts = {}
    for ref in FILES:
        path = folder / ref.name
        if not path.is_file():
            raise WaspadaNlpError("W101", f"reference file {path} is missing; run `waspada data install`")
        if checksums and ref.name in checksums and sha256(path) != checksums[ref.name]:
            raise WaspadaNlpError("W102", f"checksum mismatch for {path}; re-copy it from the source")
        if ref.name.endswith(".csv"):
            with open(path, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = next(reader, [])
                missing = [c for c in ref.columns if c not in header]
                if missing:
                    raise WaspadaNlpError("W103", f"{path} lacks columns {missing}; is it the Kemendagri CSV?")
                rows = sum(1 for _ in reader)
            if rows < ref.min_rows:
                raise WaspadaNlpError("W104", f"{path} has {rows} rows, expected >= {ref.min_rows}")
            counts[ref.name] = rows
        else:
            counts[ref.name] = path.stat().st_size
    return counts


def copy_from(source: Path, target: Path) -> dict[str, int]:
    """Verify the source folder, copy it into target, verify the copy."""
    if not source.is_dir():
        raise WaspadaNlpError("W105", f"reference source {source} is not a folder; set WASPADA_REFERENCE_DATA")
    sums = _checksums(source)
    verify(source, sums)
    for ref in FILES:
        dest = target / ref.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / ref.name, dest)
        dest.chmod(0o644)
    return verify(target, sums)


def fetch(base_url: str, target: Path, timeout: float = 60.0) -> dict[str, int]:
    """Download the files from a public mirror laid out like the source folder, then verify."""
    import httpx

    if not base_url:
        raise WaspadaNlpError("W106", "no local source and no WASPADA_REFERENCE_URL; set one of them")
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for ref in FILES:
            url = f"{base_url.rstrip('/')}/{ref.name}"
            resp = client.get(url)
            if resp.status_code != 200:
                raise WaspadaNlpError("W107", f"fetching {url} gave HTTP {resp.status_code}; use --from DIR")
            dest = target / ref.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(resp.content)
    return verify(target)
