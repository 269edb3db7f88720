#!/usr/bin/env bash
# Install what diplo needs to build, test and run on Debian 12, then print
# the PostgreSQL major version to use.  Idempotent: installs only what is
# missing.  Runs apt-get as root, or through sudo for a normal user.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

base=(make gcc pkg-config python3 postgresql postgresql-common libutf8proc-dev
      libstemmer-dev hunspell-fr hunspell-fr-classical iso-codes
      libtap-parser-sourcehandler-pgtap-perl clang libclang-rt-14-dev graphviz)
for p in "${base[@]}"; do have "$p" || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# The server version the metapackage installed, and its headers and pgTAP.
PGV=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
need=()
for p in "postgresql-server-dev-$PGV" "postgresql-$PGV-pgtap"; do have "$p" || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
echo "$PGV"
