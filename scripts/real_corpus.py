#!/usr/bin/env python3
"""The real-article evaluation corpus: list, split, hash check, scoring.

The texts of the real news articles are other people's prose: they are not
committed.  What is committed is data/real/articles.tsv (one row per article:
id, split, source URL or path, the query that finds it, sha256 and length of
its text) and data/real/gold/ID.json (gold by shared/ANNOTATION.md, evidence
as 1-based code-point offsets into the text).  The texts live in
data/real/text/ID.txt (git-ignored).

Usage:
  real_corpus.py merge            build articles.tsv from data/real/lists/*.tsv
  real_corpus.py check            verify every present text against its sha256
  real_corpus.py score SPLIT --psql "psql -d DB" [-v]
                                  score diplo on the dev or test split
                                  (-v, the per-error listing, is refused for
                                  test: the test split's errors are not read)
  real_corpus.py winer SPLIT --psql "psql -d DB" [--shared DIR] [-v]
                                  score the WiNER-fr stance gold
                                  (data/winer_gold, texts in shared/winer)
                                  on the dev or test split (same rule) or all

Re-pulling a text: each row's query, given to the stored news-page search
(corpus "pages"), returns a result with the row's URL whose excerpt is the
text; write the excerpt as data/real/text/ID.txt (UTF-8, as returned) and run
"real_corpus.py check".

The split is fixed by a rule, never by hand: an article is in the test split
when the integer value of sha256(id) is odd, else in dev.  Tune on dev only;
for the test split read the scores, never the errors.
"""
import argparse
import csv
import glob
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REAL = os.path.join(ROOT, "data", "real")
LIST = os.path.join(REAL, "articles.tsv")
COLS = ["id", "split", "source", "query_or_path", "sha256", "chars"]
TOPICS = {"cessez-le-feu", "paix", "negociations", "sanctions", "adhesion-otan",
          "concessions-territoriales", "aide-militaire", "echange-prisonniers"}


def split_of(doc_id):
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 else "dev"


def read_list():
    with open(LIST, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def sha_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def validate_gold(path, text):
    """Return a list of problems of one gold file against its text."""
    bad = []
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    ents = {e["entity"] for e in g.get("entities", [])}
    for s in g.get("stances", []):
        if s["holder"] not in ents:
            bad.append("holder %r not among the entities" % s["holder"])
        if s["target"] not in ents and s["target"] not in TOPICS:
            bad.append("target %r neither an entity nor a topic" % s["target"])
        if s["polarity"] not in (-1, 1):
            bad.append("polarity %r" % s["polarity"])
        ev = s.get("evidence") or {}
        if text is not None and not (1 <= ev.get("start", 0) and
                                     ev.get("start", 0) - 1 + ev.get("len", 0) <= len(text)):
            bad.append("evidence %r outside the text" % ev)
    return bad


def cmd_merge(_a):
    rows, seen = [], set()
    for path in sorted(glob.glob(os.path.join(REAL, "lists", "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 5 or parts[0] == "id" or parts[0] in seen:
                    continue
                doc_id = parts[0]
                if not os.path.exists(os.path.join(REAL, "gold", doc_id + ".json")):
                    print("no gold for %s: left out" % doc_id, file=sys.stderr)
                    continue
                seen.add(doc_id)
                rows.append({"id": doc_id, "split": split_of(doc_id), "source": parts[1],
                             "query_or_path": parts[2], "sha256": parts[3], "chars": parts[4]})
    rows.sort(key=lambda r: r["id"])
    with open(LIST, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    n_test = sum(r["split"] == "test" for r in rows)
    print("%d articles: %d dev, %d test" % (len(rows), len(rows) - n_test, n_test))


def cmd_check(_a):
    bad = missing = 0
    rows = read_list()
    for r in rows:
        path = os.path.join(REAL, "text", r["id"] + ".txt")
        if not os.path.exists(path):
            missing += 1
            continue
        if sha_of(path) != r["sha256"]:
            print("hash mismatch: %s" % r["id"])
            bad += 1
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for p in validate_gold(os.path.join(REAL, "gold", r["id"] + ".json"), text):
            print("gold %s: %s" % (r["id"], p))
            bad += 1
    print("%d articles, %d texts present, %d missing, %d problems"
          % (len(rows), len(rows) - missing, missing, bad))
    return 1 if bad else 0


def run_score(psql, docs, gold, verbose):
    score = os.path.join(ROOT, "..", "shared", "eval", "score.py")
    cmd = [sys.executable, score, "--docs", docs, "--gold", gold, "--psql", psql]
    if verbose:
        cmd.append("-v")
    return subprocess.call(cmd)


def score_pairs(a, title, pairs):
    """Score diplo on (doc id, text path, gold path) triples with shared/eval/score.py."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, gold = os.path.join(tmp, "docs"), os.path.join(tmp, "gold")
        os.mkdir(docs)
        os.mkdir(gold)
        for doc_id, text, g in pairs:
            os.symlink(os.path.abspath(text), os.path.join(docs, doc_id + ".txt"))
            os.symlink(os.path.abspath(g), os.path.join(gold, doc_id + ".json"))
        if not pairs:
            sys.exit("no text of %s is present: re-pull them (see --help)" % title)
        print("== %s: %d documents" % (title, len(pairs)))
        return run_score(a.psql, docs, gold, a.verbose)


def cmd_score(a):
    if a.split == "test" and a.verbose:
        sys.exit("the test split's errors are not read: score it without -v")
    rows = [r for r in read_list() if r["split"] == a.split]
    pairs = []
    for r in rows:
        path = os.path.join(REAL, "text", r["id"] + ".txt")
        if os.path.exists(path) and sha_of(path) == r["sha256"]:
            pairs.append((r["id"], path, os.path.join(REAL, "gold", r["id"] + ".json")))
    return score_pairs(a, "real articles, %s split (%d listed)" % (a.split, len(rows)), pairs)


def cmd_winer(a):
    if a.split != "dev" and a.verbose:
        sys.exit("the test split's errors are not read: score it without -v")
    pairs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "winer_gold", "*.json"))):
        name = os.path.basename(path)[:-5]
        if a.split != "all" and split_of(name) != a.split:
            continue
        pairs.append((name, os.path.join(a.shared, "winer", "2016", name[5:7], name + ".txt"), path))
    return score_pairs(a, "WiNER-fr 2016 stance gold, %s split" % a.split, pairs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("merge")
    sub.add_parser("check")
    s = sub.add_parser("score")
    s.add_argument("split", choices=["dev", "test"])
    s.add_argument("--psql", default="psql")
    s.add_argument("-v", "--verbose", action="store_true")
    w = sub.add_parser("winer")
    w.add_argument("split", choices=["dev", "test", "all"])
    w.add_argument("--psql", default="psql")
    w.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    w.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    return {"merge": cmd_merge, "check": cmd_check, "score": cmd_score, "winer": cmd_winer}[a.cmd](a) or 0


if __name__ == "__main__":
    sys.exit(main())
