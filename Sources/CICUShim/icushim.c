#include "CICUShim.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>

struct pgx_breaker { UBreakIterator *it; int32_t kind; };

/* Opening an ICU break iterator builds it from its rules (and closing destroys it): about 2% of an
 * extraction's CPU when done for every passage. Each thread keeps the last one of each kind it
 * closed and gives it new text instead. */
static _Thread_local UBreakIterator *spare[2];

pgx_breaker *pgx_break_open(int32_t kind, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t k = kind == PGX_BREAK_SENTENCE ? 1 : 0;
    UBreakIterator *it = spare[k];
    if (it) {
        spare[k] = NULL;
        ubrk_setText(it, (const UChar *)text, length, &status);
        if (U_FAILURE(status)) { ubrk_close(it); it = NULL; status = U_ZERO_ERROR; }
    }
    if (!it) {
        it = ubrk_open(k == 1 ? UBRK_SENTENCE : UBRK_WORD, "en_US", (const UChar *)text, length, &status);
        if (U_FAILURE(status)) { if (error) *error = (int32_t)status; return NULL; }
    }
    pgx_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); if (error) *error = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->it = it;
    b->kind = k;
    if (error) *error = 0;
    return b;
}

int32_t pgx_break_next(pgx_breaker *b) {
    int32_t n = ubrk_next(b->it);
    return n == UBRK_DONE ? -1 : n;
}

int32_t pgx_break_status(pgx_breaker *b) { return ubrk_getRuleStatus(b->it); }

void pgx_break_close(pgx_breaker *b) {
    if (!b) return;
    if (!spare[b->kind]) spare[b->kind] = b->it; else ubrk_close(b->it);
    free(b);
}

int32_t pgx_nfkc_mapped(const uint16_t *src, int32_t length, uint16_t *dst, int32_t *map, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -2;
    int32_t out = 0, start = 0;
    while (start < length) {
        /* A segment runs from one normalization boundary to the next. */
        int32_t end = start + 1;
        if (end < length && (src[start] & 0xFC00) == 0xD800 && (src[end] & 0xFC00) == 0xDC00) end++;
        while (end < length) {
            UChar32 c = src[end];
            if ((c & 0xFC00) == 0xD800 && end + 1 < length && (src[end + 1] & 0xFC00) == 0xDC00)
                c = 0x10000 + ((c - 0xD800) << 10) + (src[end + 1] - 0xDC00);
            if (unorm2_hasBoundaryBefore(n, c)) break;
            end += c > 0xFFFF ? 2 : 1;
        }
        int32_t room = cap - out;
        status = U_ZERO_ERROR;
        int32_t got = unorm2_normalize(n, (const UChar *)src + start, end - start,
                                       room > 0 ? (UChar *)dst + out : NULL, room > 0 ? room : 0, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || got > room) return -1;
        if (U_FAILURE(status)) return -2;
        for (int32_t i = 0; i < got; i++) map[out + i] = start;
        out += got;
        start = end;
    }
    return out;
}

const char *pgx_icu_version(void) { return U_ICU_VERSION; }
