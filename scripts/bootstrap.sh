#!/usr/bin/env bash
# Install what Waspada needs on a fresh machine: system packages (as root on Debian/Ubuntu),
# a project virtualenv with the Python packages, and the Elasticsearch jars.
# Usage: scripts/bootstrap.sh [run|test]   — idempotent; re-installs only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if [ "$mode" = test ]; then
  command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "bootstrap: missing ${need_apt[*]}; install them with: sudo apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "bootstrap: Python 3.11+ is needed (found $("$python" --version))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$python" -m venv .venv

# the test run also covers the optional transformers path (torch is large: ~5 GB, ~2.5 min)
extras="redis"
[ "$mode" = test ] && extras="test,transformers,train"
stamp=".venv/.installed-$extras"
hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  echo "bootstrap: installing Python packages (.[$extras])"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[$extras]"
  echo "$hash" > "$stamp"
fi
