#!/usr/bin/env bash
# job-insights developer entry point; bootstraps uv and the locked environment itself.
#   ./dev.sh demo [options]   demo data into DuckDB, the whole pipeline, a summary report
#   ./dev.sh test [pytest options]   the whole test suite (DuckDB and a throwaway PostgreSQL)
#   ./dev.sh <command ...>    any job-insights command, e.g. ./dev.sh report --hours 720
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v uv >/dev/null 2>&1; then
    export PATH="$HOME/.local/bin:$PATH"
    command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
        || python3 -m pip install --quiet --break-system-packages --user uv
fi
# Sync only when the environment differs from the lock: a sync byte-compiles the whole
# environment again (compile-bytecode), which costs about a second on every command.
uv sync --frozen --check --quiet 2>/dev/null || uv sync --frozen --quiet

case "${1:-}" in
    test)
        shift
        exec uv run --no-sync pytest -n 2 "$@"
        ;;
    "")
        exec uv run --no-sync job-insights --help
        ;;
    *)
        exec uv run --no-sync job-insights "$@"
        ;;
esac
