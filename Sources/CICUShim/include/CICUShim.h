#ifndef PGX_CICU_SHIM_H
#define PGX_CICU_SHIM_H
/* A version-free facade over ICU (ubrk_*, unorm2_*): Swift cannot call ICU's renamed symbols
 * (ubrk_open -> ubrk_open_72) directly, and must not see ICU's types next to Foundation's own ICU.
 * All text is UTF-16 code units; handles are opaque. */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pgx_breaker pgx_breaker;

enum { PGX_BREAK_WORD = 0, PGX_BREAK_SENTENCE = 1 };

/* Opens a break iterator of `kind` over `text` (not copied: it must outlive the iterator).
 * Returns NULL and sets *error (an ICU error code, > 0) on failure. */
pgx_breaker *pgx_break_open(int32_t kind, const uint16_t *text, int32_t length, int32_t *error);
/* Next boundary (UTF-16 offset) after the current one, or -1 at the end. */
int32_t pgx_break_next(pgx_breaker *b);
/* Rule status of the last boundary (word iterator: 0 none/punct, 100.. number, 200.. letter, ...). */
int32_t pgx_break_status(pgx_breaker *b);
/* Ends the iteration; the thread keeps the ICU iterator for its next pgx_break_open of that kind. */
void pgx_break_close(pgx_breaker *b);

/* NFKC-normalizes `src` into `dst` (capacity `cap`), writing for every output unit the index of the
 * source unit that starts the normalization segment it came from into `map` (capacity `cap`).
 * Returns the output length, or -1 when `cap` is too small (call again with more), or -2 on an ICU error. */
int32_t pgx_nfkc_mapped(const uint16_t *src, int32_t length, uint16_t *dst, int32_t *map, int32_t cap);

/* The ICU version this was built against, e.g. "72.1". */
const char *pgx_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
