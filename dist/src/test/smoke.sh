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

# Spark: its jars only under lib/spark/, none of them in lib/ nor in both; a one-trial sweep on local[1] works
ls "$home"/lib/spark/spark-core_*.jar >/dev/null 2>&1 || fail "lib/spark/ holds no spark-core jar"
if ls "$home"/lib/ | grep -Eq '^(spark-|scala-library)'; then fail "Spark's jars are in lib/ (the default class path)"; fi
# no jar file in both lib/ and lib/spark/ (same name = same version: the assembly must exclude it)
both="$(comm -12 <(ls "$home"/lib/ | sort) <(ls "$home"/lib/spark/ | sort) | grep '\.jar$' || true)"
[ -z "$both" ] || fail "jars in both lib/ and lib/spark/: $both"
spark_out="$(mktemp -d)"
"$launcher" run sanity --scale quick --backend djl --models gpt --seeds 0 --set p=7 --set dim=16 --set layers=1 \
  --set steps=5 --executor spark --master 'local[1]' --out "$spark_out/out" > "$spark_out/log" 2>&1 \
  || fail "a sweep with --executor spark failed: $(tail -5 "$spark_out/log")"
[ -f "$spark_out/out/sanity/summary.json" ] || fail "the Spark sweep wrote no summary"
# without lib/spark/ on the class path, --executor spark is refused in one sentence (exit 2)
err="$(java -cp "$home/lib/*" org.polygrok.cli.Polygrok run sanity --executor spark --out "$spark_out/none" 2>&1 >/dev/null)"; rc=$?
[ "$rc" -eq 2 ] || fail "--executor spark without Spark's jars exited $rc, expected 2: $err"
echo "$err" | grep -q "Spark's jars are not on the class path" || fail "unexpected message without Spark's jars: $err"
# spark-submit's main class is in the tarball and adds --executor spark (refused the same way without Spark's jars)
err="$(java -cp "$home/lib/*" org.polygrok.cli.SparkSubmitMain run sanity --out "$spark_out/none" 2>&1 >/dev/null)"; rc=$?
[ "$rc" -eq 2 ] || fail "org.polygrok.cli.SparkSubmitMain without Spark's jars exited $rc, expected 2: $err"
echo "$err" | grep -q "Spark's jars are not on the class path" || fail "unexpected message from SparkSubmitMain: $err"
rm -rf "$spark_out"
echo "dist smoke test passed"
