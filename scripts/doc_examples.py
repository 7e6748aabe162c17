#!/usr/bin/env python3
"""Count the public items of the crate with and without a runnable example.

Reads rustdoc's JSON of the crate (built by `make lint` with every feature
a user can turn on: `cli` and `fetch`), walks the public API from the crate
root (the re-exports and the public modules, not the prelude's copies), and
prints, per kind of item, how many there are and how many have an example:
a Rust code block in their own docs that rustdoc compiles (```` ``` ````,
```` ```rust ````, `no_run`, `should_panic`, `compile_fail`; not `ignore`,
`text` or another language).

Fails (exit 1), naming them, when a type, trait, function, constant, type
alias, module or method (of a public type or trait) has none. Items hidden
from the docs (`#[doc(hidden)]`) are not in rustdoc's JSON and not counted.

    python3 scripts/doc_examples.py target/lint/doc/indikator.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([^\s`]*)", re.M)
RUST_ATTRS = {"", "rust", "no_run", "should_panic", "compile_fail", "edition2018", "edition2021", "edition2024"}


def has_example(docs: str | None) -> bool:
    """Whether `docs` hold a Rust code block that rustdoc compiles."""
    if not docs:
        return False
    opening = True
    for match in FENCE.finditer(docs):
        if opening:
            attrs = {a.strip() for a in match.group(2).split(",")}
            if attrs <= RUST_ATTRS:
                return True
        opening = not opening
    return False


def kind(item: dict) -> str:
    return next(iter(item["inner"]))


def public_items(index: dict, root: dict) -> dict[str, dict]:
    """The crate's own items reachable from the root, by id."""
    seen: dict[str, dict] = {}

    def visit(item_id) -> None:
        item = index.get(str(item_id))
        if item is None or str(item_id) in seen:
            return
        k = kind(item)
        if k == "use":
            use = item["inner"]["use"]
            if use.get("id") is not None and not use.get("is_glob"):
                visit(use["id"])
            return
        if item["crate_id"] != 0:
            return
        seen[str(item_id)] = item
        if k == "module":
            for child in item["inner"]["module"]["items"]:
                visit(child)

    for child in root["inner"]["module"]["items"]:
        item = index[str(child)]
        if kind(item) == "module" and item["name"] == "prelude":
            seen[str(child)] = item  # the module itself; its items are copies
            continue
        visit(child)
    seen[str(root["id"])] = root
    return seen


def methods(index: dict, items: dict[str, dict]) -> list[tuple[str, dict]]:
    """The public inherent methods of the public types, and the methods of the public traits."""
    found = []
    for item in items.values():
        k = kind(item)
        if k in ("struct", "enum"):
            for impl_id in item["inner"][k]["impls"]:
                impl = index[str(impl_id)]["inner"]["impl"]
                if impl.get("trait") is not None:
                    continue
                for m in impl["items"]:
                    method = index[str(m)]
                    if method["visibility"] == "public" and kind(method) == "function":
                        found.append((f"{item['name']}::{method['name']}", method))
        elif k == "trait":
            for m in item["inner"]["trait"]["items"]:
                method = index[str(m)]
                if kind(method) == "function":
                    found.append((f"{item['name']}::{method['name']}", method))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", help="rustdoc's JSON of the crate")
    args = parser.parse_args()
    with open(args.json, encoding="utf-8") as f:
        crate = json.load(f)
    index = crate["index"]
    items = public_items(index, index[str(crate["root"])])

    counts: dict[str, Counter] = defaultdict(Counter)
    missing = []
    for item in items.values():
        k = kind(item)
        ok = has_example(item.get("docs"))
        counts[k]["items"] += 1
        counts[k]["with an example"] += ok
        if not ok:
            span = item.get("span") or {}
            missing.append(f"{k} {item.get('name') or 'crate'} ({span.get('filename')}:{(span.get('begin') or [0])[0]})")
    method_list = methods(index, items)
    for name, method in method_list:
        ok = has_example(method.get("docs"))
        counts["method"]["items"] += 1
        counts["method"]["with an example"] += ok
        if not ok:
            span = method.get("span") or {}
            missing.append(f"method {name} ({span.get('filename')}:{(span.get('begin') or [0])[0]})")

    print(f"{'kind':<12} {'items':>6} {'with an example':>16}")
    for k in sorted(counts, key=lambda k: (k == "method", k)):
        c = counts[k]
        print(f"{k:<12} {c['items']:>6} {c['with an example']:>16}")
    if missing:
        print(f"\n{len(missing)} public items without an example:", file=sys.stderr)
        for line in sorted(missing):
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
