#!/usr/bin/env python3
"""Share of reported-speech items whose content holds no verb (docs/quotes.md: reported speech
is a clause; "added three goals" is not one).

Runs `whosaid check --format json` over every article of a JSONL corpus (one object per line
with "id" and "text"; default ../shared/data/bbc/articles.jsonl) and looks at each `indirect`
or `mixed` quote. Its content has a verb if a word after the first (not capitalised: names are
not verbs) is an auxiliary or modal, a form of a verb the lexicon knows (verbs.tsv,
common_verbs.tsv), a contraction ("didn't", "it's"), a form in -ed of five letters or more, or
"to" before a lower-case word. The check is deliberately loose: it only sets clear noun phrases
apart ("three more goals", "a loss of $38m"), so a low figure is necessary, not sufficient.

Usage: python3 scripts/verbless.py [--whosaid BIN] [--corpus FILE] [--show N]
Prints the count, the share, and with --show N the first N verbless items.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXICON = os.path.join(ROOT, "src", "analysis", "lexicon")

AUXILIARIES = {
    "is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "cannot",
}
CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'d", "'m")
PRONOUN_IS = {"it's", "he's", "she's", "that's", "there's", "what's", "who's", "here's"}


def verb_forms():
    """Every verb form the lexicon lists (not gerunds: "cutting taxes" is no clause)."""
    forms = set()
    for name, cols in (("verbs.tsv", range(0, 4)), ("common_verbs.tsv", range(0, 4))):
        path = os.path.join(LEXICON, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                for i in cols:
                    if i < len(parts) and parts[i] != "-" and " " not in parts[i]:
                        forms.add(parts[i].lower())
    return forms


def has_verb(content, forms):
    words = [w for w in re.split(r"[^\w'’]+", content) if w]
    for i, w in enumerate(words):
        lower = w.lower().replace("’", "'")
        if i > 0 and w[0].isupper() and lower != "i'm":
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (lower in AUXILIARIES or lower in forms or lower in PRONOUN_IS
                or lower.endswith(CONTRACTIONS)
                or (len(lower) >= 5 and lower.endswith("ed"))
                or (lower == "to" and nxt is not None and nxt[0].islower())):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--whosaid", default=os.path.join(ROOT, "target", "release", "whosaid"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "bbc", "articles.jsonl"))
    ap.add_argument("--show", type=int, default=0, help="print the first N verbless items")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"verbless: no corpus at {args.corpus}; skipping", file=sys.stderr)
        return 0
    if not os.path.exists(args.whosaid):
        print(f"verbless: no whosaid binary at {args.whosaid}; build it with cargo build --release", file=sys.stderr)
        return 2
    forms = verb_forms()
    with open(args.corpus, encoding="utf-8") as f:
        articles = [json.loads(l) for l in f if l.strip()]
    total = verbless = 0
    shown = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, art in enumerate(articles):
            p = os.path.join(tmp, f"{n}.txt")
            with open(p, "w", encoding="utf-8") as out:
                out.write(art["text"])
            paths.append((p, art))
        by_path = dict(paths)
        run = subprocess.run([args.whosaid, "check", "--format", "json", "--no-config"] + [p for p, _ in paths],
                             capture_output=True, text=True)
        if run.returncode == 2 or not run.stdout:
            print(f"verbless: whosaid check failed: {run.stderr.strip()}", file=sys.stderr)
            return 2
        for line in run.stdout.splitlines():
            res = json.loads(line)
            art = by_path[res["path"]]
            raw = art["text"].encode("utf-8")
            for q in res["quotes"]:
                if q["kind"] not in ("indirect", "mixed"):
                    continue
                content = raw[q["start"]:q["end"]].decode("utf-8", "replace")
                total += 1
                if not has_verb(content, forms):
                    verbless += 1
                    if len(shown) < args.show:
                        shown.append((art.get("id", "?"), content))
    share = 100.0 * verbless / total if total else 0.0
    print(f"{len(articles)} articles, {total} reported-speech items, {verbless} with no verb in their content ({share:.1f}%)")
    for aid, content in shown:
        print(f"  {aid}: {content!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
