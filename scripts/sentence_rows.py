#!/usr/bin/env python3
"""Show, and after a check by hand store, the stance rows of test sentences.

data/stance_sentences.tsv gives every sentence its exact expected rows
(column rows: holder>target:sign, in text order, separated by "; "), and
test/gold.sql fails when diplo gives other rows.  When a change of the
scorer changes a sentence's rows on purpose, read what diplo now gives,
check it by hand, then store it:

  scripts/sentence_rows.py --psql "psql -d DB" S141 S142          # show old and new
  scripts/sentence_rows.py --psql "psql -d DB" --write S141 S142  # store the new
  python3 scripts/make_fixtures.py                                # then the fixture

A database with diplo installed is needed.  Never write rows for sentences
you have not read: the file is the test's expectation, not a recording.
"""
import argparse
import csv
import io
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATH = os.path.join(ROOT, "data", "stance_sentences.tsv")


def rows_of(psql, sentence):
    q = ("SELECT holder, target, score FROM diplo.stances(%s) ORDER BY start, holder, target"
         % ("'" + sentence.replace("'", "''") + "'"))
    r = subprocess.run(shlex.split(psql) + ["-X", "-q", "--csv", "-c", q], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr.strip())
    return "; ".join("%s>%s:%s" % (x["holder"], x["target"], "+" if float(x["score"]) > 0 else "-")
                     for x in csv.DictReader(io.StringIO(r.stdout)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--psql", default="psql")
    ap.add_argument("--write", action="store_true", help="store the rows diplo gives now")
    ap.add_argument("ids", nargs="+")
    a = ap.parse_args()
    with open(PATH, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    wanted = set(a.ids)
    for i, line in enumerate(lines[1:], 1):
        f = line.split("\t")
        if f[0] not in wanted:
            continue
        wanted.discard(f[0])
        now = rows_of(a.psql, f[1])
        print("%s %s\n   stored: %s\n   now:    %s" % (f[0], f[1], f[6] or "(none)", now or "(none)"))
        if a.write:
            f[6] = now
            lines[i] = "\t".join(f)
    if wanted:
        sys.exit("no such sentence: " + ", ".join(sorted(wanted)))
    if a.write:
        with open(PATH, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
