#!/usr/bin/env python3
"""Entities by the rules alone: WiNER-fr 2016 entity scores with the dictionary
as it was before its rows of well-known names (issue 16).

Usage: rules_alone.py --psql "psql -h HOST -p PORT -U USER" [--db diplo_rules_alone] [-v]

Creates (or recreates) a scratch database DB with diplo installed, deletes
from diplo.entity the names that commits b94b408, 5f3436f and 978bcbd added
to data/dict/entities.tsv (read from git, so the list is exactly those
rows), then runs ../shared/eval/winer.py against it. The scratch database
is dropped at the end unless --keep.
"""
import argparse, os, shlex, subprocess, sys

COMMITS = ("b94b408", "5f3436f", "978bcbd")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def added_names():
    names = set()
    for c in COMMITS:
        diff = subprocess.run(["git", "-C", ROOT, "show", c, "--", "data/dict/entities.tsv"],
                              capture_output=True, text=True, check=True).stdout
        for line in diff.splitlines():
            if line.startswith("+") and not line.startswith("+++") and not line.startswith("+#"):
                name = line[1:].split("\t", 1)[0].strip()
                if name:
                    names.add(name)
    return sorted(names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--psql", default="psql")
    ap.add_argument("--db", default="diplo_rules_alone")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    base = shlex.split(a.psql)
    admin = base + ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"]
    subprocess.run(admin + ["-c", "DROP DATABASE IF EXISTS %s" % a.db, "-c", "CREATE DATABASE %s" % a.db],
                   check=True)
    db = base + ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", a.db]
    names = added_names()
    lits = ",".join("'" + n.replace("'", "''") + "'" for n in names)
    r = subprocess.run(db + ["-t", "-A", "-c", "CREATE EXTENSION diplo",
                             "-c", "WITH d AS (DELETE FROM diplo.entity WHERE name IN (%s) RETURNING 1) "
                                   "SELECT count(*) FROM d" % lits],
                       capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr)
    print("rows deleted: %s of %d names" % (r.stdout.strip(), len(names)), file=sys.stderr)
    cmd = [sys.executable, os.path.join(ROOT, "..", "shared", "eval", "winer.py"),
           "--psql", " ".join(shlex.quote(x) for x in base + ["-d", a.db])]
    if a.verbose:
        cmd.append("-v")
    rc = subprocess.run(cmd).returncode
    if not a.keep:
        subprocess.run(admin + ["-c", "DROP DATABASE IF EXISTS %s" % a.db], check=True)
    sys.exit(rc)


if __name__ == "__main__":
    main()
