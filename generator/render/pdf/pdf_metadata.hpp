#pragma once
// Toward PDF/A-2a: the document's XMP metadata (title, author, subject, keywords, language,
// dates, producer, and the pdfaid part 2, conformance A claim) as the catalog's /Metadata,
// and an sRGB output intent with the ICC profile of Debian's icc-profiles-free.
#include <string>

#include <hpdf.h>

#include "render/pdf/boxes.hpp"

namespace rv::pdf {

// The XMP packet; `producer` as in the document information dictionary.
std::string xmp_packet(const Metadata& meta, const std::string& producer);

// Adds /Metadata and /OutputIntents to the catalog (before the structure tree is written:
// it adds objects).
void write_archive_metadata(HPDF_Doc pdf, const Metadata& meta, const std::string& producer);

}  // namespace rv::pdf
