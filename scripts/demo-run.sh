#!/usr/bin/env bash
# Runs inside a cluster (PG* variables set): load data/corpus and analyse it.
set -euo pipefail
cd "$(dirname "$0")/.."
load=$(mktemp)
trap 'rm -f "$load"' EXIT
{
  echo "CREATE EXTENSION IF NOT EXISTS diplo;"
  echo "DROP TABLE IF EXISTS articles;"
  echo "CREATE TABLE articles (id serial PRIMARY KEY, name text NOT NULL, body text NOT NULL);"
  for f in data/corpus/*.txt; do
    echo "\\set body \`cat '$f'\`"
    echo "INSERT INTO articles (name, body) VALUES ('$(basename "$f" .txt)', :'body');"
  done
} > "$load"
psql -X -q -v ON_ERROR_STOP=1 -f "$load"
psql -X -v ON_ERROR_STOP=1 -f scripts/demo.sql

# The stance network of the corpus as a picture (Graphviz): the DOT text
# diplo.stance_graph() returns, rendered to SVG.
out=${DIPLO_DEMO_OUT:-build/demo}
mkdir -p "$out"
psql -X -At -v ON_ERROR_STOP=1 -c "SELECT diplo.stance_graph(s) FROM articles a, diplo.stances(a.body) s" > "$out/stance_network.dot"
if command -v dot >/dev/null 2>&1; then
  dot -Tsvg "$out/stance_network.dot" -o "$out/stance_network.svg"
  echo "== The stance network: $out/stance_network.svg ($(grep -c -- ' -> ' "$out/stance_network.dot") edges; DOT source $out/stance_network.dot)"
else
  echo "== The stance network: $out/stance_network.dot (install graphviz to render it: dot -Tsvg)"
fi
