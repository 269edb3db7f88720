#!/usr/bin/env python3
"""Make the generated dictionary SQL loadable in every server encoding.

CREATE EXTENSION converts the whole install script (declared UTF-8 in the
control file) to the database encoding before running it, so one name that
LATIN1 cannot hold (Radosław Sikorski) would make the extension impossible to
install there.  This filter moves every row holding a character above U+00FF
out of its INSERT into a block that runs only in UTF8 and SQL_ASCII
databases, carrying those rows as base64 (ASCII survives any conversion).
Rows stay in their original order, so foreign keys still hold.

usage: encoding_guard.py FILE... > out.sql
"""
import base64
import sys


# A built-in row whose key a user row already holds (an update that brings a
# new built-in row) leaves the user's row in place.
ON_CONFLICT = "\nON CONFLICT DO NOTHING"


def guard_block(header, rows):
    sql = header + "\n" + ",\n".join(rows) + ON_CONFLICT + ";\n"
    b64 = base64.b64encode(sql.encode("utf-8")).decode("ascii")
    lines = [b64[i:i + 76] for i in range(0, len(b64), 76)]
    body = "\n".join("      '%s'" % l for l in lines)
    return ("-- rows with characters outside LATIN1: UTF8 and SQL_ASCII databases only\n"
            "DO $guard$\nBEGIN\n"
            "  IF pg_catalog.getdatabaseencoding() IN ('UTF8', 'SQL_ASCII') THEN\n"
            "    EXECUTE pg_catalog.convert_from(pg_catalog.decode(\n" + body.replace("\n", " ||\n") +
            ", 'base64'), 'UTF8');\n  END IF;\nEND\n$guard$;\n")


def process(text, out):
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("INSERT INTO ") and line.rstrip().endswith("VALUES"):
            header = line
            rows = []
            i += 1
            while i < len(lines) and lines[i].startswith("  ("):
                row = lines[i].rstrip()
                last = row.endswith(";")
                rows.append(row[:-1] if row.endswith((",", ";")) else row)
                i += 1
                if last:
                    break
            keep = [r for r in rows if all(ord(c) < 256 for c in r)]
            moved = [r for r in rows if not all(ord(c) < 256 for c in r)]
            if keep:
                out.write(header + "\n" + ",\n".join(keep) + ON_CONFLICT + ";\n")
            if moved:
                out.write(guard_block(header, moved))
            continue
        out.write(line + "\n")
        i += 1


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            process(f.read(), sys.stdout)


if __name__ == "__main__":
    main()
