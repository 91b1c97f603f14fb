#!/usr/bin/env bash
# Backs up Mamori's database: a consistent dump (one transaction, no locks held on InnoDB tables) of every table,
# routine, trigger and event, gzip-compressed, with a .sha256 file beside it. Safe while Mamori runs; do not run it
# during an upgrade (Flyway's DDL would break the transaction's snapshot).
#
#   ops/backup.sh DATABASE [FILE.sql.gz]
#
# Connection: MAMORI_DB_HOST, MAMORI_DB_PORT, MAMORI_DB_USER, MAMORI_DB_PASSWORD (see db-connection.sh).
# The default FILE is mamori-DATABASE-<UTC time>.sql.gz in the current directory. An existing file is never
# overwritten, and a dump that fails leaves no file. Exit codes: 0 done, 1 failed, 2 wrong call.
# Keep MAMORI_BADGE_KEY_SECRET with the backups: the restored database needs it to sign Open Badges.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || "$1" == -* ]]; then
  echo "usage: ops/backup.sh DATABASE [FILE.sql.gz]" >&2
  exit 2
fi
source "$(dirname "$0")/db-connection.sh"
DUMP=$(client mariadb-dump mysqldump) || exit 1

database=$1
valid_name "$database"
file=${2:-mamori-$database-$(date -u +%Y%m%dT%H%M%SZ).sql.gz}
[[ -e "$file" ]] && fail "$file exists already; nothing was written (name another file)"
found=$(sql "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$database'" "cannot reach the database server")
[[ -n "$found" ]] || fail "there is no database '$database' on ${MAMORI_DB_HOST:-127.0.0.1}:${MAMORI_DB_PORT:-3306}; nothing was written"
version=$(schema_version "$database") || true
[[ -n "$version" ]] || fail "'$database' has no Flyway schema history: is it Mamori's database? Nothing was written"

partial="$file.partial"
trap 'rm -f "$OPTIONS" "$partial" "$partial.err"' EXIT
if ! "$DUMP" --defaults-extra-file="$OPTIONS" --single-transaction --quick --routines --triggers --events \
    --hex-blob --no-tablespaces "$database" 2>"$partial.err" | gzip -c >"$partial"; then
  message=$(cat "$partial.err"); rm -f "$partial.err"
  fail "the dump of '$database' failed; nothing was written: $message"
fi
rm -f "$partial.err"
# mariadb-dump ends a complete dump with this line; anything else means it stopped early.
gzip -dc "$partial" | tail -n 1 | grep -q '^-- Dump completed' \
  || fail "the dump of '$database' is incomplete; nothing was written"
mv "$partial" "$file"
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" >"$(basename "$file").sha256")
echo "backup of '$database' (schema version $version) written to $file ($(wc -c <"$file") bytes) and $file.sha256"
