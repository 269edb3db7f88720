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
