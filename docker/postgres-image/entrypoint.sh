#!/bin/sh
# Creates the cluster on first start (an empty volume), then runs the server in the foreground.
set -eu
: "${POSTGRES_USER:=academy}"
: "${POSTGRES_DB:=academy}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (the compose file reads it from .env)}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  echo "academy-postgres: created the cluster and the database $POSTGRES_DB"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
