/*
 * unit.h
 *	  A minimal TAP producer for the core's C unit tests, plus malloc hooks.
 */
#ifndef DP_UNIT_H
#define DP_UNIT_H

#include "dp_core.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int	unit_planned,
			unit_run,
			unit_failed;
extern DpMem unit_mem;
extern jmp_buf *unit_jmp;
extern DpErr unit_last_err;

#define OK(cond, ...) unit_ok((cond), __FILE__, __LINE__, __VA_ARGS__)
#define IS_STR(got, want, ...) unit_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define IS_INT(got, want, ...) unit_is_int((long) (got), (long) (want), __FILE__, __LINE__, __VA_ARGS__)

extern void unit_ok(int cond, const char *file, int line, const char *fmt, ...);
extern void unit_is_str(const char *got, const char *want, const char *file, int line, const char *fmt, ...);
extern void unit_is_int(long got, long want, const char *file, int line, const char *fmt, ...);

/* Free every block allocated through unit_mem. */
extern void unit_reset(void);

/* Run fn; returns the DpErr it failed with, or 0. */
extern DpErr unit_catch(void (*fn) (void *), void *arg);

#endif
