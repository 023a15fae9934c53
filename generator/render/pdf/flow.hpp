#pragma once
// Vertical flow: blocks are laid out as slabs (a line of text, a table row, a heading, a
// chart), each with its height and what may not be separated from it, and the flow cuts
// the sequence into pages: headings keep with what follows, no widows or orphans (the
// paragraph layout marks its first and second-last lines), table header rows repeat on
// every page the table continues on, spacing is dropped at the top of a page.
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"

namespace rv::pdf {

struct Slab {
    double height = 0;
    double space_before = 0;
    bool keep_with_next = false;  // no page break between this slab and the next
    bool page_break_before = false;
    bool odd_page = false;  // with page_break_before: start on an odd page number
    int repeat = -1;        // index of a slab (a table header) to repeat on a new page
    double min_height = 0;  // > 0: it may shrink to this height (its images scaled) to fit
    std::string anchor;     // a heading's anchor: where the slab lands is recorded
    std::string running_head;
    Page items;  // y relative to the top of the slab; x absolute
};

struct Frame {
    double top = 72;
    double bottom = page_height - 68;
};

class Flow {
  public:
    // Adds a slab and returns its index (for `repeat`).
    int add(Slab slab);
    // Marks the last slab as kept with the next one.
    void keep_last_with_next();
    void set_anchor(std::size_t slab, const std::string& anchor) {
        if (slab < slabs_.size()) {
            slabs_[slab].anchor = anchor;
        }
    }
    bool empty() const { return slabs_.empty(); }
    std::size_t size() const { return slabs_.size(); }

    // Cuts the slabs into pages, appended to `doc` (anchors included). `page_offset`: how
    // many pages come before doc's first page in the final document (for odd pages).
    void paginate(const Frame& frame, Document& doc, int page_offset = 0) const;

  private:
    std::vector<Slab> slabs_;
};

// Moves every box of `from` by (0, dy) into `to`; `artifact`: as decoration, outside the
// structure (a table header row repeated on a new page).
void place(const Page& from, double dy, Page& to, bool artifact = false);

}  // namespace rv::pdf
