# Sourced by backup.sh and restore.sh: the MariaDB client and a private option file with the connection.
#   MAMORI_DB_HOST (127.0.0.1), MAMORI_DB_PORT (3306), MAMORI_DB_USER (root), MAMORI_DB_PASSWORD (empty)
# The password goes into a file only this user can read, never onto a command line (where `ps` would show it).

fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

client() {
  command -v "$1" >/dev/null 2>&1 || command -v "$2" >/dev/null 2>&1 \
    || fail "neither $1 nor $2 is on PATH: install the MariaDB client (Debian: apt-get install mariadb-client)"
  if command -v "$1" >/dev/null 2>&1; then echo "$1"; else echo "$2"; fi
}

MARIADB=$(client mariadb mysql) || exit 1
OPTIONS=$(mktemp) || fail "cannot create a temporary file"
trap 'rm -f "$OPTIONS"' EXIT
chmod 600 "$OPTIONS"
escaped_password=$(printf '%s' "${MAMORI_DB_PASSWORD:-}" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
cat >"$OPTIONS" <<OPTIONS
[client]
host=${MAMORI_DB_HOST:-127.0.0.1}
port=${MAMORI_DB_PORT:-3306}
user=${MAMORI_DB_USER:-root}
password="$escaped_password"
default-character-set=utf8mb4
OPTIONS

# Runs one statement and prints the rows without headers; stops the script with the server's message on an error.
sql() {
  local out
  out=$("$MARIADB" --defaults-extra-file="$OPTIONS" --batch --skip-column-names -e "$1" 2>&1) \
    || fail "${2:-the database server refused: $1}: $out"
  printf '%s\n' "$out"
}

# The last schema version Flyway applied in database $1 (empty when it is not a Mamori database).
schema_version() {
  "$MARIADB" --defaults-extra-file="$OPTIONS" --batch --skip-column-names -e \
    "SELECT version FROM \`$1\`.flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1" 2>/dev/null
}

valid_name() {
  [[ "$1" =~ ^[A-Za-z0-9_]{1,64}$ ]] || fail "'$1' is not a database name this script accepts (letters, digits, _; at most 64)"
}
