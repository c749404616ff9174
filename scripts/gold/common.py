"""Shared helpers for the gold-set scripts: where the BBC texts are, and reading them."""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BBC = os.path.join(ROOT, "..", "shared", "data", "bbc", "articles.jsonl")
GOLD = os.path.join(ROOT, "tests", "gold", "bbc.jsonl")
DOUBLE = os.path.join(ROOT, "tests", "gold", "bbc-double.jsonl")


def articles():
    """id -> article (with "text" and "category"); exits with a message when the data is absent."""
    if not os.path.exists(BBC):
        sys.exit(f"{BBC} not found: the BBC texts live beside the project in ../shared/data/bbc")
    out = {}
    with open(BBC, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                out[a["id"]] = a
    return out


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]
