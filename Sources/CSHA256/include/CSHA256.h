#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86 SHA extensions (with SSSE3 and SSE4.1), else 0: then
/// pgx_sha256_blocks must not be called and the portable Swift code hashes.
int pgx_sha256_hardware(void);

/// Hashes `blocks` whole 64-byte blocks of `data` into the eight-word SHA-256 state (FIPS 180-4 order,
/// a..h), with the SHA extensions. Only when pgx_sha256_hardware() is 1.
void pgx_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
