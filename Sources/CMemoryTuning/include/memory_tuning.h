#ifndef SCRAPELINT_MEMORY_TUNING_H
#define SCRAPELINT_MEMORY_TUNING_H

/// Keeps memory that one document's indexes freed in the heap for the next document's: glibc
/// otherwise gives the larger arrays pages of their own (mmap) and returns freed memory at the
/// heap's top to the system, so that every document paid page faults (the kernel clearing a
/// page at first touch) for memory the one before had just released.
void scrapelint_keep_freed_memory(void);

#endif
