"""Reference for `bench import --classify`: the study's own way of importing and classifying.

Reads a JSONL file of issues (one issue per line: repo, number, title, body, labels, ...), stores
them in a new SQLite database, and stores for each issue the categories whose keywords occur as
plain substrings of lower(title + " " + body) ("other" when none does), the production flag from the
production keywords, and the bug/perf flag from the issue's labels: the rules of the study-v1
taxonomy file, read from it. Python standard library only (json, sqlite3).

    python3 import_classify.py ISSUES.jsonl NEW.db [TAXONOMY.json]
"""
import json
import os
import sqlite3
import sys
from pathlib import Path

DEFAULT_TAXONOMY = (Path(__file__).resolve().parents[2]
                    / "main/resources/org/labellens/taxonomy/study-v1.json")


def rules(taxonomy):
    dims = {d["id"]: d for d in taxonomy["dimensions"]}
    keywords = lambda label: [k.lower() for r in label.get("rules", []) for k in r["keywords"]]
    categories = [(l["id"], keywords(l)) for l in dims["category"]["labels"]]
    frames = taxonomy["frames"]
    production_dim = dims[frames["production"]["dimension"]]
    production = [k for l in production_dim["labels"] for k in keywords(l)]
    bug_labels = {b.lower() for b in frames["bug_perf"]["labels"]}
    return categories, production, bug_labels


def main(source, db_path, taxonomy_path=DEFAULT_TAXONOMY):
    categories, production, bug_labels = rules(json.loads(Path(taxonomy_path).read_text("utf-8")))
    db = sqlite3.connect(db_path)
    db.executescript(
        "CREATE TABLE issue (id INTEGER PRIMARY KEY, repo TEXT, number INTEGER, title TEXT,"
        " body TEXT, labels TEXT, state TEXT, created_at TEXT, closed_at TEXT,"
        " is_production INTEGER, has_bug_label INTEGER, UNIQUE (repo, number));"
        "CREATE TABLE category (issue_id INTEGER REFERENCES issue (id), label TEXT);")
    with db, open(source, encoding="utf-8") as lines:
        for line in lines:
            i = json.loads(line)
            title, body, labels = i["title"] or "", i["body"] or "", i.get("labels") or []
            text = (title + " " + body).lower()
            found = [c for c, words in categories if any(w in text for w in words)] or ["other"]
            row = db.execute(
                "INSERT INTO issue (repo, number, title, body, labels, state, created_at,"
                " closed_at, is_production, has_bug_label) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (i["repo"], i["number"], title, body, json.dumps(labels), i.get("state"),
                 i.get("created_at"), i.get("closed_at"), any(w in text for w in production),
                 any(l.lower() in bug_labels for l in labels)))
            db.executemany("INSERT INTO category VALUES (?, ?)", [(row.lastrowid, c) for c in found])
    db.close()
    t = os.times()  # this process's CPU time, for the bench to print beside the wall time
    print(f"cpu-ms: {round((t.user + t.system) * 1000)}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
