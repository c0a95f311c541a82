#!/bin/sh
# Corre una vez, al crear el primario: el usuario con el que las réplicas copian y siguen el WAL.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v clave="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicador WITH REPLICATION LOGIN PASSWORD :'clave';
SQL
echo "host replication replicador all scram-sha-256" >> "$PGDATA/pg_hba.conf"
