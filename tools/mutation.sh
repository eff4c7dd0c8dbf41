#!/usr/bin/env bash
# Mutation testing, on demand (never in CI): cosmic-ray over the modules whose
# sessions are in tools/mutation/*.toml, each with the test files that matter for it.
#
#   tools/mutation.sh [SAMPLE [SEED [NAME...]]]
#
# SAMPLE mutants per module (default 40; 0 for all of them), drawn with SEED
# (default 1); NAME limits the run to tools/mutation/NAME.toml (rules, lifecycle,
# scoring, references). Needs the `mutation` extra: pip install -e '.[dev,mutation]'.
#
# cosmic-ray mutates the source file in place, so everything runs in a copy of
# the tree (src, tests, pyproject.toml) with PYTHONPATH pointing at the copy:
# the working tree is never touched. Reports land in test-artifacts/mutation/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sample=${1:-40}
seed=${2:-1}
shift $(( $# > 2 ? 2 : $# ))
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    names=(rules lifecycle scoring references)
fi
venv_bin=${VENV_BIN:-$root/.venv/bin}
out=$root/test-artifacts/mutation
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/compagnonnage-mutation.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$root" && tar --exclude=__pycache__ --exclude=.hypothesis -cf - src tests pyproject.toml tools) \
    | tar -xf - -C "$work"
export PATH="$venv_bin:$PATH" PYTHONPATH="$work/src" PYTHONDONTWRITEBYTECODE=1

cd "$work"
for name in "${names[@]}"; do
    config=tools/mutation/$name.toml
    session=$work/$name.sqlite
    cosmic-ray init "$config" "$session"
    python tools/mutation_session.py sample "$session" "$sample" "$seed"
    cosmic-ray exec "$config" "$session"
    python tools/mutation_session.py summary "$session" > "$out/$name.txt"
    head -n 1 "$out/$name.txt"
done
