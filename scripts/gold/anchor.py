#!/usr/bin/env python3
"""Turn annotation work files (exact texts) into gold items (offsets, no article text).

    python3 scripts/gold/anchor.py WORKDIR OUT.jsonl

WORKDIR holds one JSON file per article as described in docs/annotation.md. Content must occur
once in the article (or once inside `content_in`); speaker and cue are the occurrence nearest the
content (or the one inside `speaker_in` / `cue_in`); the speaker's name is its first occurrence (or
the one inside `name_in`). Offsets are code points (Python string indices), as in PolNeAR.
Stops with a message naming the article and item on any text it cannot place.
"""
import glob, json, os, sys
from common import articles


class Unplaced(Exception):
    pass


def occurrences(text, needle):
    """Where `needle` occurs as whole words: "he" is not the end of "the" or "when"."""
    out, i = [], text.find(needle)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        inside = (needle[:1].isalnum() and before.isalnum()) or (needle[-1:].isalnum() and after.isalnum())
        if not inside:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def within(text, needle, snippet):
    """Occurrences of `needle` inside the one occurrence of `snippet`."""
    at = occurrences(text, snippet)
    if len(at) != 1:
        raise Unplaced(f"snippet {snippet!r} occurs {len(at)} times")
    inner = occurrences(snippet, needle)
    if not inner:
        raise Unplaced(f"{needle!r} is not inside snippet {snippet!r}")
    return [at[0] + i for i in inner]


def place_content(text, item):
    needle = item["content"]
    found = within(text, needle, item["content_in"]) if item.get("content_in") else occurrences(text, needle)
    if len(found) != 1:
        raise Unplaced(f"content {needle!r} occurs {len(found)} times; add content_in")
    return found[0], found[0] + len(needle)


def place_near(text, needle, snippet, near):
    if needle is None:
        return None, None
    found = within(text, needle, snippet) if snippet else occurrences(text, needle)
    if not found:
        raise Unplaced(f"{needle!r} not found")
    s, e = near
    best = min(found, key=lambda i: 0 if s <= i < e else min(abs(i - e), abs(i + len(needle) - s)))
    return best, best + len(needle)


def place_first(text, needle, snippet):
    if needle is None:
        return None, None
    found = within(text, needle, snippet) if snippet else occurrences(text, needle)
    if not found:
        raise Unplaced(f"{needle!r} not found")
    return found[0], found[0] + len(needle)


def anchor(text, item):
    kind = item["kind"]
    if kind not in ("direct", "indirect", "mixed", "partial"):
        raise Unplaced(f"kind {kind!r}")
    start, end = place_content(text, item)
    ss, se = place_near(text, item.get("speaker"), item.get("speaker_in"), (start, end))
    ns, ne = place_first(text, item.get("speaker_name"), item.get("name_in"))
    cs, ce = place_near(text, item.get("cue"), item.get("cue_in"), (start, end))
    return {"start": start, "end": end, "kind": kind, "direct": kind == "direct",
            "speaker_start": ss, "speaker_end": se, "name_start": ns, "name_end": ne,
            "cue_start": cs, "cue_end": ce}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    work, out = sys.argv[1], sys.argv[2]
    texts = articles()
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(work, "*.json"))):
        with open(path, encoding="utf-8") as f:
            ann = json.load(f)
        aid = ann["id"]
        if aid not in texts:
            errors.append(f"{path}: unknown article id {aid!r}")
            continue
        text = texts[aid]["text"]
        items = []
        for n, item in enumerate(ann["items"], 1):
            try:
                items.append(anchor(text, item))
            except (Unplaced, KeyError) as e:
                errors.append(f"{aid} item {n}: {e}")
        items.sort(key=lambda q: (q["start"], q["end"]))
        rows.append({"id": aid, "category": texts[aid]["category"], "annotator": ann.get("annotator"), "quotes": items})
    if errors:
        sys.exit("\n".join(errors))
    rows.sort(key=lambda r: r["id"])
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles, {sum(len(r['quotes']) for r in rows)} items -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
