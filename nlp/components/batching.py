"""Shared calling convention of components that predict on batches of docs (textcat-backed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch


class BatchComponent:
    """`__call__` and `pipe` in terms of `_process(list_of_docs)`: one model call per batch, not per doc."""

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from self._process(list(batch))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        raise NotImplementedError
