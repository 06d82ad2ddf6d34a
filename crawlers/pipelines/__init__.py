"""Item pipelines, in order (crawlers/settings.py ITEM_PIPELINES): dedup 200 → enrich 400 → store 800."""
