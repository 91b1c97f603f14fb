#!/usr/bin/env bash
# Restores a backup written by ops/backup.sh into a new database; never into one that holds tables, so a mistyped
# name cannot overwrite live data. Start Mamori on the new database afterwards: Flyway finds its schema up to date
# (or migrates it in place, if the backup is older than the application).
#
#   ops/restore.sh FILE.sql.gz NEW_DATABASE
#
# Connection: MAMORI_DB_HOST, MAMORI_DB_PORT, MAMORI_DB_USER, MAMORI_DB_PASSWORD (see db-connection.sh); the user
# must be allowed to create the database. When FILE.sha256 exists the file must match it. A restore that fails
# drops the database it created. Exit codes: 0 done, 1 failed, 2 wrong call.
set -euo pipefail

if [[ $# -ne 2 || "$1" == -* ]]; then
  echo "usage: ops/restore.sh FILE.sql.gz NEW_DATABASE" >&2
  exit 2
fi
source "$(dirname "$0")/db-connection.sh"

file=$1
database=$2
valid_name "$database"
[[ -f "$file" && -r "$file" ]] || fail "cannot read $file"
if [[ -f "$file.sha256" ]]; then
  (cd "$(dirname "$file")" && sha256sum --check --status "$(basename "$file").sha256") \
    || fail "$file does not match $file.sha256: the backup is damaged; nothing was restored"
fi
gzip -t "$file" 2>/dev/null || fail "$file is not a complete gzip file; nothing was restored"
gzip -dc "$file" | tail -n 1 | grep -q '^-- Dump completed' \
  || fail "$file is not a complete dump by ops/backup.sh (no 'Dump completed' line at its end); nothing was restored"

created=false
found=$(sql "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '$database'" "cannot reach the database server")
if [[ -n "$found" ]]; then
  tables=$(sql "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$database'")
  [[ "$tables" == 0 ]] || fail "database '$database' holds $tables tables: restore only into a new, empty database; nothing was changed"
else
  sql "CREATE DATABASE \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" "cannot create database '$database'" >/dev/null
  created=true
fi

if ! out=$(gzip -dc "$file" | "$MARIADB" --defaults-extra-file="$OPTIONS" "$database" 2>&1); then
  if [[ $created == true ]]; then
    sql "DROP DATABASE \`$database\`" "could not drop the half-restored database '$database'; drop it by hand" >/dev/null
    fail "the restore into '$database' failed and the database was dropped again: $out"
  fi
  fail "the restore into '$database' failed; empty it by hand before trying again: $out"
fi
echo "restored $file into '$database' (schema version $(schema_version "$database"))." \
  "Start Mamori on it with the same MAMORI_BADGE_KEY_SECRET as before."
