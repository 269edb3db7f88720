#!/usr/bin/env python3
"""Run the SQL examples of README.md and compare their output.

    python3 scripts/readme_check.py [--psql "psql -h HOST -p PORT -U USER"] [--write] [--keep]

Convention of README.md:
  - a fenced block ```sql is run;
  - if the very next fenced block (only blank lines between) is ```text,
    it holds the expected psql output and is compared (each line with its
    trailing spaces removed, leading and trailing blank lines ignored);
  - ```sql norun blocks are not run (files, superuser-only paths).

All runnable blocks run in order, each in its own psql session, in one fresh
database (diplo_readme, dropped and recreated) where this script first runs
CREATE EXTENSION diplo and loads data/corpus/*.txt into
  articles (id int PRIMARY KEY, title text, published date, body text)
the way the README's "Loading your own articles" shows (id = the number
before the first _ of the file name, title = the rest of the name,
published = 2025-03-01 + id days).

A block runs as `psql -X -q --no-psqlrc -v ON_ERROR_STOP=1 --pset=pager=off`
(aligned output, as a user sees it), standard output and standard error in
one stream, with the "psql:<stdin>:N: " prefix of messages removed.  A block
must exit 0, unless its expected output shows an ERROR (the example of an
error), and its output must match.

Prints TAP (1..N, ok / not ok with a unified diff); exits non-zero on any
failure.  --write rewrites the ```text blocks with the actual output (for
maintainers, after reading the diff); the check itself never writes.
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = "diplo_readme"
PSQL_FLAGS = ["-X", "-q", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--pset=pager=off"]
PREFIX = re.compile(r"^psql:[^:\n]*:\d+: ", re.M)
FENCE = re.compile(r"^```(.*)$")


def parse(lines):
    """Fenced blocks: dicts with info, start (0-based line of the opening
    fence), body_start, end (line of the closing fence)."""
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        if j == len(lines):
            sys.exit("README.md:%d: fenced block not closed" % (i + 1))
        blocks.append({"info": m.group(1).strip(), "start": i, "end": j})
        i = j + 1
    return blocks


def pairs(lines, blocks):
    """(sql block, expected text block or None) for every runnable block."""
    out = []
    for k, b in enumerate(blocks):
        if b["info"] != "sql":
            continue
        exp = None
        if k + 1 < len(blocks) and blocks[k + 1]["info"] == "text":
            nxt = blocks[k + 1]
            if all(not l.strip() for l in lines[b["end"] + 1:nxt["start"]]):
                exp = nxt
        out.append((b, exp))
    return out


def clean(text):
    text = PREFIX.sub("", text)
    rows = [l.rstrip() for l in text.split("\n")]
    while rows and not rows[0]:
        rows.pop(0)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def psql(base, db, script):
    env = dict(os.environ, PGTZ="UTC", PGDATESTYLE="ISO, MDY", PGCLIENTENCODING="UTF8")
    p = subprocess.run(base + PSQL_FLAGS + ["-d", db], input=script, cwd=ROOT, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def load_script():
    """The corpus as the README loads it: one \\set and INSERT per file."""
    out = ["CREATE EXTENSION diplo;",
           "CREATE TABLE articles (id int PRIMARY KEY, title text, published date, body text);"]
    corpus = os.path.join(ROOT, "data", "corpus")
    for name in sorted(os.listdir(corpus)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        num, _, title = stem.partition("_")
        path = os.path.join("data", "corpus", name)
        if not num.isdigit() or "'" in path:
            sys.exit("data/corpus/%s: expected NN_title.txt" % name)
        out.append("\\set body `cat '%s'`" % path)
        out.append("INSERT INTO articles VALUES (%d, '%s', date '2025-03-01' + %d, :'body');"
                   % (int(num), title.replace("'", "''"), int(num)))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--psql", default="psql", help='psql command and connection options (default "psql")')
    ap.add_argument("--write", action="store_true", help="rewrite the expected output blocks with the actual output")
    ap.add_argument("--keep", action="store_true", help="keep the database " + DB + " at the end")
    ap.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    args = ap.parse_args()
    base = shlex.split(args.psql)

    with open(args.readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    todo = pairs(lines, parse(lines))

    for sql in ("DROP DATABASE IF EXISTS %s WITH (FORCE)" % DB, "CREATE DATABASE %s" % DB):
        rc, out = psql(base, "postgres", sql + ";\n")
        if rc:
            print("Bail out! %s: %s" % (sql, out.strip()))
            return 2
    rc, out = psql(base, DB, load_script())
    if rc:
        print("Bail out! loading the sample corpus: %s" % out.strip())
        return 2

    print("1..%d" % len(todo))
    failed, rewrites = 0, []
    for k, (b, exp) in enumerate(todo, 1):
        script = "\n".join(lines[b["start"] + 1:b["end"]]) + "\n"
        rc, out = psql(base, DB, script)
        got = clean(out)
        want = clean("\n".join(lines[exp["start"] + 1:exp["end"]])) if exp else None
        name = "README block at line %d" % (b["start"] + 1)
        errors_expected = want is not None and any("ERROR:" in l for l in want)
        ok = (rc == 0 or errors_expected) and (want is None or got == want)
        print(("ok %d - %s" if ok else "not ok %d - %s") % (k, name))
        if ok:
            continue
        failed += 1
        if rc and not errors_expected:
            print("# psql exited with %d" % rc)
        if want is None:
            for l in got:
                print("# " + l)
        else:
            for l in difflib.unified_diff(want, got, "expected (README.md:%d)" % (exp["start"] + 2),
                                          "actual", lineterm=""):
                print("# " + l)
            rewrites.append((exp, got))

    if not args.keep:
        psql(base, "postgres", "DROP DATABASE IF EXISTS %s WITH (FORCE);\n" % DB)
    if args.write and rewrites:
        for exp, got in sorted(rewrites, key=lambda r: -r[0]["start"]):
            lines[exp["start"] + 1:exp["end"]] = got
        with open(args.readme, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        print("# rewrote %d expected output block(s) of %s" % (len(rewrites), os.path.relpath(args.readme, ROOT)))
    if failed:
        print("# %d of %d README blocks failed" % (failed, len(todo)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
