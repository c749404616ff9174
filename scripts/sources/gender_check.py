#!/usr/bin/env python3
"""Stated gender checked by hand on 30 BBC articles outside the gold set.

    python3 scripts/sources/gender_check.py sample          # the 30 article ids (fixed seed)
    python3 scripts/sources/gender_check.py show [ID...]    # each person, what whosaid states and why,
                                                            # with the words around each piece of evidence
    python3 scripts/sources/gender_check.py check           # whosaid now vs the judged list

The judged list is tests/sources/bbc-gender.tsv (article id, name, what whosaid stated, the
judgement); it holds no article text. `check` fails when whosaid states a gender the list judges
wrong, or states one for a person the list has not judged. Needs ../shared/data/bbc and a built
whosaid (target/release/whosaid, or WHOSAID_BIN); without the data it says so and exits 0.
"""
import json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "gold"))
from common import BBC, articles  # noqa: E402

JUDGED = os.path.join(ROOT, "tests", "sources", "bbc-gender.tsv")
SEED = 14
COUNT = 30


def sample(arts):
    from sample import gold_ids
    gold = {i for ids in gold_ids().values() for i in ids}
    pool = sorted(i for i in arts if i not in gold)
    return sorted(random.Random(SEED).sample(pool, COUNT))


def profile(text):
    binary = os.environ.get("WHOSAID_BIN", os.path.join(ROOT, "target", "release", "whosaid"))
    out = subprocess.run([binary, "check", "--no-config", "--format", "json", "-"], input=text.encode(),
                         capture_output=True, check=False)
    return json.loads(out.stdout)


def people(arts, ids):
    for aid in ids:
        text = arts[aid]["text"]
        report = profile(text)
        for s in report["sources"]["list"]:
            if s["kind"] == "person":
                yield aid, text, s


def show(arts, ids):
    for aid, text, s in people(arts, ids):
        raw = text.encode()
        print(f"{aid}\t{s['name']}\t{s['gender']}\t{s['gender_note']}")
        for e in s["gender_evidence"]:
            ctx = raw[max(0, e["start"] - 60):e["end"] + 40].decode(errors="replace").replace("\n", " ")
            print(f"      {e['text']}: …{ctx}…")


def check(arts, ids):
    judged = {}
    with open(JUDGED, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            aid, name, stated, verdict = line.rstrip("\n").split("\t")[:4]
            judged[(aid, name)] = (stated, verdict)
    wrong, unjudged, stated_n, not_stated = [], [], 0, 0
    for aid, _, s in people(arts, ids):
        g = s["gender"]
        if g == "not-stated":
            not_stated += 1
            continue
        stated_n += 1
        j = judged.get((aid, s["name"]))
        if j is None:
            unjudged.append(f"{aid}\t{s['name']}\t{g}")
        elif j[1] != g:
            wrong.append(f"{aid}\t{s['name']}: whosaid says {g}, judged {j[1]}")
    print(f"{len(ids)} articles: {stated_n + not_stated} people quoted, gender stated for {stated_n}, "
          f"not stated for {not_stated}; {len(wrong)} wrong, {len(unjudged)} not judged yet")
    for w in wrong:
        print("WRONG   " + w)
    for u in unjudged:
        print("UNJUDGED " + u)
    return 1 if wrong or unjudged else 0


def main():
    if not os.path.exists(BBC):
        print(f"gender_check: {BBC} not found; the BBC texts live beside the project. Skipped.")
        return 0
    arts = articles()
    ids = sample(arts)
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "sample":
        print("\n".join(ids))
    elif cmd == "show":
        show(arts, sys.argv[2:] or ids)
    elif cmd == "check":
        return check(arts, ids)
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
