"""Pure query builders: no cluster needed."""

from __future__ import annotations

import pytest

from store.queries import MAX_QUERY_CHARS, QueryError, article_search, full_text, to_simple_query


def test_or_becomes_simple_query_pipe():
    assert to_simple_query('bentrok OR "unjuk rasa" -sepakbola') == 'bentrok | "unjuk rasa" -sepakbola'


def test_phrases_use_the_exact_subfields():
    query = full_text('"Desa Long Sulit"')["simple_query_string"]
    assert query["quote_field_suffix"] == ".exact"
    assert query["default_operator"] == "and"


def test_empty_query_matches_everything():
    assert full_text("  ") == {"match_all": {}}


@pytest.mark.parametrize("bad", ['"unclosed phrase', "x" * (MAX_QUERY_CHARS + 1)])
def test_bad_user_queries_raise_a_clear_error(bad):
    with pytest.raises(QueryError, match="E03"):
        to_simple_query(bad)


def test_article_search_sorts_with_a_unique_tiebreaker():
    body = article_search("bentrok", size=5)
    assert body["sort"][-1] == {"id": "asc"}
    assert body["size"] == 5
