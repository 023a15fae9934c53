#pragma once
// The outline (bookmarks) as plain object text for the structure tree's object stream:
// libharu would write every item and its destination as two objects of their own, which
// is a tenth of a long report's bytes.
#include <cstdint>
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"

namespace rv::pdf {

// The outline's objects numbered from `first` (the root first); empty when no entry has a
// destination. `pages`: the object number of each page. Level 1 items are open.
std::vector<std::string> outline_objects(const Document& doc,
                                         const std::vector<std::uint32_t>& pages,
                                         std::uint32_t first);

// "[12 0 R/FitH 790]": where an anchor is; "" when the document has no such anchor.
std::string destination(const Document& doc, const std::vector<std::uint32_t>& pages,
                        const std::string& anchor);

}  // namespace rv::pdf
