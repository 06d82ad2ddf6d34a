"""Custom Scrapy signals of the Waspada crawlers."""

#: sent by the store pipeline with `fingerprints` (hex) of pages whose items are now durably stored
items_stored = object()
