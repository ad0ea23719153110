#ifndef STRIKERANGE_CGEOS_SHIM_H
#define STRIKERANGE_CGEOS_SHIM_H
// Only the reentrant (_r) API exists for Swift: a context per owner, no global state.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
