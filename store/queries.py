"""Pure builders of Elasticsearch query bodies: no client, no I/O, unit-tested without a cluster.

Users never send query DSL. Their text goes through `simple_query_string`, which has no
syntax errors by design: quoted phrases, `+` (must), `-` (must not), `OR`/`|`. Phrases are
matched on the `.exact` sub-fields (standard analyzer, no stemming), words on the stemmed
Indonesian fields, so "berkelahi" finds "perkelahian" and "Desa Long Sulit" stays a phrase.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 500
SEARCH_FIELDS = ["title^3", "text"]

_OR = re.compile(r"\s+OR\s+")
_AND = re.compile(r"\s+AND\s+")
_DSL = re.compile(r"[{}]|\b(match_all|bool|query_string|script)\s*\"?\s*:")
_EMPTY_GROUP = re.compile(r"\(\s*\)|\(\s*(OR|AND|\|)\b|\b(OR|AND)\s*\)|^\s*(OR|AND)\b|\b(OR|AND)\s*$")


class QueryError(ValueError):
    """A user query that cannot be answered; the message is shown to the user (HTTP 400/422)."""


def to_simple_query(user_text: str) -> str:
    """Translate the documented user syntax into simple_query_string syntax."""
    text = user_text.strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"E030: query longer than {MAX_QUERY_CHARS} characters; shorten it")
    if text.count('"') % 2:
        raise QueryError('E031: unbalanced quote in query; close the phrase with "')
    if _DSL.search(text):
        raise QueryError('E043: query DSL is not accepted; type words, "phrases", +must, -must_not, a OR b')
    _check_parentheses(text)
    return _OR.sub(" | ", _AND.sub(" ", text))


def _check_parentheses(text: str) -> None:
    """Groups must open before they close and close at the end; an empty group is refused too."""
    depth = 0
    outside_quotes = text.split('"')[::2]
    for part in outside_quotes:
        for char in part:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth < 0:
                raise QueryError("E044: ')' without '('; balance the parentheses")
    if depth:
        raise QueryError("E044: unbalanced parentheses; close every '(' with ')'")
    if _EMPTY_GROUP.search(" ".join(outside_quotes)):
        raise QueryError("E045: an operator or group has nothing to apply to; remove the empty '( )' or dangling OR")


def full_text(user_text: str) -> dict:
    """The scoring part of an article search."""
    if not user_text.strip():
        return {"match_all": {}}
    return {
        "simple_query_string": {
            "query": to_simple_query(user_text),
            "fields": SEARCH_FIELDS,
            "default_operator": "and",
            "quote_field_suffix": ".exact",
            "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE",
            "lenient": True,
        }
    }


def article_search(user_text: str, *, size: int = 20, highlight: bool = True) -> dict:
    """A plain full-text article search body, newest first among equals."""
    body: dict = {
        "query": full_text(user_text),
        "size": size,
        "sort": ["_score", {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
        "track_total_hits": True,
    }
    if highlight:
        body["highlight"] = {
            "fields": {"title": {"number_of_fragments": 0}, "text": {"fragment_size": 160, "number_of_fragments": 3}},
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
        }
    return body
