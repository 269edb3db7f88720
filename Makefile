# diplo: PGXS build.  See README.md for the two commands that matter:
#   make demo   build, install, analyse the sample corpus in a throwaway cluster
#   make test   every test: C unit tests, pg_regress, pgTAP

PG_CONFIG ?= pg_config
PYTHON ?= python3
HUNSPELL_DIC ?= /usr/share/hunspell/fr.dic
ISO_3166 ?= /usr/share/iso-codes/json/iso_3166-1.json
DIPLO_VERSION = 0.2

MODULE_big = diplo
CORE_SRCS = $(sort $(wildcard ext/core/*.c))
PG_SRCS = $(sort $(wildcard ext/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The control file and versioned scripts live in control/.  The built-in
# dictionary is generated from data/ and Debian's iso-codes and hunspell-fr
# (build/builtin.sql) and spliced into the scripts:
#   diplo--0.1.sql       the 0.1 schema, then the dictionary
#   diplo--0.2.sql       the 0.1 schema, the 0.1->0.2 changes up to their
#                        @@BUILTIN_DATA@@ line, the dictionary with the rows
#                        of 0.2's columns (build/builtin-0.2.sql), the rest
#   diplo--0.1--0.2.sql  the 0.1->0.2 changes, with the built-in rows of the
#                        installed version replaced by this build's
#                        (control/builtin_refresh_{begin,end}.sql around the
#                        dictionary) at the @@BUILTIN_DATA@@ line
# so a fresh 0.2 and an updated 0.1 run the same statements on the schema.
MODULEDIR = extension
DATA = control/diplo.control
DATA_built = build/diplo--0.1.sql build/diplo--0.2.sql build/diplo--0.1--0.2.sql
EXTRA_CLEAN = build ext/core/*.gc* test/unit/unit-tests results regression.diffs regression.out

REGRESS = setup text entities stances dictionary badinput analyst names
REGRESS_OPTS = --load-extension=diplo --encoding=UTF8

UTF8PROC_CFLAGS := $(shell pkg-config --cflags libutf8proc)
UTF8PROC_LIBS := $(shell pkg-config --libs libutf8proc)
PG_CPPFLAGS = -Iext/core -Ibuild $(UTF8PROC_CFLAGS)
# -Wno-unused-parameter: PostgreSQL's own headers (ilist.h, bufpage.h) trip it
PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter
SHLIB_LINK = $(UTF8PROC_LIBS) -lstemmer

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

CORE_HEADERS = $(wildcard ext/core/*.h) $(wildcard ext/core/stance/*.h ext/core/stance/*.c)
$(OBJS): $(CORE_HEADERS) $(wildcard ext/pg/*.h)

# Profile-guided build of the core (PGO=0 turns it off; only with a GCC
# that has -fprofile-partial-training, GCC 10 and later).
# The core sources are compiled once more with -fprofile-generate into
# build/pgo, linked with ext/tools/pgo_train.c, which builds the built-in
# dictionary from the generated install script and tags, scores and counts
# the sample articles of data/corpus; the core objects of diplo.so are then
# compiled with the counts it left (-fprofile-use).  The same code, laid out
# for its hot paths: entities() about 10 % faster (README, Performance).
# -dumpbase names the counts of build/pgo/ext/core/x.o as those of
# ext/core/x.o (GCC names profiles, and numbers static functions, after it);
# -fprofile-prefix-path keeps the checkout's path out of the profile's file
# names (ext#core#x.gcda: no length limit hit in a deep checkout);
# -fprofile-partial-training keeps code the training did not run optimised
# for speed, not size.
PGO ?= 1
PGO_GCC := $(shell $(CC) --version 2>/dev/null | grep -q 'Free Software Foundation' && \
	echo 'int x;' | $(CC) -fprofile-partial-training -x c -c -o /dev/null - 2>/dev/null && echo 1)
ifeq ($(PGO)$(PGO_GCC),11)
PGO_DIR = build/pgo
PGO_TRAIN_OBJS = $(addprefix $(PGO_DIR)/,$(CORE_SRCS:.c=.o))
PGO_GEN = -fprofile-generate=$(abspath $(PGO_DIR)/data) -fprofile-prefix-path=$(abspath .) -fprofile-update=single
PGO_USE = -fprofile-use=$(abspath $(PGO_DIR)/data) -fprofile-prefix-path=$(abspath .) -fprofile-partial-training
PGO_ROUNDS ?= 20

$(PGO_DIR)/ext/core/%.o: ext/core/%.c $(CORE_HEADERS) build/common_words.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CPPFLAGS) $(PGO_GEN) -dumpbase $< -dumpbase-ext .c -c -o $@ $<

$(PGO_DIR)/pgo_train: ext/tools/pgo_train.c $(PGO_TRAIN_OBJS)
	$(CC) $(CFLAGS) $(CPPFLAGS) $(PGO_GEN) $^ $(UTF8PROC_LIBS) -lstemmer -lm -o $@

# the counts of one training run, made afresh whenever a core object is
$(PGO_DIR)/stamp: $(PGO_DIR)/pgo_train build/dict.sql build/lexicon.sql $(wildcard data/corpus/*.txt)
	rm -rf $(PGO_DIR)/data
	$(PGO_DIR)/pgo_train build/dict.sql build/lexicon.sql $(PGO_ROUNDS) $(sort $(wildcard data/corpus/*.txt))
	touch $@

$(CORE_SRCS:.c=.o): ext/core/%.o: ext/core/%.c $(PGO_DIR)/stamp
	$(CC) $(CFLAGS) $(PGO_USE) $(CPPFLAGS) -c -o $@ $<
endif

# The common-word lexicon, generated from hunspell-fr at build time.
build/gen_common: ext/tools/gen_common.c
	@mkdir -p build
	$(CC) -O2 -Wall -Wextra -Werror $< $(UTF8PROC_CFLAGS) -lstemmer $(UTF8PROC_LIBS) -o $@

build/common_words.h: build/gen_common $(HUNSPELL_DIC)
	./build/gen_common $(HUNSPELL_DIC) > $@.tmp && mv $@.tmp $@

ext/core/dp_dict.o ext/core/dp_dict.bc: build/common_words.h

build/dict.sql: scripts/gen_dict.py $(wildcard data/dict/*.tsv)
	@mkdir -p build
	$(PYTHON) scripts/gen_dict.py --dict data/dict --hunspell $(HUNSPELL_DIC) --iso-codes $(ISO_3166) > $@.tmp && mv $@.tmp $@

build/lexicon.sql: scripts/gen_lexicon.py $(wildcard data/lexicon/*.tsv) $(HUNSPELL_DIC) build/gen_common
	@mkdir -p build
	$(PYTHON) scripts/gen_lexicon.py --dir data/lexicon --hunspell $(HUNSPELL_DIC) --stem-tool ./build/gen_common --since 0.1 > $@.tmp && mv $@.tmp $@

# The lexicon rows of values added in 0.2 (modifier types patient, sense and receive).
build/lexicon-0.2.sql: scripts/gen_lexicon.py $(wildcard data/lexicon/*.tsv) $(HUNSPELL_DIC) build/gen_common
	@mkdir -p build
	$(PYTHON) scripts/gen_lexicon.py --dir data/lexicon --hunspell $(HUNSPELL_DIC) --stem-tool ./build/gen_common --since 0.2 > $@.tmp && mv $@.tmp $@

build/builtin.sql: build/dict.sql build/lexicon.sql scripts/encoding_guard.py
	@mkdir -p build
	$(PYTHON) scripts/encoding_guard.py build/dict.sql build/lexicon.sql > $@.tmp && mv $@.tmp $@

# The rows of columns and tables added in 0.2 (diplo.entity.body).
build/bodies.sql: scripts/gen_bodies.py data/dict/bodies.tsv data/dict/entities.tsv
	@mkdir -p build
	$(PYTHON) scripts/gen_bodies.py --dict data/dict > $@.tmp && mv $@.tmp $@

build/builtin-0.2.sql: build/builtin.sql build/bodies.sql build/lexicon-0.2.sql scripts/encoding_guard.py
	cat build/builtin.sql build/bodies.sql > $@.tmp
	$(PYTHON) scripts/encoding_guard.py build/lexicon-0.2.sql >> $@.tmp && mv $@.tmp $@

# splice FILE: FILE with build/builtin-0.2.sql in place of its @@BUILTIN_DATA@@ line
splice = awk '/^-- @@BUILTIN_DATA@@/ { while ((getline l < "build/builtin-0.2.sql") > 0) print l; next } { print }' $(1)

build/diplo--0.1.sql: control/diplo--0.1.sql build/builtin.sql
	cat control/diplo--0.1.sql build/builtin.sql > $@.tmp && mv $@.tmp $@

build/diplo--0.2.sql: control/diplo--0.1.sql control/diplo--0.1--0.2.sql build/builtin-0.2.sql
	grep -q '^-- @@BUILTIN_DATA@@' control/diplo--0.1--0.2.sql
	( sed -e 's/^-- diplo 0\.1: /-- diplo 0.2, from the 0.1 schema and the 0.1--0.2 changes: /' control/diplo--0.1.sql; \
	  $(call splice,control/diplo--0.1--0.2.sql) ) > $@.tmp && mv $@.tmp $@

build/diplo--0.1--0.2.sql: control/diplo--0.1--0.2.sql control/builtin_refresh_begin.sql control/builtin_refresh_end.sql build/builtin-0.2.sql
	awk '/^-- @@BUILTIN_DATA@@/ { system("cat control/builtin_refresh_begin.sql build/builtin-0.2.sql control/builtin_refresh_end.sql"); next } { print }' \
	  control/diplo--0.1--0.2.sql > $@.tmp && mv $@.tmp $@

# C unit tests of the core, under AddressSanitizer and UBSan.
UNIT_SRCS = $(CORE_SRCS) $(sort $(wildcard test/unit/*.c))
test/unit/unit-tests: $(UNIT_SRCS) $(CORE_HEADERS) test/unit/unit.h build/common_words.h
	$(CC) -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -Wall -Wextra -Werror -Wdeclaration-after-statement \
		-Iext/core -Ibuild -Itest/unit $(UTF8PROC_CFLAGS) $(UNIT_SRCS) $(UTF8PROC_LIBS) -lstemmer -o $@

unit: test/unit/unit-tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 ./test/unit/unit-tests

deps:
	bash scripts/setup.sh

# The README's two commands.
demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

eval:
	bash scripts/eval.sh

bench:
	bash bench/bench.sh

# The C is laid out by hand in PostgreSQL's style (pgindent: tabs, BSD
# braces, aligned declarations); there is no formatter target, since
# clang-format without a PostgreSQL profile would rewrite every file.

.PHONY: unit deps demo test eval bench
