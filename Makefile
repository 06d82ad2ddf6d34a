# The two commands of the README. Both install what they need first.
.PHONY: run demo test

# Run the whole service: starts a local Elasticsearch when ES_URL is not set. ARGS="--demo" etc.
run:
	@scripts/bootstrap.sh run
	.venv/bin/waspada run $(ARGS)

# The same service against the built-in demo outlets (offline, a developing land dispute in Nunukan).
demo:
	@scripts/bootstrap.sh run
	.venv/bin/waspada run --demo --log-format text

# Run the test suite against real servers (a local Elasticsearch unless ES_URL is set).
test:
	@scripts/bootstrap.sh test
	scripts/test.sh
