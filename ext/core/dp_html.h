/*
 * dp_html.h
 *	  Plain text from HTML, for web pages fed to the tagger.
 */
#ifndef DP_HTML_H
#define DP_HTML_H

#include "dp_core.h"

/*
 * The text of the HTML s[0..n), appended to out.  Tags are dropped (with
 * the content of script, style, noscript, template and iframe, comments,
 * CDATA sections, <!...> and <?...?>); block-level elements become a blank
 * line, <br> a line break, table cells a space; inline elements vanish
 * without a space.  Character references are decoded (no-break and other
 * fixed-width spaces as U+0020, the soft hyphen dropped); unknown ones stay
 * as they are.  White space collapses as in a browser and the lines are
 * trimmed.  Text with no '<' and no '&' is appended unchanged.
 *
 * Input must be valid UTF-8; the output is valid UTF-8 and never longer
 * than the input.  Any input is read in one forward pass, in linear time.
 */
extern void dp_strip_html(DpMem *m, const char *s, size_t n, DpBuf *out);

#endif
