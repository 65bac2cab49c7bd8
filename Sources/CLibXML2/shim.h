#ifndef PGX_CLIBXML2_SHIM_H
#define PGX_CLIBXML2_SHIM_H
/* Foundation carries its own ICU; libxml2's ICU-typed declarations must not be seen by Swift,
 * or a clean build fails with "'UErrorCode' has different definitions in different modules". */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <zlib.h>
#endif
