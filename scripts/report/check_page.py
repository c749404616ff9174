#!/usr/bin/env python3
"""Check that the page `whosaid report --html` wrote, as Chromium rendered it, holds the figures of
`whosaid report --format json` for the same articles: every table cell and every chart bar.

usage: check_page.py RENDERED.html REPORT.json
RENDERED.html is Chromium's --dump-dom of the page; exit 1 with each mismatch named."""
import html.parser
import json
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.bars, self.charts, self.outside = {}, {}, [], []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "iframe", "img", "object", "embed"):
            self.outside.append(tag)
        if tag == "svg" and "data-chart" in a:
            self.charts.append(a["data-chart"])
            self._chart = a["data-chart"]
        if tag == "td" and "data-key" in a:
            self._cell = (a.get("data-group"), a["data-key"])
            self.cells[self._cell] = ""
        if tag == "g" and a.get("class") == "bar":
            self.bars[(self._chart, a.get("data-group"), a["data-label"])] = int(a["data-value"])

    def handle_data(self, data):
        if self._cell:
            self.cells[self._cell] += data

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None


def main():
    page = Page()
    page.feed(open(sys.argv[1], encoding="utf-8").read())
    report = json.load(open(sys.argv[2], encoding="utf-8"))
    wrong = []
    if page.outside:
        wrong.append(f"the page loads or embeds: {sorted(set(page.outside))}")
    for chart in ("kinds", "gender", "gender-by-group", "top-people", "top-organizations"):
        if chart not in page.charts:
            wrong.append(f"no chart {chart}")
    groups = [("all articles", report["total"])] + [(g["group"], g) for g in report["groups"]]
    for name, t in groups:
        expect = {"articles": t["articles"], "sources": t["sources"], "direct": t["quotes"]["direct"],
                  "reported": t["quotes"]["reported"], "unattributed": t["quotes"]["unattributed"]}
        expect.update(t["kinds"])
        expect.update(t["people"])
        for key, value in expect.items():
            got = page.cells.get((name, key))
            if got is None:
                wrong.append(f"table: no cell {key} for {name}")
            elif got.replace(",", "").strip() != str(value):
                wrong.append(f"table: {name} {key} shows {got!r}, the JSON says {value}")
        for label, value in t["people"].items():
            got = page.bars.get(("gender-by-group", name, label))
            if got != value:
                wrong.append(f"chart gender-by-group: {name} {label} is {got}, the JSON says {value}")
    for chart, key in (("top-people", "top_people"), ("top-organizations", "top_organizations")):
        for p in report[key]:
            got = page.bars.get((chart, None, p["name"]))
            quotes = p["quotes"]
            if got != quotes:
                wrong.append(f"chart {chart}: {p['name']} is {got}, the JSON says {quotes}")
    for w in wrong:
        print("check_page:", w, file=sys.stderr)
    if not wrong:
        print(f"check_page: {len(page.cells)} table cells and {len(page.bars)} bars match the JSON")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
