#include "memory_tuning.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void scrapelint_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Arrays up to 32 MB (a long document's word index) come from the heap, and up to 128 MB
    // freed at its top stays there; the peak is what the run needs either way.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}
