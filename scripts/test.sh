#!/usr/bin/env bash
# Run the test suite with the project's own services; pytest's "no tests" (5) counts as failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export WASPADA_REFERENCE_DATA="${WASPADA_REFERENCE_DATA:-$(cd .. && pwd)/shared/data/id-wilayah-kemendagri}"
mkdir -p test-artifacts
.venv/bin/python -m pytest "$@"
status=$?
if [ $status -eq 5 ]; then
  echo "test.sh: pytest collected no tests" >&2
  exit 1
fi
exit $status
