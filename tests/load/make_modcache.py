#!/usr/bin/env python3
"""Regenerates tests/load/modcache (a GOMODCACHE for the list fixtures)
from tests/load/modsrc/<name>@<version>/ with the reference go.

Each source tree becomes a module zip in a file:// proxy; `go mod download`
then fills a fresh module cache, whose go.sum lines are printed for the
fixtures' go.sum files. Zips, locks and listings are dropped: `go list`
needs only the extracted tree, the .mod, .info and .ziphash files.

    python3 tests/load/make_modcache.py [path/to/go]
"""
import json, os, shutil, subprocess, sys, tempfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))
go = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../.goroot-pkg/go/bin/go")
src = os.path.join(here, "modsrc")
out = os.path.join(here, "modcache")
tmp = tempfile.mkdtemp()
proxy = os.path.join(tmp, "proxy")
mods = []
for entry in sorted(os.listdir(src)):
    name, version = entry.split("@")
    path = "example.com/" + name
    esc = "".join("!" + c.lower() if c.isupper() else c for c in path)
    d = os.path.join(proxy, esc, "@v")
    os.makedirs(d, exist_ok=True)
    tree = os.path.join(src, entry)
    with zipfile.ZipFile(os.path.join(d, version + ".zip"), "w") as z:
        for root, _, files in os.walk(tree):
            for f in sorted(files):
                full = os.path.join(root, f)
                z.write(full, f"{path}@{version}/" + os.path.relpath(full, tree))
    shutil.copy(os.path.join(tree, "go.mod"), os.path.join(d, version + ".mod"))
    with open(os.path.join(d, version + ".info"), "w") as f:
        json.dump({"Version": version, "Time": "2024-01-02T03:04:05Z"}, f)
    with open(os.path.join(d, "list"), "a") as f:
        f.write(version + "\n")
    mods.append(f"{path}@{version}")
shutil.rmtree(out, ignore_errors=True)
env = dict(os.environ, GOPROXY="file://" + proxy, GOSUMDB="off", GOMODCACHE=out,
           GOFLAGS="-modcacherw", GOTOOLCHAIN="local", GOPATH=os.path.join(tmp, "gopath"),
           HOME=tmp, GOCACHE=os.path.join(tmp, "cache"), GOTELEMETRY="off")
dl = subprocess.run([go, "mod", "download", "-json"] + mods, env=env, cwd=tmp,
                    check=True, capture_output=True, text=True).stdout
dec, i, sums = json.JSONDecoder(), 0, []
while i < len(dl.strip()):
    o, i = dec.raw_decode(dl, i)
    while i < len(dl) and dl[i].isspace():
        i += 1
    sums.append(f"{o['Path']} {o['Version']} {o['Sum']}")
    sums.append(f"{o['Path']} {o['Version']}/go.mod {o['GoModSum']}")
for root, _, files in os.walk(os.path.join(out, "cache")):
    for f in files:
        if f.endswith((".zip", ".lock")) or f == "list" or f == "lock":
            os.remove(os.path.join(root, f))
shutil.rmtree(os.path.join(out, "cache", "vcs"), ignore_errors=True)
shutil.rmtree(tmp)
print("\n".join(sums))
