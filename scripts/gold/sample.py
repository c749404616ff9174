#!/usr/bin/env python3
"""Draw the articles of the BBC gold set: `python3 scripts/gold/sample.py [--double]`.

20 articles per category (business, entertainment, politics, sport, tech), drawn with a fixed
seed from the ids in ../shared/data/bbc. `--double` prints the double-annotation subset instead:
4 of those per category, also with a fixed seed.
"""
import random, sys
from common import articles

SEED = 2026
PER_CATEGORY = 20
DOUBLE_PER_CATEGORY = 4


def gold_ids():
    by_cat = {}
    for aid, a in sorted(articles().items()):
        by_cat.setdefault(a["category"], []).append(aid)
    rng = random.Random(SEED)
    picked = {c: sorted(rng.sample(ids, PER_CATEGORY)) for c, ids in sorted(by_cat.items())}
    return picked


def double_ids(picked):
    rng = random.Random(SEED + 1)
    return {c: sorted(rng.sample(ids, DOUBLE_PER_CATEGORY)) for c, ids in sorted(picked.items())}


if __name__ == "__main__":
    picked = gold_ids()
    chosen = double_ids(picked) if "--double" in sys.argv else picked
    for c, ids in chosen.items():
        for i in ids:
            print(i)
