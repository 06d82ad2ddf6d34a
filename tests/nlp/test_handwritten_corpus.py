"""The hand-written corpus files: every record follows the labelling guide, and bad lines are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.conflict.handwritten_convert import HERE, RecordError, main, parse


def test_every_committed_handwritten_file_is_valid():
    files = sorted((HERE / "handwritten").glob("*.txt"))
    assert files
    assert main(["--check", *map(str, files)]) == 0


@pytest.mark.parametrize("line, message", [
    ("incident|0|election|negative|T|Massa bentrok di depan kantor KPU, dua orang luka-luka.", "intensity 1-3"),
    ("none|0|election|neutral|T|Jadwal pendaftaran calon kepala daerah diumumkan pekan depan.", "no categories"),
    ("tension|2|labor|negative|T|Serikat pekerja mengancam mogok bila upah tidak dibayar bulan ini.", "intensity 1"),
    ("incident|2|riot|negative|T|Warga dua kampung saling lempar batu hingga larut malam kemarin.", "unknown categories"),
    ("incident|2|resource|angry|T|Warga menutup jalan perusahaan sawit dengan batang kayu sejak pagi.", "unknown sentiment"),
    ("incident|2|resource|negative|Warga menutup jalan perusahaan sawit dengan batang kayu.", "6 '|'-separated"),
])
def test_a_bad_record_is_refused_with_its_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "train_bad.txt"
    path.write_text("# comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=message) as err:
        parse(path, with_title=True)
    assert "line 2" in str(err.value)
