#!/bin/bash
# Runs FloorProbe in a JVM set up like a bench child (engine environment, launcher's -D options, NMT on).
# Usage: POLYGROK_HOME=dist/target/polygrok-0.1.0-SNAPSHOT run.sh [JVM options...] -- bare OUT
#        | engine tf|djl|nd4j OUT | train tf|djl|nd4j lstm|gpt BATCH STEPS OUT
# First: javac -cp "$POLYGROK_HOME/lib/*" -d /tmp/memprobe FloorProbe.java. Then: python3 analyze.py OUT
D=${POLYGROK_HOME:?set POLYGROK_HOME to an unpacked polygrok}
export OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 TF_CPP_MIN_LOG_LEVEL=2
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-1073741824}
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-33554432}
flags=()
while [ "$1" != "--" ]; do flags+=("$1"); shift; done; shift
exec java -Xmx8g -XX:NativeMemoryTracking=summary "${flags[@]}" -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Djava.awt.headless=true -Dpolygrok.home="$D" \
  -cp "$D/lib/*:/tmp/memprobe" FloorProbe "$@"
