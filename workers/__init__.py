"""Durable work queues on Redis streams, so enrichment and indexing can run on other machines.

Fetching and understanding scale differently: crawlers wait on the network, enrichment burns
CPU. With `WASPADA_QUEUE_URL` set, crawlers publish items to a Redis stream and any number of
`waspada worker` processes (on any machine) consume them in a consumer group.
"""
