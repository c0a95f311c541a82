#!/bin/sh
# Una réplica en streaming: la primera vez copia el primario con pg_basebackup -R (que deja
# standby.signal y primary_conninfo) y crea su ranura de replicación; después solo arranca.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h primario -U replicador -q; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h primario -U replicador \
    -D "$PGDATA" -R -X stream -C -S "$RANURA"
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
