#ifndef C_SOUK_ALLOCATION_COUNTER_H
#define C_SOUK_ALLOCATION_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

// Counts the heap allocations of the whole process (every thread, every library), for souk-bench's
// `allocations` subcommand, as swift-nio's allocation-counter tests do. Linking this target into a program
// replaces malloc, calloc, realloc, free, posix_memalign, aligned_alloc and memalign for that program: each one
// forwards to glibc's own (__libc_malloc and friends) and, while counting is on, counts the call.
//
// Linux (glibc) only; on other systems the functions below exist but nothing is counted.
// Link only into souk-bench, never into a library product.

/// The counts since the last reset.
typedef struct {
  /// New blocks: malloc, calloc, posix_memalign, aligned_alloc, memalign, and realloc of NULL.
  uint64_t allocations;
  /// realloc of an existing block (it may move the block, but it is not a new one).
  uint64_t reallocations;
  /// free of a block (free of NULL is not counted).
  uint64_t frees;
} souk_allocation_counts;

/// Whether the process's malloc and free, as the dynamic linker resolves them for every library, are the counting
/// ones (false where nothing is interposed, or where the program does not export them).
bool souk_allocation_counter_is_interposing(void);

/// Starts or stops counting (off at start, so that programs linking the counter pay almost nothing).
void souk_allocation_counter_set_enabled(bool enabled);

/// Sets every count to zero.
void souk_allocation_counter_reset(void);

/// The counts since the last reset.
souk_allocation_counts souk_allocation_counter_read(void);

#endif
