#!/usr/bin/env python3
"""Generate a large, varied French diplomatic-news corpus for bench/bench.sh.

The corpus is derived from the sample articles in data/corpus/*.txt:
  * every generated article gets a title and a dateline, then paragraphs
    drawn from all sample articles; some paragraphs are rebuilt from
    sentences taken across different articles;
  * person names are swapped among the PER entities of data/dict/entities.tsv
    (plus some invented names the dictionary does not know), consistently
    inside one article (full name and surname); city names are swapped among
    the GPE entities of the dictionary;
  * numbers, dates, times and weekdays are varied.

Output: PostgreSQL COPY text format, one "id<TAB>body" line per article,
bodies of 1000..5000 bytes (UTF-8).  Python 3 standard library only;
deterministic for a given --seed and --mb.

usage: gen_corpus.py [--mb 50] [--seed 20250312] [--out FILE] [--root REPO]
"""

import argparse
import glob
import hashlib
import os
import random
import re
import sys

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

# Invented names (not in the dictionary) so that the name finder also has
# unknown capitalised names to deal with.
FIRST_NAMES = ["Anatoli", "Olena", "Márton", "Ingrid", "Farid", "Soledad", "Tomasz",
               "Aiko", "Kwame", "Brigitte", "Hamid", "Nadia", "Lars", "Oksana",
               "Pavel", "Yusuf", "Leila", "Jonas", "Mirela", "Amara", "Gintaras",
               "Héloïse", "Bogdan", "Zeynep"]
SURNAMES = ["Kovalenko", "Vasquez", "Lindqvist", "Haddad", "Novaković", "Okafor",
            "Bernardin", "Petrovski", "Szalai", "Nakamura", "Moretti", "Duarte",
            "Halvorsen", "Brandtner", "Karimov", "Ferreira", "Delacroix",
            "Olszewski", "Marchetti", "Abiodun", "Tammsaare", "Ivaschenko",
            "Gruber", "Lefranc"]

MIN_BYTES = 1000
MAX_BYTES = 5000


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            rows.append(dict(zip(header, cols)))
    return rows


def split_sentences(par):
    """Rough sentence split, only where quotes are balanced."""
    parts = re.split(r"(?<=[.!?])(?<!\bM\.)(?<!\bMM\.)(?<!\bMme\.)\s+(?=[A-ZÀ-ÖØ-Þ«])", par)
    out = []
    buf = ""
    for p in parts:
        buf = (buf + " " + p) if buf else p
        if buf.count("«") == buf.count("»"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def load_samples(root):
    titles, datelines, kickers, footers, paragraphs, sentences = [], [], [], [], [], []
    files = sorted(glob.glob(os.path.join(root, "data", "corpus", "*.txt")))
    if not files:
        sys.exit("gen_corpus.py: no data/corpus/*.txt under " + root)
    for path in files:
        with open(path, encoding="utf-8") as f:
            blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", f.read()) if b.strip()]
        if len(blocks) < 3:
            continue
        titles.append(blocks[0])
        body = []
        for b in blocks[1:]:
            if re.match(r"^([^,\n]{1,40}, )?[Pp]ublié le ", b) and len(b) < 120:
                datelines.append(b)
            elif re.match(r"^(Lire aussi|De notre )", b) and len(b) < 160:
                kickers.append(b)
            elif len(b) < 80 and not re.search(r"[.!?»]", b) and not b.lstrip().startswith("•"):
                footers.append(b)
            elif b.lstrip().startswith("•") and body:
                body[-1] += "\n\n" + b       # quote and its attribution stay together
            else:
                body.append(b)
        for b in body:
            paragraphs.append(b)
            if len(b) > 120 and "•" not in b:
                sentences.extend(s for s in split_sentences(b) if len(s) > 25)
    return files, titles, datelines, kickers, footers, paragraphs, sentences


def entity_forms(root, text):
    """PER and city names of the dictionary, and which of them the samples use."""
    ents = read_tsv(os.path.join(root, "data", "dict", "entities.tsv"))
    persons, cities = [], []
    for e in ents:
        name = e["name"]
        if e["kind"] == "PER" and " " in name and "." not in name:
            persons.append(name)
        elif e["kind"] == "GPE" and re.fullmatch(r"[A-ZÀ-Þ][\w'’ -]+", name):
            cities.append(name)
    used_persons = []          # (canonical, [short forms that end it])
    for e in ents:
        if e["kind"] != "PER" or " " not in e["name"]:
            continue
        name = e["name"]
        if not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            continue
        shorts = [a for a in e["aliases"].split("|")
                  if a and a != name and name.endswith(" " + a)
                  and re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text)]
        used_persons.append((name, shorts))
    used_cities = [c for c in cities
                   if re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", text)]
    return persons, cities, used_persons, used_cities


class Varier:
    def __init__(self, rng, persons, cities, used_persons, used_cities):
        self.rng = rng
        self.persons = persons
        self.cities = cities
        self.used_persons = used_persons
        self.used_cities = used_cities
        forms = []
        for name, shorts in used_persons:
            forms.append(name)
            forms.extend(shorts)
        forms.extend(used_cities)
        forms.sort(key=len, reverse=True)
        self.name_re = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, forms)) + r")(?!\w)")
        self.date_re = re.compile(
            r"\b(\d{1,2})(er)? (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b")
        self.time_re = re.compile(r"\b(\d{1,2})h(\d{2})\b")
        self.year_re = re.compile(r"\b(20[12]\d)\b")
        self.num_re = re.compile(r"(?<![\w,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(,\d+)?(?![\w])")
        self.day_re = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")

    def new_person(self):
        rng = self.rng
        if rng.random() < 0.2:
            return rng.choice(FIRST_NAMES) + " " + rng.choice(SURNAMES)
        return rng.choice(self.persons)

    def names(self, text):
        rng = self.rng
        mapping = {}
        for name, shorts in self.used_persons:
            if rng.random() < 0.35:        # keep some of the real names
                continue
            new = self.new_person()
            mapping[name] = new
            surname = new.split(" ", 1)[1]
            for s in shorts:
                mapping[s] = surname
        for c in self.used_cities:
            if rng.random() < 0.5:
                mapping[c] = rng.choice(self.cities)
        def repl(m):
            new = mapping.get(m.group(1), m.group(1))
            before = text[max(0, m.start() - 3):m.start()]
            if new[:1].islower() and (m.start() == 0 or re.search(r"(^|[.!?\n])\s*$", before)):
                new = new[0].upper() + new[1:]     # "von der Leyen" opening a sentence
            return new
        return self.name_re.sub(repl, text)

    def number(self, m):
        rng = self.rng
        digits = re.sub(r"\D", "", m.group(1))
        n = int(digits)
        if 1990 <= n <= 2030 and len(digits) == 4:
            return str(rng.randint(2014, 2026)) + (m.group(2) or "")
        lo, hi = max(1, n // 2), max(2, n * 2)
        v = rng.randint(lo, hi)
        if len(digits) > 3:                 # French thousands separator
            s = f"{v:,}".replace(",", " ")
        else:
            s = str(v)
        frac = m.group(2)
        if frac:
            frac = "," + str(rng.randint(1, 9))
        return s + (frac or "")

    def numbers(self, text):
        rng = self.rng
        # dates and times first, marked so that the generic pass skips them
        text = self.date_re.sub(
            lambda m: "\x01" + (str(rng.randint(1, 28)) if rng.random() < 0.95 else "1er")
            + " " + rng.choice(MONTHS)
            + ((" " + str(rng.randint(2022, 2026))) if m.group(4) else "") + "\x02", text)
        text = self.time_re.sub(
            lambda m: "\x01%02dh%02d\x02" % (rng.randint(6, 23), rng.randrange(0, 60, 5)), text)
        parts = re.split(r"(\x01[^\x02]*\x02)", text)
        for i in range(0, len(parts), 2):
            parts[i] = self.num_re.sub(self.number, parts[i])
        text = "".join(parts).replace("\x01", "").replace("\x02", "")
        text = self.day_re.sub(lambda m: rng.choice(WEEKDAYS), text)
        return text


def build_article(rng, samples, varier):
    _, titles, datelines, kickers, footers, paragraphs, sentences = samples
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    body = [rng.choice(titles), rng.choice(datelines)]
    if kickers and rng.random() < 0.2:
        body.insert(rng.randint(1, 2), rng.choice(kickers))
    footer = rng.choice(footers) if footers and rng.random() < 0.3 else None
    size = sum(len(x.encode()) + 2 for x in body) + (len(footer.encode()) + 2 if footer else 0)
    misses = 0
    used = set()                 # no sentence twice in one article
    while size < target and misses < 20:
        if rng.random() < 0.6:
            p = rng.choice(paragraphs)
            parts = split_sentences(p)
        else:
            parts = [rng.choice(sentences) for _ in range(rng.randint(2, 5))]
            p = " ".join(parts)
        n = len(p.encode()) + 2
        # leave room for the variation (numbers and names may grow)
        if size + n > MAX_BYTES - 250 or used.intersection(parts) or len(set(parts)) < len(parts):
            misses += 1
            continue
        used.update(parts)
        body.append(p)
        size += n
    if footer:
        body.append(footer)
    text = "\n\n".join(body) + "\n"
    text = varier.numbers(varier.names(text))
    # the variation may move the size a little: trim or pad paragraph-wise
    while len(text.encode()) > MAX_BYTES:
        cut = text.rstrip("\n").rfind("\n\n")
        text = text[:cut] + "\n"
    while len(text.encode()) < MIN_BYTES:
        p = varier.numbers(varier.names(rng.choice(sentences)))
        if len(text.encode()) + len(p.encode()) + 2 <= MAX_BYTES:
            text = text.rstrip("\n") + "\n\n" + p + "\n"
    return text


def copy_escape(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t")
             .replace("\n", "\\n").replace("\r", "\\r"))


def real_corpus(args):
    """Real articles as they are (read at run time, nothing copied into the
    project), repeated in a fixed order until the corpus has the size."""
    files = (sorted(glob.glob(os.path.join(args.real, "winer", "2016", "*", "*.txt"))) +
             sorted(glob.glob(os.path.join(args.real, "seeds", "*.txt"))) +
             sorted(glob.glob(os.path.join(args.root, "data", "corpus", "*.txt"))))
    texts = [open(f, encoding="utf-8").read() for f in files]
    if not texts:
        sys.exit("gen_corpus: no real articles under " + args.real)
    goal = int(args.mb * 1024 * 1024)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    total = n = 0
    while total < goal:
        text = texts[n % len(texts)]
        n += 1
        total += len(text.encode())
        out.write(f"{n}\t{copy_escape(text)}\n")
    if out is not sys.stdout:
        out.close()
    print(f"gen_corpus: {n} articles, {total} bytes ({total / 1048576:.1f} MiB), real text: "
          f"{len(texts)} distinct articles from {args.real} and data/corpus", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=float(os.environ.get("BENCH_MB", 50)),
                    help="corpus size in MiB of article text (default 50)")
    ap.add_argument("--seed", type=int, default=20250312)
    ap.add_argument("--out", default="-")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--real", metavar="SHARED",
                    help="instead: real text, the WiNER-fr 2016 articles and the development "
                         "articles of SHARED (shared/) and data/corpus, repeated in turn to the size")
    args = ap.parse_args()

    if args.real:
        return real_corpus(args)
    rng = random.Random(args.seed)
    samples = load_samples(args.root)
    alltext = "\n".join(open(f, encoding="utf-8").read() for f in samples[0])
    persons, cities, used_persons, used_cities = entity_forms(args.root, alltext)
    varier = Varier(rng, persons, cities, used_persons, used_cities)

    goal = int(args.mb * 1024 * 1024)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    total = 0
    n = 0
    seen = set()
    par_total = 0
    while total < goal:
        n += 1
        text = build_article(rng, samples, varier)
        total += len(text.encode())
        for p in text.split("\n\n"):
            par_total += 1
            seen.add(hashlib.blake2b(p.encode(), digest_size=8).digest())
        out.write(f"{n}\t{copy_escape(text)}\n")
    if out is not sys.stdout:
        out.close()
    print(f"gen_corpus: {n} articles, {total} bytes ({total / 1048576:.1f} MiB), "
          f"avg {total // n} bytes; {len(seen)} distinct paragraphs out of {par_total}; "
          f"from {len(samples[0])} sample articles, {len(samples[5])} paragraphs, "
          f"{len(samples[6])} sentences; {len(used_persons)} person and "
          f"{len(used_cities)} city names varied over {len(persons)} persons and "
          f"{len(cities)} places; seed {args.seed}", file=sys.stderr)


if __name__ == "__main__":
    main()
