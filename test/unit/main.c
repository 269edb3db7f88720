/*
 * main.c
 *	  Runs every unit test group and prints a TAP plan and summary.
 */
#include "unit.h"

extern void test_text(void);
extern void test_tag(void);
extern void test_html(void);

int
main(void)
{
	test_text();
	unit_reset();
	test_tag();
	unit_reset();
	test_html();
	unit_reset();
	printf("1..%d\n", unit_run);
	printf("%d passed, %d failed\n", unit_run - unit_failed, unit_failed);
	return unit_failed ? 1 : 0;
}
