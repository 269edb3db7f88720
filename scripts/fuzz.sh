#!/usr/bin/env bash
# Build the libFuzzer harnesses of the language core (fuzz/*.c) from the
# current sources into fuzz/out/, then run each for SECONDS seconds on a
# working copy of its seed corpus.  Prints one result line per harness and
# exits non-zero on any crash, leak, timeout, out-of-memory or build error.
#
#   bash scripts/fuzz.sh [SECONDS]          default 60
#   FUZZ_HARNESSES="fuzz_tag" bash scripts/fuzz.sh 30   only some harnesses
#   FUZZ_KEEP_CORPUS=1 ...  go on from the previous run's corpus
#   FUZZ_CC=clang-14     compiler (needs libFuzzer: libclang-rt-14-dev)
#
# Each run fuzzes a fresh copy of fuzz/seeds/<harness> (so a short run
# always takes the same time) and leaves the grown corpus in
# fuzz/out/corpus/<harness> (git-ignored); FUZZ_KEEP_CORPUS=1 starts from
# that corpus plus the seeds instead.  Crash inputs land in
# fuzz/out/artifacts/<harness>/, logs in fuzz/out/logs/.
set -uo pipefail
cd "$(dirname "$0")/.."

SECS=${1:-60}
case "$SECS" in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
CC=${FUZZ_CC:-clang-14}
command -v "$CC" >/dev/null 2>&1 || CC=clang
HARNESSES=${FUZZ_HARNESSES:-$(for f in fuzz/fuzz_*.c; do basename "$f" .c; done)}
OUT=fuzz/out

# The generated common-word header dp_dict.c includes (absent in a fresh clone).
if [ ! -f build/common_words.h ]; then
	pgc=pg_config
	command -v pg_config >/dev/null 2>&1 ||
		pgc=$(ls /usr/lib/postgresql/*/bin/pg_config 2>/dev/null | sort -V | tail -n 1)
	echo "fuzz: generating build/common_words.h" >&2
	make -s PG_CONFIG="${pgc:-pg_config}" build/common_words.h >&2 || {
		echo "fuzz: FAILED: cannot build build/common_words.h"; exit 1; }
fi

UTF8PROC_CFLAGS=$(pkg-config --cflags libutf8proc 2>/dev/null)
UTF8PROC_LIBS=$(pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc)
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CFLAGS="-g -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare"
INC="-Iext/core -Ibuild -Ifuzz $UTF8PROC_CFLAGS"

# Build in a private directory, then rename the binaries into place, so a
# concurrent run keeps its own binaries and objects.
mkdir -p "$OUT/logs"
OBJ=$(mktemp -d "$OUT/build.XXXXXX") || exit 1
trap 'rm -rf "$OBJ"' EXIT
# Coverage for every core file; comparison tracing (which guides libFuzzer
# through code point and keyword tests) only for the text layer, because in
# the tagger's per-sentence loops it costs ~10x and would turn long inputs
# into false timeouts.
for src in ext/core/*.c; do
	base=$(basename "$src" .c)
	o="$OBJ/$base.o"
	case " dp_core dp_text dp_token " in
		*" $base "*) cov="-fsanitize=fuzzer-no-link" ;;
		*) cov="-fsanitize-coverage=inline-8bit-counters,pc-table" ;;
	esac
	# dp_dict.c includes build/common_words.h: 120,000 string literals that
	# AddressSanitizer would each give a red zone, taking a minute to build.
	# Its globals go unchecked; its heap and stack accesses stay checked.
	extra=""
	[ "$base" = dp_dict ] && extra="-mllvm -asan-globals=0"
	# shellcheck disable=SC2086
	"$CC" $CFLAGS -O2 $SAN $cov $extra $INC -c "$src" -o "$o" 2>"$o.log" || {
		cat "$o.log" >&2; echo "fuzz: FAILED: cannot compile $src"; exit 1; }
done
for h in $HARNESSES; do
	# shellcheck disable=SC2086
	"$CC" $CFLAGS -O1 $SAN -fsanitize=fuzzer $INC "fuzz/$h.c" "$OBJ"/*.o \
		$UTF8PROC_LIBS -lstemmer -lm -o "$OBJ/$h" 2>"$OUT/logs/$h.build.log" || {
		cat "$OUT/logs/$h.build.log" >&2; echo "$h: FAILED: build error"; exit 1; }
done
# publish the binaries (to run reproducers with) but fuzz with our own copy
for h in $HARNESSES; do cp -f "$OBJ/$h" "$OUT/$h.$$" && mv -f "$OUT/$h.$$" "$OUT/$h"; done

export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"

status=0
for h in $HARNESSES; do
	# private working names, renamed at the end: runs may overlap
	corpus=$OUT/corpus/$h.$$
	art=$OUT/artifacts/$h
	log=$OUT/logs/$h.$$.log
	rm -rf "$corpus"
	mkdir -p "$corpus" "$art"
	if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ] && [ -d "$OUT/corpus/$h" ]; then
		cp -f "$OUT/corpus/$h"/* "$corpus"/ 2>/dev/null
	fi
	[ -d "fuzz/seeds/$h" ] && cp -f fuzz/seeds/"$h"/* "$corpus"/ 2>/dev/null
	dict=()
	[ -f "fuzz/dicts/$h.dict" ] && dict=(-dict="fuzz/dicts/$h.dict")
	"$OBJ/$h" "$corpus" "${dict[@]}" \
		-max_total_time="$SECS" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$art/" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
	last=$(grep -aE '^#[0-9]+' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	mv -f "$log" "$OUT/logs/$h.log"
	log=$OUT/logs/$h.log
	rm -rf "$OUT/corpus/$h"
	mv "$corpus" "$OUT/corpus/$h"
	if [ $rc -eq 0 ]; then
		echo "$h: OK ${runs:-?} runs in ${SECS}s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, peak RSS ${rss:-?} MB"
	else
		status=1
		kind=$(grep -aoE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer): [a-zA-Z-]+|runtime error: .*|==FUZZ INVARIANT== .*' "$log" | head -n 1)
		crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
		# a leak reported with an empty input is (usually) one seen at exit,
		# after the dictionary was destroyed
		if [ -n "$crash" ] && [ ! -s "$crash" ] && echo "$kind" | grep -q LeakSanitizer; then
			kind="$kind (at exit or on the empty input)"
		fi
		echo "$h: FAILED (rc $rc) ${kind:-see log} after ${runs:-?} runs; input ${crash:-none}; log $log"
	fi
done
exit $status
