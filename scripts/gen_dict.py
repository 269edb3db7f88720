#!/usr/bin/env python3
"""Validate the diplo dictionary (data/dict/*.tsv) and print it as SQL INSERTs.

Usage:
    python3 scripts/gen_dict.py --dict data/dict --hunspell /usr/share/hunspell/fr.dic > build/dict.sql
    python3 scripts/gen_dict.py --dict data/dict --check      # validate only

The TSV files are UTF-8, tab-separated, their first non-comment line is the
header, lines starting with '#' are comments, an empty field is NULL and lists
inside a field are separated by '|'.  Errors stop the run (exit status 1) with
one line per problem; doubtful but legal data (an alias shared by two
entities, an alias that is another entity's name) only gives warnings on
stderr.  The output only holds INSERTs: the schema is created elsewhere, and
no BEGIN/COMMIT is emitted so that the script can be embedded in an extension
script (pass --transaction to wrap it for psql).

Standard library only.
"""

import argparse
import os
import re
import sys
import unicodedata
from collections import OrderedDict, defaultdict

KINDS = ("PER", "GPE", "ORG", "LOC", "EVENT", "PRODUCT")
ROLE_CLASSES = ("head", "minister", "envoy", "spokesperson", "official",
                "military", "other")
ACTOR_RE = re.compile(r"^[A-Z]{3}$")
BATCH = 500

# hunspell morphological tags (Grammalecte French dictionary) -> name_hint.hint
HUNSPELL_HINTS = OrderedDict([("po:prn", "first"), ("po:patr", "surname"),
                              ("po:npr", "place")])

# a capitalised word of letters (not an acronym, a formula or a symbol):
# Savoie, Haute-Marne, Val-d'Oise
PROPER_NOUN_RE = re.compile(r"^[^\W\d_][^\W\d_A-Z]{2,}(?:[-'][^\W\d_]+)*$")

FILES = OrderedDict([
    ("countries", ("countries.tsv", ["actor", "name", "aliases", "demonyms"])),
    ("entities", ("entities.tsv", ["name", "kind", "actor", "title", "aliases"])),
    ("roles", ("roles.tsv", ["title", "class"])),
    ("name_heads", ("name_heads.tsv", ["word", "kind"])),
    ("name_cues", ("name_cues.tsv", ["cue", "kind"])),
    ("furniture", ("furniture.tsv", ["opener"])),
    ("particles", ("particles.tsv", ["word"])),
])


class Problems:
    """Collect errors and warnings with their file and line."""

    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings.append("%s: %s" % (where, msg))


class Row:
    """One data line of a TSV file."""

    def __init__(self, path, lineno, fields):
        self.path = path
        self.lineno = lineno
        self.f = fields

    @property
    def where(self):
        return "%s:%d" % (self.path, self.lineno)


def read_tsv(path, header, probs):
    """Read a dictionary TSV file; return its rows (comments and blanks skipped)."""
    rows = []
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
    except FileNotFoundError:
        probs.error(path, "file not found")
        return rows
    except UnicodeDecodeError as e:
        probs.error(path, "not valid UTF-8 (%s)" % e)
        return rows
    if text.startswith("\ufeff"):
        text = text[1:]
    seen_header = False
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = "%s:%d" % (path, lineno)
        if not seen_header:
            seen_header = True
            if fields != header:
                probs.error(where, "header is %r, expected %r"
                            % ("\t".join(fields), "\t".join(header)))
                return rows
            continue
        if len(fields) > len(header):
            probs.error(where, "%d fields, expected %d (stray tab?)"
                        % (len(fields), len(header)))
            continue
        # editors often drop trailing empty fields
        fields += [""] * (len(header) - len(fields))
        bad = False
        for name, value in zip(header, fields):
            if value != value.strip():
                probs.error(where, "field %s has leading/trailing blanks: %r"
                            % (name, value))
                bad = True
            if "\x00" in value:
                probs.error(where, "field %s holds a NUL character" % name)
                bad = True
        if not bad:
            rows.append(Row(path, lineno, dict(zip(header, fields))))
    if not seen_header:
        probs.error(path, "no header line")
    return rows


def split_list(row, field, probs):
    """Split a '|' list field; report empty items and duplicates."""
    value = row.f[field]
    if value == "":
        return []
    items = value.split("|")
    out = []
    for item in items:
        if item == "":
            probs.error(row.where, "empty item in %s list %r" % (field, value))
            continue
        if item != item.strip():
            probs.error(row.where, "%s item %r has leading/trailing blanks"
                        % (field, item))
            continue
        if item in out:
            probs.warn(row.where, "%s item %r repeated" % (field, item))
            continue
        out.append(item)
    return out


def fold(s):
    """Fold a surface form as the scorer does: NFC, casefold, no accents,
    hyphens/apostrophes/spaces removed."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–—'’`.]", "", s)


class Dictionary:
    """The validated content of data/dict."""

    def __init__(self):
        self.countries = []      # (code, name)
        self.entities = []       # (name, kind, actor, title)
        self.aliases = []        # (alias, entity)
        self.demonyms = []       # (form, actor)
        self.roles = []          # (title, class)
        self.name_heads = []     # (word, kind)
        self.name_cues = []      # (cue, kind)
        self.furniture = []      # (opener,)
        self.particles = []      # (word,)
        self.name_hints = []     # (word, hint)


def load_dict(dict_dir, probs):
    """Read and validate every TSV file of the dictionary."""
    d = Dictionary()
    rows = {}
    for key, (fname, header) in FILES.items():
        rows[key] = read_tsv(os.path.join(dict_dir, fname), header, probs)

    # ---- countries
    codes = {}
    names = {}            # canonical name -> where
    alias_owner = defaultdict(list)   # alias -> [(entity, where)]
    demonym_owner = {}
    for r in rows["countries"]:
        code, name = r.f["actor"], r.f["name"]
        if not ACTOR_RE.match(code):
            probs.error(r.where, "actor %r is not an ISO 3166-1 alpha-3 code" % code)
            continue
        if code in codes:
            probs.error(r.where, "country %s already defined at %s" % (code, codes[code]))
            continue
        if not name:
            probs.error(r.where, "country %s has no name" % code)
            continue
        if name in names:
            probs.error(r.where, "name %r already defined at %s" % (name, names[name]))
            continue
        codes[code] = r.where
        names[name] = r.where
        d.countries.append((code, name))
        d.entities.append((name, "GPE", code, None))
        for a in split_list(r, "aliases", probs):
            if a == name:
                probs.error(r.where, "alias %r repeats the name" % a)
                continue
            alias_owner[a].append((name, r.where))
        for form in split_list(r, "demonyms", probs):
            if form != form.lower():
                probs.error(r.where, "demonym %r is not lowercase" % form)
                continue
            if form in demonym_owner:
                probs.error(r.where, "demonym %r already belongs to %s"
                            % (form, demonym_owner[form][0]))
                continue
            demonym_owner[form] = (code, r.where)
            d.demonyms.append((form, code))

    # ---- entities
    for r in rows["entities"]:
        name, kind, actor, title = (r.f["name"], r.f["kind"], r.f["actor"],
                                    r.f["title"])
        ok = True
        if not name:
            probs.error(r.where, "empty name")
            ok = False
        elif name in names:
            probs.error(r.where, "duplicate canonical name %r (first at %s)"
                        % (name, names[name]))
            ok = False
        if kind not in KINDS:
            probs.error(r.where, "kind %r not in %s" % (kind, "/".join(KINDS)))
            ok = False
        if actor:
            if not ACTOR_RE.match(actor):
                probs.error(r.where, "actor %r is not an ISO alpha-3 code" % actor)
                ok = False
            elif actor not in codes:
                probs.error(r.where, "actor %r is not in countries.tsv" % actor)
                ok = False
        if title:
            if kind != "PER" and not (kind == "GPE" and title == "capitale"):
                probs.error(r.where, "title %r on a %s (titles are for PER; a GPE "
                            "may only have 'capitale')" % (title, kind))
                ok = False
            elif title != title.lower():
                probs.error(r.where, "title %r is not lowercase" % title)
                ok = False
        aliases = split_list(r, "aliases", probs)
        if not ok:
            continue
        names[name] = r.where
        d.entities.append((name, kind, actor or None, title or None))
        for a in aliases:
            if a == name:
                probs.error(r.where, "alias %r repeats the name" % a)
                continue
            alias_owner[a].append((name, r.where))

    # ---- aliases: cross checks
    entity_names = set(e[0] for e in d.entities)
    for a, owners in alias_owner.items():
        distinct = OrderedDict()
        for ent, where in owners:
            distinct.setdefault(ent, where)
        if len(distinct) > 1:
            probs.warn(list(distinct.values())[1], "alias %r shared by %s"
                       % (a, ", ".join(repr(e) for e in distinct)))
        if a in entity_names and a not in distinct:
            probs.warn(list(distinct.values())[0], "alias %r of %s is also the "
                       "canonical name of another entity" % (a, list(distinct)[0]))
        for ent in distinct:
            d.aliases.append((a, ent))

    # surface forms that only differ by case, accents or punctuation but
    # point to different entities: legal, but the scorer cannot tell them apart
    # (exact duplicates were reported above)
    folded = defaultdict(lambda: (set(), set()))
    for name in entity_names:
        folded[fold(name)][0].add(name)
        folded[fold(name)][1].add(name)
    for a, ent in d.aliases:
        folded[fold(a)][0].add(ent)
        folded[fold(a)][1].add(a)
    for key, (ents, forms) in sorted(folded.items()):
        if len(ents) > 1 and len(forms) > 1:
            probs.warn("%s/entities.tsv" % dict_dir, "forms %s fold to %r but point "
                       "to different entities: %s"
                       % (", ".join(repr(f) for f in sorted(forms)), key,
                          ", ".join(sorted(ents))))

    # ---- roles
    seen = {}
    for r in rows["roles"]:
        title, cls = r.f["title"], r.f["class"]
        if not title:
            probs.error(r.where, "empty title")
        elif title != title.lower():
            probs.error(r.where, "title %r is not lowercase" % title)
        elif cls not in ROLE_CLASSES:
            probs.error(r.where, "class %r not in %s" % (cls, "/".join(ROLE_CLASSES)))
        elif title in seen:
            probs.error(r.where, "title %r already at %s" % (title, seen[title]))
        else:
            seen[title] = r.where
            d.roles.append((title, cls))

    # ---- name heads
    seen = {}
    for r in rows["name_heads"]:
        word, kind = r.f["word"], r.f["kind"]
        # a row in lower case (ministère) heads a name also where the text
        # writes it in lower case (ministère de l'Intérieur); see README
        if not word or not word[0].isalpha():
            probs.error(r.where, "name head %r must start with a letter" % word)
        elif " " in word:
            probs.error(r.where, "name head %r must be one word" % word)
        elif kind not in KINDS:
            probs.error(r.where, "kind %r not in %s" % (kind, "/".join(KINDS)))
        elif word.lower() in seen:
            probs.error(r.where, "name head %r already at %s" % (word, seen[word.lower()]))
        else:
            seen[word.lower()] = r.where
            d.name_heads.append((word, kind))

    # ---- name cues, page furniture: lower-case keys, each once
    d.name_cues = lower_keyed(rows["name_cues"], "cue", "name cue", probs,
                              lambda f: None if f["kind"] in KINDS else
                              "kind %r not in %s" % (f["kind"], "/".join(KINDS)))
    d.name_cues = [(f["cue"], f["kind"]) for f in d.name_cues]
    d.furniture = [(f["opener"],) for f in
                   lower_keyed(rows["furniture"], "opener", "furniture opener", probs)]

    # ---- particles
    seen = {}
    for r in rows["particles"]:
        word = r.f["word"]
        if not word or word != word.lower() or " " in word:
            probs.error(r.where, "particle %r must be one lowercase word" % word)
        elif word in seen:
            probs.error(r.where, "particle %r already at %s" % (word, seen[word]))
        else:
            seen[word] = r.where
            d.particles.append((word,))
    return d


def load_hunspell(path, probs):
    """Read first names, surnames and other proper nouns from a hunspell .dic
    whose entries carry Grammalecte tags (po:prn, po:patr, po:npr)."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    except (OSError, UnicodeDecodeError) as e:
        probs.error(path, "cannot read hunspell dictionary (%s)" % e)
        return []
    out = []
    seen = set()
    # lower-case entries: a capitalised po:nom entry that is also a common
    # word (Lune/lune, Main/main) gives no hint
    lower = set()
    for line in lines:
        w = re.split(r"(?<!\\)/| ", line.strip(), maxsplit=1)[0]
        if w[:1].islower():
            lower.add(w)
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or (lineno == 1 and line.isdigit()):
            continue
        parts = line.split()
        tags = [HUNSPELL_HINTS[p] for p in parts[1:] if p in HUNSPELL_HINTS]
        # word/FLAGS; a slash inside the word is escaped as \/
        word = re.split(r"(?<!\\)/", parts[0], maxsplit=1)[0].replace("\\/", "/")
        if not tags and "po:nom" in parts[1:] and PROPER_NOUN_RE.match(word) and \
                word.lower() not in lower:
            # a capitalised noun that is no common word: hunspell-fr's
            # regions, départements, rivers and provinces (Savoie, Isère,
            # Yvelines, Euphrate, Alberta) are place hints
            tags = ["place"]
        if not tags:
            continue
        if not any(c.isalpha() for c in word):
            continue
        for hint in tags:
            if (word, hint) not in seen:
                seen.add((word, hint))
                out.append((word, hint))
    if not out:
        probs.error(path, "no po:prn/po:patr/po:npr entry found")
    return out


def sql_literal(v):
    """Quote a Python value as an SQL literal (standard '' escaping)."""
    if v is None:
        return "NULL"
    if v is True:
        return "true"
    if v is False:
        return "false"
    return "'" + str(v).replace("'", "''") + "'"


def emit_inserts(out, table, columns, rows, casts=None):
    """Write multi-row INSERTs of at most BATCH rows."""
    casts = casts or {}
    if not rows:
        out.write("-- %s: no rows\n\n" % table)
        return
    out.write("-- %s: %d rows\n" % (table, len(rows)))
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        out.write("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(columns)))
        lines = []
        for row in chunk:
            vals = []
            for col, v in zip(columns, row):
                lit = sql_literal(v)
                if col in casts and v is not None:
                    lit += casts[col]
                vals.append(lit)
            lines.append("  (" + ", ".join(vals) + ")")
        out.write(",\n".join(lines) + ";\n")
    out.write("\n")


def lower_keyed(rows, key, what, probs, check=None):
    """The fields of rows whose key column is non-empty lower case and not
    seen before, and whose check (a function of the fields returning an error
    message or None) passes; errors for the others."""
    seen, kept = {}, []
    for r in rows:
        value = r.f[key]
        problem = check(r.f) if check else None
        if not value or value != value.lower():
            probs.error(r.where, "%s %r must be lower case" % (what, value))
        elif problem:
            probs.error(r.where, problem)
        elif value in seen:
            probs.error(r.where, "%s %r already at %s" % (what, value, seen[value]))
        else:
            seen[value] = r.where
            kept.append(r.f)
    return kept


def merge_iso_codes(d, json_path, locale_dir, probs):
    """Complete the curated countries with Debian's iso-codes, at build time.

    Every ISO 3166-1 state missing from countries.tsv is added under its
    French name (iso-codes' translation); the French official names become
    aliases of the curated rows when no other entity uses them.
    """
    import gettext
    import json
    try:
        with open(json_path, encoding="utf-8") as f:
            iso = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as e:
        probs.error(json_path, "cannot read iso-codes (%s)" % e)
        return
    try:
        fr = gettext.translation("iso_3166-1", locale_dir, ["fr"]).gettext
    except OSError:
        fr = lambda s: s
    have = {code for code, _ in d.countries}
    used = {n for n, *_ in d.entities} | {a for a, _ in d.aliases}
    canonical = {code: name for code, name in d.countries}
    for c in iso:
        code = c["alpha_3"]
        name = fr(c.get("common_name") or c["name"])
        if code not in have:
            if name in used:
                probs.warn(json_path, "iso-codes name %r of %s already used" % (name, code))
                continue
            d.countries.append((code, name))
            d.entities.append((name, "GPE", code, None))
            used.add(name)
            have.add(code)
            canonical[code] = name
        for official in {fr(c["name"]), fr(c.get("official_name", c["name"]))}:
            if "," in official or official in used:
                continue
            d.aliases.append((official, canonical[code]))
            used.add(official)


def write_sql(d, out, transaction):
    """Print the whole dictionary as INSERT statements."""
    out.write("-- Generated by scripts/gen_dict.py from data/dict: do not edit.\n\n")
    if transaction:
        out.write("BEGIN;\n\n")
    # builtin = true: pg_dump keeps only the rows users add (WHERE NOT builtin)
    emit_inserts(out, "diplo.country", ["code", "name", "builtin"],
                 [c + (True,) for c in d.countries])
    emit_inserts(out, "diplo.entity", ["name", "kind", "actor", "title", "builtin"],
                 [e + (True,) for e in d.entities],
                 casts={"kind": "::diplo.entity_kind"})
    emit_inserts(out, "diplo.alias", ["alias", "entity", "builtin"],
                 [a + (True,) for a in d.aliases])
    emit_inserts(out, "diplo.demonym", ["form", "actor", "builtin"],
                 [x + (True,) for x in d.demonyms])
    emit_inserts(out, "diplo.role", ["title", "class", "builtin"],
                 [x + (True,) for x in d.roles])
    emit_inserts(out, "diplo.name_head", ["word", "kind", "builtin"],
                 [x + (True,) for x in d.name_heads],
                 casts={"kind": "::diplo.entity_kind"})
    emit_inserts(out, "diplo.name_cue", ["cue", "kind", "builtin"],
                 [x + (True,) for x in d.name_cues],
                 casts={"kind": "::diplo.entity_kind"})
    emit_inserts(out, "diplo.furniture", ["opener", "builtin"],
                 [x + (True,) for x in d.furniture])
    emit_inserts(out, "diplo.particle", ["word", "builtin"],
                 [x + (True,) for x in d.particles])
    if d.name_hints:
        emit_inserts(out, "diplo.name_hint", ["word", "hint", "builtin"],
                     [x + (True,) for x in d.name_hints])
    if transaction:
        out.write("COMMIT;\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dict", default="data/dict",
                    help="folder holding the TSV files (default: data/dict)")
    ap.add_argument("--hunspell", metavar="FR.DIC",
                    help="hunspell dictionary for diplo.name_hint "
                         "(e.g. /usr/share/hunspell/fr.dic); omitted: no name_hint rows")
    ap.add_argument("--iso-codes", metavar="ISO_3166-1.JSON",
                    help="Debian iso-codes JSON: adds missing states and French official "
                         "names (e.g. /usr/share/iso-codes/json/iso_3166-1.json)")
    ap.add_argument("--locale-dir", default="/usr/share/locale",
                    help="where the iso_3166-1 French translations are")
    ap.add_argument("--check", action="store_true",
                    help="validate only, print no SQL")
    ap.add_argument("--transaction", action="store_true",
                    help="wrap the INSERTs in BEGIN/COMMIT")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="do not print warnings")
    args = ap.parse_args(argv)

    probs = Problems()
    d = load_dict(args.dict, probs)
    if args.iso_codes:
        merge_iso_codes(d, args.iso_codes, args.locale_dir, probs)
    if args.hunspell:
        d.name_hints = load_hunspell(args.hunspell, probs)

    if not args.quiet:
        for w in probs.warnings:
            print("warning: " + w, file=sys.stderr)
    if probs.errors:
        for e in probs.errors:
            print("error: " + e, file=sys.stderr)
        print("gen_dict: %d error(s) in %s, no SQL written"
              % (len(probs.errors), args.dict), file=sys.stderr)
        return 1

    counts = OrderedDict([
        ("country", len(d.countries)), ("entity", len(d.entities)),
        ("alias", len(d.aliases)), ("demonym", len(d.demonyms)),
        ("role", len(d.roles)), ("name_head", len(d.name_heads)), ("name_cue", len(d.name_cues)), ("furniture", len(d.furniture)),
        ("particle", len(d.particles)), ("name_hint", len(d.name_hints)),
    ])
    if not args.check:
        write_sql(d, sys.stdout, args.transaction)
    print("gen_dict: " + ", ".join("%s %d" % kv for kv in counts.items())
          + ", %d warning(s)" % len(probs.warnings), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
