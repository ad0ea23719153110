#ifndef STRIKERANGE_CGDAL_SHIM_H
#define STRIKERANGE_CGDAL_SHIM_H
// GDAL's C API for vector output (GeoPackage, FlatGeobuf). Only Sources/VectorFiles imports it.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#endif
