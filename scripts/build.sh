#!/usr/bin/env bash
# Install the dependencies, build diplo against the chosen PostgreSQL and
# install it.  Prints the PostgreSQL major version on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/setup.sh)
PG_CONFIG=/usr/lib/postgresql/$PGV/bin/pg_config
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
make -s PG_CONFIG="$PG_CONFIG" >&2
$SUDO make -s PG_CONFIG="$PG_CONFIG" install >&2
echo "$PGV"
