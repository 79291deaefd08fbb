#!/usr/bin/env bash
# Smoke test of the packaged launcher (run by `mvn verify` in the dist module): every backend is
# discovered and available, an unknown backend exits 2 naming the available ones, --help works.
set -uo pipefail
home="$1"
launcher="$home/bin/polygrok"
fail() { echo "dist smoke test FAILED: $*" >&2; exit 1; }

[ -x "$launcher" ] || fail "$launcher is not executable"
listing="$("$launcher" backends)" || fail "'polygrok backends' exited $?"
echo "$listing"
for name in djl tf nd4j; do
  echo "$listing" | grep -Eq "^$name +.* available" || fail "backend '$name' is not listed as available"
done

err="$("$launcher" backends --backend nope 2>&1 >/dev/null)"; rc=$?
[ "$rc" -eq 2 ] || fail "'--backend nope' exited $rc, expected 2"
for name in djl tf nd4j; do
  echo "$err" | grep -q "$name" || fail "the unknown-backend message does not name '$name': $err"
done

"$launcher" --help >/dev/null || fail "'polygrok --help' exited $?"
echo "dist smoke test passed"
