# Sourced (from the top of the tree) by the scripts that run a single-user
# backend under valgrind in a throwaway data directory: scripts/valgrind.sh
# and bench/callgrind.sh.  "$1" names the directory (/tmp/diplo-$1.XXXXXX).
# Sets PGV, BIN, WORK, RUNAS and run_pg (a command as the postgres user when
# run as root); the directory goes at exit unless KEEP=1.
PGV=$(bash scripts/setup.sh)
BIN=/usr/lib/postgresql/$PGV/bin
command -v valgrind >/dev/null || { apt-get install -y -q valgrind >/dev/null || sudo apt-get install -y -q valgrind >/dev/null; }
WORK=$(mktemp -d "/tmp/diplo-$1.XXXXXX")
chmod 755 "$WORK"
RUNAS=""; [ "$(id -u)" -eq 0 ] && { RUNAS="su postgres -s /bin/bash -c"; chown postgres "$WORK"; }
run_pg() { if [ -n "$RUNAS" ]; then $RUNAS "$*"; else bash -c "$*"; fi; }
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"' EXIT
