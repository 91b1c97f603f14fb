#!/usr/bin/env bash
# Start-up time and heap after start of the packaged application on the embedded database:
# a cold start (empty data directory: MariaDB installs its system tables) and a warm one (data kept).
# Prints the numbers; not part of `verify`.
#   bench/startup.sh            (builds the production jar first)
#   bench/startup.sh --no-build (uses web/target/web-*.jar as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  for jdk in /usr/lib/jvm/*; do
    [ -x "$jdk/bin/jcmd" ] && [ "$(java_major "$jdk/bin/java")" -ge 21 ] 2>/dev/null && JAVA_HOME=$jdk
  done
fi
export JAVA_HOME
if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q -Pproduction -pl web -am -DskipTests package
fi
jar=$(ls web/target/web-*.jar | head -n 1)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

run() {
  local label=$1 log="$work/$1.log" start pid
  start=$(date +%s%N)
  (cd "$work" && VAADIN_USAGE_STATS_ENABLED=false exec "$JAVA_HOME/bin/java" -jar "$OLDPWD/$jar" --server.port="$port" > "$log" 2>&1) &
  pid=$!
  until grep -q 'Started MamoriApplication' "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the application stopped; see $log"; exit 1; }
    sleep 0.2
  done
  local wall=$(( ($(date +%s%N) - start) / 1000000 ))
  local spring=$(sed -n 's/.*Started MamoriApplication in \([0-9.]*\) seconds.*/\1/p' "$log")
  local db=$(sed -n 's/.*Embedded MariaDB started .*(\([0-9]*\) ms).*/\1/p' "$log")
  curl -s -o /dev/null "http://127.0.0.1:$port/login"
  sleep 3
  local jpid; jpid=$(pgrep -f -- "--server.port=$port" | head -n 1)
  local used; used=$("$JAVA_HOME/bin/jcmd" "$jpid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1)
  "$JAVA_HOME/bin/jcmd" "$jpid" GC.run > /dev/null
  local live; live=$("$JAVA_HOME/bin/jcmd" "$jpid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -n 1)
  local rss; rss=$(ps -o rss= -p "$jpid" | tr -d ' ')
  printf '%-5s start %6d ms wall (Spring says %ss, embedded MariaDB %s ms) | heap used %4d MiB, live after GC %4d MiB | JVM RSS %4d MiB\n' \
    "$label" "$wall" "$spring" "$db" $((used / 1024)) $((live / 1024)) $((rss / 1024))
  kill "$jpid"; wait "$pid" 2>/dev/null || true
}

echo "jar: $jar ($(du -m "$jar" | cut -f1) MiB), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), $(nproc) cores"
run cold
run warm
rm -rf "$work"
