#!/usr/bin/env python3
"""The layers of the tree, checked: each file includes only its own layer
and the ones below it; SQL text and transactions stay in the layers that
own the data; page data (ClearSilver's HDF) is filled only in the web
layer and above; the web layer, cgi-bin and the tools see outcomes only
as the domain's (enum domain_status), never the database's; no two
files call each other round in a circle.

Violations that exist today are listed in tests/layers/known.txt, each
with the count found when it was listed. A new violation, or a count that
grew, fails; so does a listed one that is gone or shrank, so that the list
is lowered with the change that mends it and can only get shorter.

Usage: check.py BUILD          (BUILD/obj holds the objects of `make all`)
       check.py BUILD --list   every violation found, as known.txt lines
"""
import os
import re
import subprocess
import sys

# Lowest first. cgi-bin and the command-line tools sit on top of them all.
LAYERS = ["base", "db", "domain", "import", "web"]
TOP = len(LAYERS)
# Layers that may hold SQL text and open transactions.
DATA_LAYERS = {"db", "domain", "import"}

SQL_TEXT = re.compile(
    r'"[^"\n]*\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
    r'REPLACE\s+INTO|START\s+TRANSACTION|GET_LOCK)')
TRANSACTION = re.compile(r'\b(db_begin|db_commit|db_rollback|db_finish|mysql_commit|'
                         r'mysql_rollback|mysql_autocommit)\s*\(')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# ClearSilver's page data: the edge's business, not the data's.
PAGE_DATA = re.compile(r'#\s*include\s+<ClearSilver/|\bHDF\b|\bhdf_\w+\s*\(|'
                       r'\bhset[if]?\s*\(')
# The database's outcomes: the domain's business, answered in its own words.
DB_STATUS = re.compile(r'\b(db_status|DB_OK|DB_DOWN|DB_ERROR|DB_DUPLICATE)\b')
# Layers that hear of outcomes only as enum domain_status.
DOMAIN_STATUS_ONLY = {"web", "tools", "cgi-bin"}


def layer_of(path):
    """The layer of a source file, as a rank and a name."""
    parts = path.split("/")
    if parts[0] == "src" and len(parts) == 3 and parts[1] in LAYERS:
        return LAYERS.index(parts[1]), parts[1]
    if parts[0] == "src" and len(parts) == 3 and parts[1] == "tools":
        return TOP, "tools"
    if parts[0] == "cgi-bin":
        return TOP, "cgi-bin"
    return None, None


def sources():
    out = []
    for top in ("src", "cgi-bin"):
        for root, _, files in os.walk(top):
            for name in files:
                if name.endswith((".c", ".h")):
                    out.append(os.path.join(root, name))
    return sorted(out)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"),
                  text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def include_violations(path, text, found):
    rank, _ = layer_of(path)
    if rank is None:
        found[("stray", path, "-")] = 1
        return
    for target in INCLUDE.findall(text):
        head = target.split("/")[0]
        if "/" not in target:
            if path.startswith("src/"):
                found[("include", path, target)] = 1
            continue
        if head not in LAYERS:
            found[("include", path, target)] = 1
        elif LAYERS.index(head) > rank:
            found[("include", path, target)] = 1


def data_violations(path, text, found):
    rank, name = layer_of(path)
    if rank is not None and rank < LAYERS.index("web"):
        n = len(PAGE_DATA.findall(text))
        if n:
            found[("pagedata", path, "-")] = n
    if name in DOMAIN_STATUS_ONLY:
        n = len(DB_STATUS.findall(text))
        if n:
            found[("dbstatus", path, "-")] = n
    if name in DATA_LAYERS:
        return
    n = len(SQL_TEXT.findall(text))
    if n:
        found[("sql", path, "-")] = n
    n = len(TRANSACTION.findall(text))
    if n:
        found[("transaction", path, "-")] = n


def symbol_graph(build):
    """File -> files whose functions or data it uses, from the objects."""
    obj = os.path.join(build, "obj")
    defined, used = {}, {}
    for root, _, files in os.walk(obj):
        for name in files:
            if not name.endswith(".o") or name.startswith("fuzz"):
                continue
            full = os.path.join(root, name)
            rel = os.path.relpath(full, obj)[:-2]
            if rel.startswith("cgi-"):
                src = "cgi-bin/" + rel[4:] + ".c"
            else:
                src = "src/" + rel + ".c"
            if not os.path.exists(src):
                continue
            nm = subprocess.run(["nm", "--defined-only", "-g", full],
                                capture_output=True, text=True, check=True)
            for line in nm.stdout.splitlines():
                f = line.split()
                if len(f) == 3:
                    defined[f[2]] = src
            nm = subprocess.run(["nm", "-u", full], capture_output=True,
                                text=True, check=True)
            used[src] = {line.split()[-1] for line in nm.stdout.splitlines()
                         if line.strip()}
    graph = {}
    for src, syms in used.items():
        graph[src] = sorted({defined[s] for s in syms
                             if s in defined and defined[s] != src})
    return graph


def circles(graph):
    """Strongly connected groups of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    build = args[0] if args else "build"
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(os.path.join(here, "..", ".."))
    found = {}
    files = sources()
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        include_violations(path, text, found)
        data_violations(path, text, found)
    for group in circles(symbol_graph(build)):
        found[("circle", " ".join(group), "-")] = 1

    if "--list" in sys.argv:
        for key in sorted(found):
            print("\t".join(key) + "\t" + str(found[key]))
        return 0
    known = {}
    with open(os.path.join(here, "known.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            kind, path, what, count = line.split("\t")
            known[(kind, path, what)] = int(count)

    failed = 0
    for key in sorted(set(found) | set(known)):
        have, listed = found.get(key, 0), known.get(key, 0)
        label = "\t".join(key)
        if have > listed:
            print(f"FAIL layers: new {label} ({have}, listed {listed})")
            failed += 1
        elif have < listed:
            print(f"FAIL layers: {label} is down to {have}: lower "
                  f"tests/layers/known.txt")
            failed += 1
    counts = {}
    for (kind, _, _), n in found.items():
        counts[kind] = counts.get(kind, 0) + n
    print("layers: left to mend: " + (", ".join(
        f"{k} {counts[k]}" for k in sorted(counts)) or "nothing"),
        file=sys.stderr)
    print(f"layers: {len(files) - failed if failed < len(files) else 0} "
          f"passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
