"""The local redis-server helper keeps a log that says why a client lost its connection."""

from __future__ import annotations

import time

import redis


def test_the_log_records_connections_and_the_command_a_client_was_in(redis_server):
    client = redis.Redis.from_url(redis_server.url)
    client.ping()
    client.close()
    deadline = time.monotonic() + 5
    while "Client closed connection" not in redis_server.log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)  # the server logs the close once it has read the end of the stream
    log = redis_server.log_path.read_text()
    assert "Ready to accept connections" in log
    assert "Client closed connection" in log and "cmd=ping" in log
