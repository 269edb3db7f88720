#!/usr/bin/env bash
# The regression suite against a sanitizer build of the module: diplo.so is
# built with AddressSanitizer and UBSan, installed, and loaded by a
# throwaway server; any sanitizer report fails the run.  The normal build is
# reinstalled at the end.
#
# The server is not started with libasan preloaded: with Debian 12's gcc 12
# runtime, postgres then deadlocks in bindtextdomain() before main() does
# anything.  diplo.so pulls libasan in itself, and takes its ASan options
# from __asan_default_options() (ext/pg/pg_diplo.c, compiled with
# -DDIPLO_ASAN=<report directory>): backends cannot read ASAN_OPTIONS.  So
# every access made by diplo's instrumented code is checked against ASan's
# shadow memory (stack and global buffers, out-of-bounds reads past the
# objects ASan knows); heap blocks come from glibc's malloc and palloc, whose
# insides ASan does not see: the C unit tests and the fuzzers (scripts/
# fuzz.sh) cover the core's heap use with full ASan.
# Long-ish (a few minutes); not part of scripts/test.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
PGV=$(bash scripts/setup.sh)
PG_CONFIG=/usr/lib/postgresql/$PGV/bin/pg_config
BIN=/usr/lib/postgresql/$PGV/bin
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
WORK=$(mktemp -d /tmp/diplo-asan.XXXXXX)
chmod 755 "$WORK"
PORT=${SANITIZE_PORT:-55432}
RUNAS=""; [ "$(id -u)" -eq 0 ] && RUNAS="su postgres -s /bin/bash -c"
run_pg() { if [ -n "$RUNAS" ]; then $RUNAS "$*"; else bash -c "$*"; fi; }

cleanup() {
  run_pg "$BIN/pg_ctl -D $WORK/data -m immediate stop" >/dev/null 2>&1
  make -s clean >/dev/null 2>&1
  make -s PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 && $SUDO make -s PG_CONFIG="$PG_CONFIG" install >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

make -s clean >/dev/null
# PGO=0: the profile-guided build's training program is not built with the
# sanitizers
make -s PG_CONFIG="$PG_CONFIG" PGO=0 PG_CFLAGS="-Wall -Wextra -Werror -Wno-unused-parameter $SAN -DDIPLO_ASAN=\\\"$WORK\\\"" \
  SHLIB_LINK="$(pkg-config --libs libutf8proc) -lstemmer -fsanitize=address,undefined" || exit 1
$SUDO make -s PG_CONFIG="$PG_CONFIG" PGO=0 install >/dev/null || exit 1
[ -n "$RUNAS" ] && chown postgres "$WORK"
run_pg "$BIN/initdb -D $WORK/data -E UTF8 --locale=C.UTF-8 -A trust >/dev/null" || exit 1
run_pg "$BIN/pg_ctl -D $WORK/data -o '-p $PORT -k $WORK' -l $WORK/log -w start" || { cat "$WORK/log"; exit 1; }
PGHOST=$WORK PGPORT=$PORT PGUSER=postgres make -s PG_CONFIG="$PG_CONFIG" installcheck
rc=$?
if [ $rc -ne 0 ]; then
  [ -f regression.diffs ] && head -50 regression.diffs
  echo "--- server log (tail)"; tail -30 "$WORK/log"
fi
reports=$(cat "$WORK"/asan.* "$WORK/log" 2>/dev/null | grep -cE "ERROR: AddressSanitizer|runtime error|ASan runtime" || true)
echo "sanitizer reports: $reports"
cat "$WORK"/asan.* 2>/dev/null | head -40
grep -E -A5 "runtime error|ASan runtime" "$WORK/log" | head -20
[ $rc -eq 0 ] && [ "$reports" -eq 0 ] && echo "1 passed, 0 failed" && exit 0
echo "0 passed, 1 failed"
exit 1
