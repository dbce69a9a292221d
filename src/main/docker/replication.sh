#!/bin/sh
# Run once by the postgres image at the primary's first start (docker-entrypoint-initdb.d):
# a role for streaming replication and the pg_hba.conf line that lets the replica use it.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role replicator with replication login password '${HAILONG_REPLICATION_PASSWORD:-replication}';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
