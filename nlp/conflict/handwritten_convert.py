"""Turn the hand-written article files (handwritten/*.txt, one `|`-separated record a line) into JSONL.

The plain-text form is easier for analysts to review and extend than JSON; the JSONL is what
training and evaluation read. `python -m nlp.conflict.handwritten_convert` rewrites both files.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse(path: Path, with_title: bool) -> list[dict]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 5 if with_title else 4)
        stage, intensity, cats, sentiment = parts[:4]
        title, text = (parts[4], parts[5]) if with_title else ("", parts[4])
        rows.append({"id": f"{path.stem}-{i:04d}", "title": title, "text": text.replace("\\n", "\n\n"),
                     "categories": [c for c in cats.split(",") if c], "stage": stage,
                     "intensity": int(intensity), "sentiment": sentiment, "source": "handwritten"})
    return rows


def main() -> None:
    for name, out, with_title in (("holdout.txt", "holdout.jsonl", False), ("holdout_b.txt", "holdout_b.jsonl", False),
                                  ("train_articles.txt", "handwritten.jsonl", True)):
        rows = parse(HERE / "handwritten" / name, with_title)
        with open(HERE / "data" / out, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(out, len(rows))


if __name__ == "__main__":
    main()
