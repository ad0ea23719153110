#ifndef STRIKERANGE_CPROJ_SHIM_H
#define STRIKERANGE_CPROJ_SHIM_H
// PROJ's public API and the GeographicLib C geodesic routines it ships.
#include <proj.h>
#include <geodesic.h>
#endif
