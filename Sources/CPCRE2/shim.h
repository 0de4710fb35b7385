#ifndef SCRAPELINT_CPCRE2_SHIM_H
#define SCRAPELINT_CPCRE2_SHIM_H
// The 8-bit library only: every subject is a UTF-8 byte buffer.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
