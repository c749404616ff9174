#!/usr/bin/env python3
"""Print one BBC article for annotation: `python3 scripts/gold/show.py sport/001`.

Paragraphs are numbered in the margin (the numbers are not part of the text)."""
import sys
from common import articles

a = articles().get(sys.argv[1]) if len(sys.argv) > 1 else None
if a is None:
    sys.exit("usage: show.py ID (an id from ../shared/data/bbc, e.g. sport/001)")
print(f"# {a['id']} ({a['category']})\n")
for n, para in enumerate(a["text"].split("\n\n"), 1):
    print(f"[{n}] {para}\n")
