"""Doc extensions the Waspada components read and write (registered once, idempotently).

- `doc._.meta`: the input article dict minus its text (source_region_code, source, ...), set by
  `nlp.pipeline.make_doc` so components can use the article's context.
- `doc._.text_start`: char offset where the article text starts in the doc (title + "\\n\\n" + text);
  0 when there is no title.
- `doc._.locations`, `doc._.primary_location`: set by `waspada_place_linker`.
- `doc._.actors`: set by `waspada_actor_linker`.
Offsets stored on the Doc are doc offsets; `nlp.serialize` turns them into text offsets.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "meta": None,
    "text_start": 0,
    "locations": None,
    "primary_location": None,
    "actors": None,
}


def register() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
