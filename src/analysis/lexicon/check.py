#!/usr/bin/env python3
"""Validate the whosaid lexicon files (stdlib only).

Run: python3 src/analysis/lexicon/check.py   (exit code 1 on any error)
Checks: UTF-8, no header rows, column counts, allowed values, lower case,
no stray whitespace, no duplicate entries within a file.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

VERB_CLASSES = {"speech", "loaded:doubt", "loaded:guilt", "loaded:truth",
                "loaded:emphasis", "nonspeech", "mental", "written", "evidence"}
VERB_FLAGS = {"listener", "that", "quote", "passive-ok", "relative", "no-object", "target", "topic", "promise", "request", "person"}
GENDER3 = {"m", "f", "-"}

# file -> (kind, number of columns or None for .txt, {column index: allowed values or None}, optional columns)
SPECS = {
    "verbs.tsv": ("tsv", 7, {5: VERB_CLASSES}),
    "attribution_nouns.txt": ("txt", 1, {}),
    "titles.tsv": ("tsv", 3, {1: GENDER3, 2: {"person", "collective"}}),
    "honorifics.tsv": ("tsv", 2, {1: GENDER3}),
    "first_names.tsv": ("tsv", (2, 3), {1: {"m", "f", "u"}, 2: {"ambiguous"}}),
    "org_words.tsv": ("tsv", 2, {1: {"head", "suffix", "media"}}),
    "group_nouns.tsv": ("tsv", 2, {1: {"yes", "no", "maybe"}}),
    "weasel_phrases.txt": ("txt", 1, {}),
    "anonymous.tsv": ("tsv", 2, {1: {"bare", "described", "reason"}}),
    "doubt_words.tsv": ("tsv", 2, {1: {"doubt", "hedge"}}),
    "claim_pairs.tsv": ("tsv", 2, {1: {"hedge", "unnamed"}}),
    "view_nouns.txt": ("txt", 1, {}),
    "passive_participles.tsv": ("tsv", 2, {1: {"perception", "report", "expectation"}}),
    "abbreviations.txt": ("txt", 1, {}),
    "places.tsv": ("tsv", 2, {1: {"country", "city", "state", "region"}}),
    "function_words.txt": ("txt", 1, {}),
    "common_verbs.tsv": ("tsv", 4, {}),
    "boilerplate.txt": ("txt", 1, {}),
}

# Files where one entry must be a single token (no spaces).
SINGLE_TOKEN = {"abbreviations.txt", "function_words.txt", "first_names.tsv", "honorifics.tsv",
                # The engine loads multi-word group nouns as weasel phrases and looks participles up
                # one token at a time, so these two files must stay single-word.
                "group_nouns.tsv", "passive_participles.tsv", "common_verbs.tsv"}
# Tokens never carry a final dot and title phrases are matched token by token, so a dotted title
# ("sen.", "u.s. senator") could never match.
NO_DOTS = {"titles.tsv"}


def check_file(name, spec):
    errors = []
    kind, ncols, allowed = spec
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return ["%s: missing" % name], 0
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
    except UnicodeDecodeError as exc:
        return ["%s: not UTF-8 (%s)" % (name, exc)], 0
    if "\r" in raw:
        errors.append("%s: contains CR characters" % name)
    seen = {}
    count = 0
    for lineno, line in enumerate(raw.split("\n"), 1):
        if line.strip() == "" or line.startswith("#"):
            if line and line.strip() == "":
                errors.append("%s:%d: whitespace-only line" % (name, lineno))
            continue
        where = "%s:%d" % (name, lineno)
        if kind == "tsv":
            cols = line.split("\t")
        else:
            if "\t" in line:
                errors.append("%s: tab in .txt entry" % where)
            cols = [line]
        want = ncols if isinstance(ncols, tuple) else (ncols,)
        if len(cols) not in want:
            errors.append("%s: %d columns, expected %s: %r" % (where, len(cols), want, line))
            continue
        for i, col in enumerate(cols):
            if col != col.strip() or "  " in col or col == "":
                errors.append("%s: stray/double whitespace or empty column %d: %r" % (where, i + 1, col))
            if col != col.lower():
                errors.append("%s: not lower case: %r" % (where, col))
            if i in allowed and allowed[i] is not None and col not in allowed[i]:
                errors.append("%s: column %d value %r not in %s" % (where, i + 1, col, sorted(allowed[i])))
        if name in SINGLE_TOKEN and " " in cols[0]:
            errors.append("%s: entry must be a single token: %r" % (where, cols[0]))
        if name in NO_DOTS and "." in cols[0]:
            errors.append("%s: dotted entry can never match a token sequence: %r" % (where, cols[0]))
        if name == "verbs.tsv":
            errors.extend(check_verb(where, cols))
        # verbs.tsv may repeat a base for a British spelling (signal: signaled / signalled).
        key = (cols[0], cols[2]) if name == "verbs.tsv" else cols[0]
        if key in seen:
            errors.append("%s: duplicate %r (first at line %d)" % (where, key, seen[key]))
        else:
            seen[key] = lineno
        count += 1
    return errors, count


def check_verb(where, cols):
    errs = []
    base = cols[0]
    flags = cols[6]
    if flags != "-":
        parts = flags.split(",")
        for f in parts:
            if f not in VERB_FLAGS:
                errs.append("%s: unknown flag %r" % (where, f))
        if len(set(parts)) != len(parts):
            errs.append("%s: repeated flag" % where)
    # Particle verbs carry the particle in every form.
    words = base.split(" ")
    if len(words) > 1:
        particle = " " + " ".join(words[1:])
        for form in cols[1:5]:
            if not form.endswith(particle):
                errs.append("%s: form %r lacks particle %r" % (where, form, particle.strip()))
    if not cols[4].split(" ")[0].endswith("ing"):
        errs.append("%s: gerund %r does not end in -ing" % (where, cols[4]))
    return errs


def main():
    all_errors = []
    total = 0
    for name, spec in SPECS.items():
        errors, count = check_file(name, spec)
        all_errors.extend(errors)
        total += count
        print("%-26s %5d entries%s" % (name, count, "" if not errors else "  (%d errors)" % len(errors)))
    # Verb forms must not collide across lemmas (the engine maps form -> lemma).
    path = os.path.join(HERE, "verbs.tsv")
    if os.path.exists(path):
        owner = {}
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 7:
                continue
            for form in set(cols[:5]):
                if form in owner and owner[form] != cols[0]:
                    all_errors.append("verbs.tsv: form %r belongs to both %r and %r" % (form, owner[form], cols[0]))
                owner.setdefault(form, cols[0])
    # A dotted honorific must also be an abbreviation, or the sentence splitter ends the sentence there.
    abbrevs = set()
    apath = os.path.join(HERE, "abbreviations.txt")
    if os.path.exists(apath):
        abbrevs = {l.strip() for l in open(apath, encoding="utf-8") if l.strip() and not l.startswith("#")}
        hpath = os.path.join(HERE, "honorifics.tsv")
        for line in open(hpath, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            form = line.split("\t")[0]
            if form.endswith(".") and form[:-1] not in abbrevs:
                all_errors.append("honorifics.tsv: %r is dotted but %r is not in abbreviations.txt" % (form, form[:-1]))
    for e in all_errors:
        print("ERROR " + e)
    print("total %d entries, %d errors" % (total, len(all_errors)))
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
