#!/usr/bin/env python3
"""Validate diplo's built-in lexicon and turn it into SQL INSERT statements.

The lexicon lives in four UTF-8 TSV files (header line first, `#` comment
lines and blank lines allowed, an empty field meaning NULL):

    topics.tsv       topic  label  description
    topic_terms.tsv  term   topic  polarity  short_form (yes/no)
    cues.tsv         lemma  pos    polarity  weight  frame  target_mode
    modifiers.tsv    word   type   factor

Usage:
    python3 scripts/gen_lexicon.py --dir data/lexicon > build/lexicon.sql
    python3 scripts/gen_lexicon.py --dir data/lexicon --check   # validate only

The SQL is written to stdout, tables in dependency order (topics before the
terms that reference them). Every error found is reported on stderr with its
file and line, and the script exits with status 1 without printing any SQL.
Standard library only.
"""

import subprocess
import argparse
import os
import re
import sys
import unicodedata
from collections import Counter, namedtuple
from decimal import Decimal, InvalidOperation

MAX_ROWS_PER_INSERT = 500
MAX_FACTOR = Decimal(4)         # the CHECK on diplo.modifier.factor

POS = ("verb", "noun", "adj", "adv", "expr")
FRAMES = ("accept", "reject", "support", "oppose", "demand", "propose",
          "praise", "thank", "accuse", "condemn", "threaten", "distrust",
          "welcome", "hope", "criticize", "evaluate", "commit", "seek")
TARGET_MODES = ("object", "subject", "entity", "both", "self")
MODIFIER_TYPES = ("negation", "hedge", "intensifier", "contrast", "reporting",
                  "pronoun", "collective", "leader", "demonstrative", "circumstance",
                  "author", "patient", "sense", "receive")
# modifier types that diplo 0.2 added to the check constraint of 0.1
MODIFIER_TYPES_0_2 = ("patient", "sense", "receive")
POLARITIES = ("1", "-1")

# The topics scored by shared/ANNOTATION.md; the built-in lexicon defines
# exactly these, so a misspelt key is caught here rather than at scoring time.
BUILTIN_TOPICS = ("cessez-le-feu", "paix", "negociations", "sanctions",
                  "adhesion-otan", "concessions-territoriales",
                  "aide-militaire", "echange-prisonniers")

TOPIC_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Row = namedtuple("Row", "lineno fields")


class Lexicon:
    """Collects the rows of every file and the errors found in them."""

    def __init__(self, directory):
        self.directory = directory
        self.errors = []
        self.warnings = []

    def error(self, filename, lineno, message):
        where = filename if lineno is None else "%s:%d" % (filename, lineno)
        self.errors.append("%s: %s" % (where, message))

    def warn(self, filename, lineno, message):
        self.warnings.append("%s:%d: warning: %s" % (filename, lineno, message))

    def read(self, filename, header):
        """Return the data rows of one TSV file, checking its shape."""
        path = os.path.join(self.directory, filename)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
        except FileNotFoundError:
            self.error(filename, None, "file not found in %s" % self.directory)
            return []
        except UnicodeDecodeError as exc:
            self.error(filename, None, "not valid UTF-8 (%s)" % exc)
            return []

        if text.startswith("\ufeff"):
            self.error(filename, 1, "remove the byte order mark")
            text = text[1:]

        rows = []
        seen_header = False
        for lineno, line in enumerate(text.split("\n"), start=1):
            line = line.rstrip("\r")
            if not seen_header:
                if line != "\t".join(header):
                    self.error(filename, lineno,
                               "expected header %r, found %r"
                               % ("\t".join(header), line))
                    return []
                seen_header = True
                continue
            if line.strip() == "" or line.startswith("#"):
                continue
            if unicodedata.normalize("NFC", line) != line:
                self.error(filename, lineno,
                           "text is not in Unicode NFC form; re-save it "
                           "with composed accents")
                continue
            fields = line.split("\t")
            if len(fields) != len(header):
                self.error(filename, lineno,
                           "expected %d tab-separated fields (%s), found %d"
                           % (len(header), ", ".join(header), len(fields)))
                continue
            bad = [h for h, f in zip(header, fields) if f != f.strip()]
            if bad:
                self.error(filename, lineno,
                           "leading or trailing spaces in %s" % ", ".join(bad))
                continue
            rows.append(Row(lineno, fields))
        if not seen_header:
            self.error(filename, None, "file is empty; it needs a header line")
        return rows

    # Field checks: each returns the parsed value or None after an error.

    def required(self, filename, row, name, value):
        if value == "":
            self.error(filename, row.lineno, "%s must not be empty" % name)
            return None
        return value

    def choice(self, filename, row, name, value, allowed):
        if value not in allowed:
            self.error(filename, row.lineno,
                       "%s %r is not one of: %s"
                       % (name, value, ", ".join(allowed)))
            return None
        return value

    def number(self, filename, row, name, value):
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.error(filename, row.lineno,
                       "%s %r is not a number" % (name, value))
            return None
        if not number.is_finite():
            self.error(filename, row.lineno,
                       "%s %r is not a finite number" % (name, value))
            return None
        return number

    def pattern(self, filename, row, name, value):
        """Check a lexical pattern: words separated by spaces, `*` gaps."""
        if value != value.lower():
            self.error(filename, row.lineno,
                       "%s %r must be lowercase" % (name, value))
            return None
        if "  " in value:
            self.error(filename, row.lineno,
                       "%s %r has repeated spaces" % (name, value))
            return None
        words = value.split(" ")
        if "*" in words:
            if words[0] == "*" or words[-1] == "*":
                self.error(filename, row.lineno,
                           "%s %r may not start or end with a `*` gap"
                           % (name, value))
                return None
            for left, right in zip(words, words[1:]):
                if left == "*" and right == "*":
                    self.error(filename, row.lineno,
                               "%s %r has two `*` gaps in a row"
                               % (name, value))
                    return None
        if any("*" in w and w != "*" for w in words):
            self.error(filename, row.lineno,
                       "%s %r: `*` must stand alone between spaces"
                       % (name, value))
            return None
        return value


def load_topics(lex):
    filename = "topics.tsv"
    topics = []
    keys = {}
    for row in lex.read(filename, ("topic", "label", "description")):
        key, label, description = row.fields
        if lex.required(filename, row, "topic", key) is None:
            continue
        if not TOPIC_KEY_RE.match(key):
            lex.error(filename, row.lineno,
                      "topic key %r must be lowercase ASCII words joined "
                      "by hyphens" % key)
            continue
        if key in keys:
            lex.error(filename, row.lineno,
                      "duplicate topic %r (first on line %d)"
                      % (key, keys[key]))
            continue
        if lex.required(filename, row, "label", label) is None:
            continue
        keys[key] = row.lineno
        topics.append((key, label, description or None))
    if keys or not lex.errors:
        missing = [t for t in BUILTIN_TOPICS if t not in keys]
        extra = [t for t in keys if t not in BUILTIN_TOPICS]
        if missing:
            lex.error(filename, None,
                      "missing built-in topic(s): %s" % ", ".join(missing))
        if extra:
            lex.error(filename, None,
                      "unknown topic(s) %s; the built-in topics are: %s"
                      % (", ".join(extra), ", ".join(BUILTIN_TOPICS)))
    return topics


def load_topic_terms(lex, topic_keys):
    filename = "topic_terms.tsv"
    terms = []
    seen = {}
    topics_of = {}
    for row in lex.read(filename, ("term", "topic", "polarity", "short_form")):
        term, topic, polarity, short_form = row.fields
        if lex.required(filename, row, "term", term) is None:
            continue
        if lex.pattern(filename, row, "term", term) is None:
            continue
        if topic not in topic_keys:
            lex.error(filename, row.lineno,
                      "topic %r is not defined in topics.tsv" % topic)
            continue
        if lex.choice(filename, row, "polarity", polarity, POLARITIES) is None:
            continue
        if lex.choice(filename, row, "short_form", short_form, ("yes", "no")) is None:
            continue
        key = (term, topic)
        if key in seen:
            lex.error(filename, row.lineno,
                      "duplicate term %r for topic %r (first on line %d)"
                      % (term, topic, seen[key]))
            continue
        seen[key] = row.lineno
        if term in topics_of:
            lex.warn(filename, row.lineno,
                     "term %r also triggers topic %r"
                     % (term, topics_of[term]))
        topics_of.setdefault(term, topic)
        terms.append((term, topic, int(polarity), short_form == "yes"))
    return terms


def load_cues(lex):
    filename = "cues.tsv"
    cues = []
    seen = {}
    for row in lex.read(filename, ("lemma", "pos", "polarity", "weight",
                                   "frame", "target_mode")):
        lemma, pos, polarity, weight, frame, target_mode = row.fields
        if lex.required(filename, row, "lemma", lemma) is None:
            continue
        if lex.pattern(filename, row, "lemma", lemma) is None:
            continue
        ok = all(v is not None for v in (
            lex.choice(filename, row, "pos", pos, POS),
            lex.choice(filename, row, "polarity", polarity, POLARITIES),
            lex.choice(filename, row, "frame", frame, FRAMES),
            lex.choice(filename, row, "target_mode", target_mode,
                       TARGET_MODES)))
        number = lex.number(filename, row, "weight", weight)
        if not ok or number is None:
            continue
        if not Decimal(0) < number <= Decimal(1):
            lex.error(filename, row.lineno,
                      "weight %s must be in (0, 1]" % weight)
            continue
        key = (lemma, pos)
        if key in seen:
            lex.error(filename, row.lineno,
                      "duplicate cue (%s, %s) (first on line %d)"
                      % (lemma, pos, seen[key]))
            continue
        seen[key] = row.lineno
        cues.append((lemma, pos, int(polarity), number, frame, target_mode))
    return cues


# Inflected forms of the verb opening a multi-word cue (remettre en question:
# remis, remet, remettent...), from hunspell-fr's affix rules: the stem
# matcher cannot join an irregular participle to its infinitive.
VERB_FORM_TAGS = (
    ("po:ppas",),
    ("po:ppre",),
    ("po:ipre", "po:3sg"), ("po:ipre", "po:3pl"),
    ("po:ipsi", "po:3sg"), ("po:ipsi", "po:3pl"),
    ("po:iimp", "po:3sg"), ("po:iimp", "po:3pl"),
    ("po:ifut", "po:3sg"), ("po:ifut", "po:3pl"),
    ("po:cond", "po:3sg"), ("po:cond", "po:3pl"),
)


def load_suffix_rules(dic_path):
    """flag -> [(strip, add, condition, morphology)]: the suffix rules of
    the .aff next to a hunspell .dic."""
    aff_path = os.path.splitext(dic_path)[0] + ".aff"
    rules = {}
    with open(aff_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 5 or parts[0] != "SFX" or parts[2] == "Y":
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add = parts[3].split("/")[0]
            add = "" if add == "0" else add
            try:
                rx = re.compile("(?:%s)$" % parts[4])
            except re.error:
                continue
            rules.setdefault(parts[1], []).append((strip, add, rx, set(parts[5:])))
    return rules


def load_verb_forms(dic_path, past_participles=None):
    """lemma -> sorted forms, for the verbs of a hunspell .dic (with its .aff
    next to it; long flags, Grammalecte morphology).  The forms that are
    past participles are also added to the set past_participles, if given."""
    rules = {}
    for flag, rs in load_suffix_rules(dic_path).items():
        for strip, add, rx, morph in rs:
            if any(all(t in morph for t in tags) for tags in VERB_FORM_TAGS):
                rules.setdefault(flag, []).append((strip, add, rx, "po:ppas" in morph))
    forms = {}
    with open(dic_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "po:v" not in line:
                continue
            word, _, rest = line.partition("/")
            flags = rest.split()[0] if rest.split() else ""
            out = forms.setdefault(word, set())
            for i in range(0, len(flags) - 1, 2):
                for strip, add, rx, ppas in rules.get(flags[i:i + 2], ()):
                    if word.endswith(strip) and rx.search(word):
                        out.add(word[:len(word) - len(strip)] + add)
                        if ppas and past_participles is not None:
                            past_participles.add(word[:len(word) - len(strip)] + add)
    return {w: sorted(f) for w, f in forms.items() if f}


def inflect_cues(cues, verb_forms):
    """Rows for the inflected forms of the verb opening each multi-word cue,
    with the values of that cue; forms already listed are left out."""
    listed = {c[0] for c in cues}
    extra = []
    for lemma, pos, polarity, weight, frame, target_mode in cues:
        words = lemma.split(" ")
        if pos != "expr" or len(words) < 2:
            continue
        v = 1 if words[0] in ("se", "s'") and len(words) > 2 else 0
        if not re.search(r"(er|ir|re)$", words[v]):
            continue            # only an infinitive opening the cue
        for form in verb_forms.get(words[v], ()):
            new = " ".join(words[:v] + [form] + words[v + 1:])
            if new not in listed and RE_LEMMA_OK.match(new):
                listed.add(new)
                extra.append((new, pos, polarity, weight, frame, target_mode))
    return extra


RE_LEMMA_OK = re.compile(r"^[^\t\n]+$")


def load_dic_words(dic_path):
    """The lower-case entries of a hunspell .dic (lemmas as listed)."""
    out = set()
    with open(dic_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.split("/")[0].split()
            if w and w[0][:1].islower():
                out.add(w[0])
    return out


def stems_of(words, stem_tool):
    """word -> folded Snowball stem, as the tagger computes it (gen_common
    --stem, the build's own stemmer)."""
    words = sorted(set(words))
    r = subprocess.run([stem_tool, "--stem"], input="\n".join(words) + "\n",
                       capture_output=True, text=True, check=True)
    return dict(line.split("\t", 1) for line in r.stdout.splitlines() if "\t" in line)


def infinitive_guess(word):
    """The -er infinitive the tagger also stems a form as (dp_dict.c: its
    second stem, for rejetons, refusent, plébiscitées), or None."""
    for end in ("ons", "ent", "ez", "é", "ée", "és", "ées"):
        if len(word) > 4 and word.endswith(end) and (end != "ées" or len(word) > 5):
            return word[:-len(end)] + "er"
    return None


def inflect_by_stem(cues, terms, verb_forms, past_participles, dic_words, stem_tool):
    """Rows for the inflected forms of a verb cue, or of a topic term opening
    with a verb, that the stem matcher would not join to the listed rows
    (maintiendra, interrompt, reconnut; "reconnu * annexion"): one row per
    new stem, with the values of the lemma's row.  A one-word cue gets no
    past participle: alone it mostly describes a noun (une pression accrue).  A form that is a word of
    hunspell-fr of its own (arme, compromis) or whose stem is also the stem
    of another word (armé: arme) is left out, since the matcher could not
    tell the two apart."""
    def opening(words):
        v = 1 if words[0] in ("se", "s'") and len(words) > 2 else 0
        return v if re.search(r"(er|ir|re)$", words[v]) and words[v] in verb_forms else None

    words = set(dic_words)
    for c in cues:
        words.update(c[0].split(" "))
    for t in terms:
        words.update(t[0].split(" "))
    for f in verb_forms.values():
        words.update(f)
    words.update(filter(None, (infinitive_guess(w) for w in list(words))))
    stem = stems_of(words, stem_tool)
    owners = {}
    for w in dic_words:
        owners.setdefault(stem.get(w), set()).add(w)

    def stems(w):
        g = infinitive_guess(w)
        return {stem.get(w), stem.get(g) if g else None} - {None}

    def new_stem(verb, form, taken):
        """The form's stem when no listed row and no other word has it."""
        s = stem.get(form)
        if s is None or form in dic_words or stems(form) & taken:
            return None
        if owners.get(s, set()) - {verb}:
            return None
        return s

    cue_stems = set()
    for c in cues:
        if " " not in c[0]:
            cue_stems |= stems(c[0])
    listed = {c[0] for c in cues}
    new_cues = []
    for lemma, pos, polarity, weight, frame, target_mode in cues:
        if pos != "verb" or " " in lemma or opening([lemma]) is None:
            continue
        for form in verb_forms[lemma]:
            # a past participle alone mostly describes a noun (une pression
            # accrue, des sanctions maintenues): the verb's own forms only
            if form in past_participles:
                continue
            s = None if form in listed else new_stem(lemma, form, cue_stems)
            if s is None:
                continue
            cue_stems.add(s)
            listed.add(form)
            new_cues.append((form, pos, polarity, weight, frame, target_mode))
    term_keys = {(t[0], t[1]) for t in terms}
    new_terms = []
    for term, topic, polarity, short_form in terms:
        words = term.split(" ")
        v = opening(words)
        if v is None:
            continue
        taken = stems(words[v])
        for other, otopic, _, _ in terms:
            ow = other.split(" ")
            if otopic == topic and len(ow) == len(words) and ow[:v] == words[:v] and ow[v + 1:] == words[v + 1:]:
                taken |= stems(ow[v])
        for form in verb_forms[words[v]]:
            new = " ".join(words[:v] + [form] + words[v + 1:])
            s = None if (new, topic) in term_keys else new_stem(words[v], form, taken)
            if s is None:
                continue
            taken.add(s)
            term_keys.add((new, topic))
            new_terms.append((new, topic, polarity, short_form))
    return new_cues, new_terms


# The parts of speech (Grammalecte's po: tags of hunspell-fr) of the words
# that get a sense row when a cue's stem takes them in: function words
# (maintenant, ni, respectivement) and nouns and adjectives that are no form
# of any verb (propos, position, organisation).
SENSE_POS = ("adv", "cj", "prep", "det", "pro", "nom")
SENSE_FUNCTION_POS = ("adv", "cj", "prep", "det", "pro")


def load_dic_forms(dic_path):
    """[(entry, parts of speech, forms)] for the lower-case entries of a
    hunspell .dic, every form its suffix rules give (its .aff next to it)."""
    rules = load_suffix_rules(dic_path)
    entries = []
    with open(dic_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            word, slash, rest = line.partition("/")
            word = word.split()[0] if word.split() else ""
            if not word[:1].islower():
                continue
            flags = rest.split()[0] if slash and rest.split() else ""
            forms = {word}
            for i in range(0, len(flags) - 1, 2):
                for strip, add, rx, _ in rules.get(flags[i:i + 2], ()):
                    if word.endswith(strip) and rx.search(word):
                        forms.add(word[:len(word) - len(strip)] + add)
            entries.append((word, set(re.findall(r"po:(\w+)", line)), forms))
    return entries


def other_sense_rows(cues, dic_entries, stem_tool):
    """Modifier rows of type sense: the forms that the stem matcher would
    read as a one-word cue but that hunspell-fr knows as another word, no
    form of any cue's lemma and no verb form at all (propos: proposer,
    position: positif), or a function word of its own even when a cue's
    verb has the same form (maintenant: maintenir)."""
    cue_words = {c[0] for c in cues if " " not in c[0]}
    forms_of = {}
    verb_forms = set()
    for word, pos, forms in dic_entries:
        forms_of.setdefault(word, set()).update(forms)
        if any(p.startswith("v") for p in pos):
            verb_forms |= forms
    cue_forms = set(cue_words)
    for c in cue_words:
        cue_forms |= forms_of.get(c, set())
    words = set(cue_words)
    for _, _, forms in dic_entries:
        words |= forms
    words.update(filter(None, (infinitive_guess(w) for w in list(words))))
    stem = stems_of(words, stem_tool)

    def stems(w):
        g = infinitive_guess(w)
        return {stem.get(w), stem.get(g) if g else None} - {None}

    cue_stems = set()
    for c in cue_words:
        cue_stems |= stems(c)
    out = set()
    for word, pos, forms in dic_entries:
        if word in cue_words or not any(p.startswith(SENSE_POS) for p in pos):
            continue
        function = any(p.startswith(SENSE_FUNCTION_POS) for p in pos)
        for form in ([word] if function else forms):
            if form in cue_words or not stems(form) & cue_stems:
                continue
            if not function and (form in cue_forms or form in verb_forms):
                continue
            if RE_LEMMA_OK.match(form) and " " not in form:
                out.add(form)
    return [(f, "sense", Decimal(1)) for f in sorted(out)]


def load_modifiers(lex):
    filename = "modifiers.tsv"
    modifiers = []
    seen = {}
    for row in lex.read(filename, ("word", "type", "factor")):
        word, kind, factor = row.fields
        if lex.required(filename, row, "word", word) is None:
            continue
        if lex.pattern(filename, row, "word", word) is None:
            continue
        if lex.choice(filename, row, "type", kind, MODIFIER_TYPES) is None:
            continue
        number = lex.number(filename, row, "factor", factor)
        if number is None:
            continue
        if not Decimal(0) < number <= MAX_FACTOR:
            lex.error(filename, row.lineno,
                      "factor %s must be in (0, %s]" % (factor, MAX_FACTOR))
            continue
        # A hedge that strengthens or an intensifier that weakens is a typo.
        if kind == "hedge" and not number < 1:
            lex.error(filename, row.lineno,
                      "hedge factor %s must be below 1" % factor)
            continue
        if kind == "intensifier" and not number > 1:
            lex.error(filename, row.lineno,
                      "intensifier factor %s must be above 1" % factor)
            continue
        key = (word, kind)
        if key in seen:
            lex.error(filename, row.lineno,
                      "duplicate modifier (%s, %s) (first on line %d)"
                      % (word, kind, seen[key]))
            continue
        seen[key] = row.lineno
        modifiers.append((word, kind, number))
    return modifiers


def sql_literal(value):
    """Quote one value as a standard SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def write_inserts(out, table, columns, rows):
    """Write multi-row INSERTs of at most MAX_ROWS_PER_INSERT rows."""
    for start in range(0, len(rows), MAX_ROWS_PER_INSERT):
        chunk = rows[start:start + MAX_ROWS_PER_INSERT]
        out.write("INSERT INTO %s (%s) VALUES\n" % (table, ", ".join(columns)))
        lines = ["  (" + ", ".join(sql_literal(v) for v in row) + ")"
                 for row in chunk]
        out.write(",\n".join(lines))
        out.write(";\n\n")


def print_stats(topics, terms, cues, modifiers, out):
    out.write("topics: %d\n" % len(topics))
    out.write("topic_terms: %d\n" % len(terms))
    for topic, count in sorted(Counter(t[1] for t in terms).items()):
        out.write("  %-28s %d\n" % (topic, count))
    out.write("cues: %d\n" % len(cues))
    for name, index in (("pos", 1), ("frame", 4), ("target_mode", 5)):
        out.write("  by %s:\n" % name)
        for value, count in sorted(Counter(c[index] for c in cues).items()):
            out.write("    %-12s %d\n" % (value, count))
    out.write("  by polarity: +1 %d, -1 %d\n"
              % (sum(c[2] == 1 for c in cues), sum(c[2] == -1 for c in cues)))
    out.write("modifiers: %d\n" % len(modifiers))
    for kind, count in sorted(Counter(m[1] for m in modifiers).items()):
        out.write("  %-14s %d\n" % (kind, count))


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Validate the diplo lexicon TSV files and print SQL "
                    "INSERT statements for them on stdout.")
    parser.add_argument("--dir", default="data/lexicon",
                        help="directory holding the TSV files "
                             "(default: %(default)s)")
    parser.add_argument("--schema", default="diplo",
                        help="schema of the lexicon tables "
                             "(default: %(default)s)")
    parser.add_argument("--hunspell", metavar="FR.DIC",
                        help="hunspell-fr dictionary (its .aff next to it) "
                             "whose verb forms extend multi-word cues; "
                             "omitted: no inflected rows")
    parser.add_argument("--stem-tool", metavar="GEN_COMMON",
                        help="build/gen_common, whose --stem mode gives the "
                             "tagger's stems: with --hunspell, adds the verb "
                             "forms of cues and topic terms that the stem "
                             "matcher would not join to their lemma")
    parser.add_argument("--since", choices=("0.1", "0.2"),
                        help="only the rows of the given version: 0.1 leaves "
                             "out the modifier types added in 0.2 (the 0.1 "
                             "script's check constraint refuses them), 0.2 "
                             "writes only those; omitted: every row")
    parser.add_argument("--check", action="store_true",
                        help="validate only; print no SQL")
    parser.add_argument("--stats", action="store_true",
                        help="print counts per file, pos, frame and type "
                             "on stderr")
    args = parser.parse_args(argv)

    if not os.path.isdir(args.dir):
        sys.stderr.write("gen_lexicon: %s is not a directory\n" % args.dir)
        return 2
    if not re.match(r"^[a-z_][a-z0-9_]*$", args.schema):
        sys.stderr.write("gen_lexicon: schema %r is not a plain lowercase "
                         "SQL identifier\n" % args.schema)
        return 2

    lex = Lexicon(args.dir)
    topics = load_topics(lex)
    terms = load_topic_terms(lex, {t[0] for t in topics})
    cues = load_cues(lex)
    modifiers = load_modifiers(lex)
    if args.hunspell and not lex.errors:
        past_participles = set()
        verb_forms = load_verb_forms(args.hunspell, past_participles)
        if args.stem_tool:
            more_cues, more_terms = inflect_by_stem(cues, terms, verb_forms, past_participles,
                                                    load_dic_words(args.hunspell),
                                                    args.stem_tool)
            terms = terms + more_terms
        else:
            more_cues = []
        cues = cues + inflect_cues(cues, verb_forms) + more_cues
        if args.stem_tool and args.since != "0.1":   # sense rows are 0.2's
            listed = {(m[0], m[1]) for m in modifiers}
            modifiers = modifiers + [m for m in other_sense_rows(cues, load_dic_forms(args.hunspell),
                                                                 args.stem_tool)
                                     if (m[0], m[1]) not in listed]

    for warning in lex.warnings:
        sys.stderr.write(warning + "\n")
    if lex.errors:
        for error in lex.errors:
            sys.stderr.write(error + "\n")
        sys.stderr.write("gen_lexicon: %d error(s) in %s; no SQL written\n"
                         % (len(lex.errors), args.dir))
        return 1

    if args.stats:
        print_stats(topics, terms, cues, modifiers, sys.stderr)
    if args.check:
        return 0

    if args.since == "0.1":
        modifiers = [m for m in modifiers if m[1] not in MODIFIER_TYPES_0_2]
    elif args.since == "0.2":
        topics, terms, cues = [], [], []
        modifiers = [m for m in modifiers if m[1] in MODIFIER_TYPES_0_2]
    schema = args.schema
    out = sys.stdout
    out.write("-- Built-in lexicon of diplo, generated by scripts/gen_lexicon.py"
              " from %s.\n-- Do not edit by hand: edit the TSV files and "
              "regenerate.\n\n" % os.path.basename(os.path.normpath(args.dir)))
    write_inserts(out, schema + ".topic",
                  ("topic", "label", "description", "builtin"),
                  [t + (True,) for t in topics])
    write_inserts(out, schema + ".topic_term",
                  ("term", "topic", "polarity", "short_form", "builtin"),
                  [t + (True,) for t in terms])
    write_inserts(out, schema + ".cue",
                  ("lemma", "pos", "polarity", "weight", "frame",
                   "target_mode", "builtin"),
                  [c + (True,) for c in cues])
    write_inserts(out, schema + ".modifier",
                  ("word", "type", "factor", "builtin"),
                  [m + (True,) for m in modifiers])
    return 0


if __name__ == "__main__":
    sys.exit(main())
