-- psql settings of a pgTAP file: quiet, unaligned tuples only, stop on the
-- first error (included with \ir lib/tap_session.sql)
\set ECHO none
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_STOP true
