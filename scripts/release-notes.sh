#!/usr/bin/env bash
# Release notes from Conventional Commits: the commits between the previous tag and TO (default HEAD), grouped by
# type, breaking changes first. Used by .github/workflows/release.yml; prints Markdown.
#
#   scripts/release-notes.sh [TO] [FROM]      FROM defaults to the tag before TO (all history when there is none)
set -euo pipefail

to=${1:-HEAD}
from=${2:-$(git describe --tags --abbrev=0 "$to^" 2>/dev/null || true)}
range=${from:+$from..}$to

# One record per commit: hash, subject, body (for BREAKING CHANGE footers), separated by control characters.
git log --no-merges --reverse --format='%h%x1f%s%x1f%b%x1e' "$range" | python3 -c '
import re, sys
groups = [("feat", "Features"), ("fix", "Fixes"), ("perf", "Performance"), ("refactor", "Refactoring"),
          ("docs", "Documentation"), ("test", "Tests"), ("build", "Build"), ("ci", "CI"), ("chore", "Chores")]
title = dict(groups)
pattern = re.compile(r"^(?P<type>[a-z]+)(\((?P<scope>[^)]*)\))?(?P<bang>!)?: (?P<text>.+)$")
sections, breaking, other = {}, [], []
for record in sys.stdin.read().split("\x1e"):
    record = record.strip("\n")
    if not record:
        continue
    sha, subject, body = (record.split("\x1f") + ["", ""])[:3]
    m = pattern.match(subject)
    if not m:
        other.append("- %s (%s)" % (subject, sha))
        continue
    scope = "**%s:** " % m["scope"] if m["scope"] else ""
    line = "- %s%s (%s)" % (scope, m["text"], sha)
    if m["bang"] or re.search(r"^BREAKING[ -]CHANGE: ", body, re.M):
        breaking.append(line)
    if m["type"] in title:
        sections.setdefault(m["type"], []).append(line)
    else:
        other.append(line)
out = []
if breaking:
    out += ["### Breaking changes", ""] + breaking + [""]
for key, name in groups:
    if key in sections:
        out += ["### " + name, ""] + sections[key] + [""]
if other:
    out += ["### Other changes", ""] + other + [""]
print("\n".join(out) if out else "No changes.")
'
