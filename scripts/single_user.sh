# Sourced (from the top of the tree) by the scripts that run a single-user
# backend under valgrind in a throwaway data directory: scripts/valgrind.sh
# and bench/callgrind.sh.  "$1" names the directory (/tmp/diplo-$1.XXXXXX).
# Sets BIN (and PGV unless PG_BINDIR is given), WORK, RUNAS and run_pg (a
# command as the postgres user when run as root); the directory goes at exit
# unless KEEP=1.
# PG_BINDIR: the server binaries to run (a private build or copy, with
# diplo installed there), instead of the system's (scripts/setup.sh)
if [ -n "${PG_BINDIR:-}" ]; then
  BIN=$PG_BINDIR
else
  PGV=$(bash scripts/setup.sh)
  BIN=/usr/lib/postgresql/$PGV/bin
fi
command -v valgrind >/dev/null || { apt-get install -y -q valgrind >/dev/null || sudo apt-get install -y -q valgrind >/dev/null; }
WORK=$(mktemp -d "/tmp/diplo-$1.XXXXXX")
chmod 755 "$WORK"
RUNAS=""; [ "$(id -u)" -eq 0 ] && { RUNAS="su postgres -s /bin/bash -c"; chown postgres "$WORK"; }
run_pg() { if [ -n "$RUNAS" ]; then $RUNAS "$*"; else bash -c "$*"; fi; }
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"' EXIT
