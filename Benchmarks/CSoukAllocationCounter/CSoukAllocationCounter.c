#define _GNU_SOURCE
#include "CSoukAllocationCounter.h"

#if defined(__linux__) && defined(__GLIBC__)

#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

// glibc's own allocator entry points, which its malloc and friends are aliases of.
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_memalign(size_t alignment, size_t size);

static atomic_bool counting = false;
static atomic_uint_fast64_t allocations = 0;
static atomic_uint_fast64_t reallocations = 0;
static atomic_uint_fast64_t frees = 0;

// Relaxed: the counts are read after the measured work has been awaited, which orders them.
static inline void count(atomic_uint_fast64_t *counter) {
  if (atomic_load_explicit(&counting, memory_order_relaxed)) {
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
  }
}

void *malloc(size_t size) {
  count(&allocations);
  return __libc_malloc(size);
}

void *calloc(size_t number, size_t size) {
  count(&allocations);
  return __libc_calloc(number, size);
}

void *realloc(void *pointer, size_t size) {
  count(pointer == NULL ? &allocations : &reallocations);
  return __libc_realloc(pointer, size);
}

void free(void *pointer) {
  if (pointer != NULL) {
    count(&frees);
  }
  __libc_free(pointer);
}

void *memalign(size_t alignment, size_t size) {
  count(&allocations);
  return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  count(&allocations);
  return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
  // glibc's checks: a power of two and a multiple of sizeof(void *).
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0) {
    return EINVAL;
  }
  count(&allocations);
  void *pointer = __libc_memalign(alignment, size);
  if (pointer == NULL) {
    return ENOMEM;
  }
  *result = pointer;
  return 0;
}

bool souk_allocation_counter_is_interposing(void) {
  // The shared libraries (the Swift runtime, Foundation, OpenSSL) find malloc and free the way dlsym does: the
  // program's own definitions win only if the program exports them.
  return dlsym(RTLD_DEFAULT, "malloc") == (void *)malloc && dlsym(RTLD_DEFAULT, "free") == (void *)free;
}

void souk_allocation_counter_set_enabled(bool enabled) {
  atomic_store_explicit(&counting, enabled, memory_order_seq_cst);
}

void souk_allocation_counter_reset(void) {
  atomic_store_explicit(&allocations, 0, memory_order_seq_cst);
  atomic_store_explicit(&reallocations, 0, memory_order_seq_cst);
  atomic_store_explicit(&frees, 0, memory_order_seq_cst);
}

souk_allocation_counts souk_allocation_counter_read(void) {
  souk_allocation_counts counts = {
    .allocations = atomic_load_explicit(&allocations, memory_order_seq_cst),
    .reallocations = atomic_load_explicit(&reallocations, memory_order_seq_cst),
    .frees = atomic_load_explicit(&frees, memory_order_seq_cst),
  };
  return counts;
}

#else

bool souk_allocation_counter_is_interposing(void) {
  return false;
}

void souk_allocation_counter_set_enabled(bool enabled) {
  (void)enabled;
}

void souk_allocation_counter_reset(void) {}

souk_allocation_counts souk_allocation_counter_read(void) {
  souk_allocation_counts counts = {0, 0, 0};
  return counts;
}

#endif
