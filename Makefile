# The two commands of the README. Both install what they need first.
.PHONY: run test bootstrap

# Run the whole service: starts a local Elasticsearch when ES_URL is not set.
run:
	@scripts/bootstrap.sh run
	.venv/bin/waspada run

# Run the test suite against real servers (a local Elasticsearch unless ES_URL is set).
test:
	@scripts/bootstrap.sh test
	scripts/test.sh
