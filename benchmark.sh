#!/usr/bin/env bash
# The benchmark report: measures the platform next to its peers (nginx, Hugo) on this machine and
# regenerates docs/benchmarks.md and its charts (docs/benchmarks/*.svg). Not part of the tests.
#
#   ./benchmark.sh              # the full run (about 10 minutes on 2 cores, plus the build)
#   ./benchmark.sh --quick      # small sizes, to check it works; writes system-tests/target/benchmark-report/benchmarks.md
#   ./benchmark.sh --no-build   # skip the build (the jars are already there)
#   ./benchmark.sh -Dbenchmark.edits=1000 ...   # any benchmark.* setting (see the README's Benchmarks section)
#
# Installs what it needs from Debian when missing (wrk, nginx, hugo; through sudo when not root),
# builds the platform (./mvnw install -DskipTests), then runs PlatformBenchmarks in system-tests
# (./mvnw -pl system-tests -Pbenchmark-report verify), which starts Kafka's broker and the four
# services as processes on free ports: a running ./run.sh is not disturbed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

build=1
settings=()
for arg in "$@"; do
  case $arg in
    --quick)
      settings+=(-Dbenchmark.edits=50 -Dbenchmark.warmup-edits=10 -Dbenchmark.indicator-edits=20 -Dbenchmark.pdf-edits=2
                 -Dbenchmark.wrk-seconds=3 -Dbenchmark.large-chapters=100 -Dbenchmark.large-indicators=1000
                 -Dbenchmark.hugo-runs=2 -Dbenchmark.jmh-seconds=1
                 "-Dbenchmark.output=$PWD/system-tests/target/benchmark-report/benchmarks.md") ;;
    --no-build) build= ;;
    -D*) settings+=("$arg") ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "benchmark.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=.ci/install-packages.sh
source .ci/install-packages.sh
install_packages wrk nginx hugo

started=$SECONDS
if [[ -n $build ]]; then
  echo "Building (./mvnw -q install -DskipTests)..."
  ./mvnw -B -q install -DskipTests < /dev/null
fi
echo "Running the benchmarks..."
./mvnw -B -q -pl system-tests -Pbenchmark-report verify "${settings[@]}" < /dev/null
echo "Done in $(( SECONDS - started )) s."
