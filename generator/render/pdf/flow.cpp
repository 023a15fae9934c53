#include "render/pdf/flow.hpp"

namespace rv::pdf {

int Flow::add(Slab slab) {
    slabs_.push_back(std::move(slab));
    return static_cast<int>(slabs_.size()) - 1;
}

void Flow::keep_last_with_next() {
    if (!slabs_.empty()) {
        slabs_.back().keep_with_next = true;
    }
}

void place(const Page& from, double dy, Page& to, bool artifact) {
    for (auto i : from.images) {
        i.y += dy;
        i.element = artifact ? no_element : i.element;
        to.images.push_back(i);
    }
    for (auto r : from.rects) {
        r.y += dy;
        r.element = artifact ? no_element : r.element;
        to.rects.push_back(r);
    }
    for (auto r : from.rules) {
        r.y1 += dy;
        r.y2 += dy;
        r.element = artifact ? no_element : r.element;
        to.rules.push_back(r);
    }
    for (auto t : from.texts) {
        t.y += dy;
        t.element = artifact ? no_element : t.element;
        to.texts.push_back(std::move(t));
    }
    for (auto l : from.links) {
        l.y += dy;
        l.element = artifact ? no_element : l.element;
        to.links.push_back(std::move(l));
    }
}

namespace {

struct Placement {
    int slab = 0;
    double y = 0;
    bool repeated = false;  // a repeated header row
    double scale = 1;       // a shrunk slab: its images scaled by this much
};

// A slab's items with its images scaled about their left edges and tops.
Page scaled(const Page& items, double scale) {
    Page out = items;
    for (auto& image : out.images) {
        image.y *= scale;
        image.w *= scale;
        image.h *= scale;
    }
    return out;
}

}  // namespace

void Flow::paginate(const Frame& frame, Document& doc, int page_offset) const {
    std::vector<Placement> current;
    double y = frame.top;
    bool has_content = false;  // anything but a repeated header on the current page

    auto emit = [&]() {
        Page page;
        for (const auto& p : current) {
            const Slab& slab = slabs_[static_cast<std::size_t>(p.slab)];
            if (!p.repeated && !slab.anchor.empty()) {
                doc.anchors[slab.anchor] = {static_cast<int>(doc.pages.size()), p.y};
            }
            place(p.scale == 1 ? slab.items : scaled(slab.items, p.scale), p.y, page, p.repeated);
        }
        if (!current.empty()) {
            page.running_head = slabs_[static_cast<std::size_t>(current.front().slab)].running_head;
        }
        doc.pages.push_back(std::move(page));
        current.clear();
        y = frame.top;
        has_content = false;
    };

    const int n = static_cast<int>(slabs_.size());
    int i = 0;
    while (i < n) {
        const Slab& slab = slabs_[static_cast<std::size_t>(i)];
        if (slab.page_break_before && !current.empty()) {
            emit();
        }
        if (slab.page_break_before && slab.odd_page &&
            (doc.pages.size() + static_cast<std::size_t>(page_offset)) % 2 == 1) {
            doc.pages.emplace_back();  // a blank left-hand page
        }
        if (current.empty() && slab.repeat >= 0 && !slab.page_break_before) {
            // A table continues on a new page: its header row first.
            const Slab& header = slabs_[static_cast<std::size_t>(slab.repeat)];
            current.push_back({slab.repeat, y, true});
            y += header.height;
        }
        const double space = has_content ? slab.space_before : 0;
        if (!has_content || y + space + slab.height <= frame.bottom + 0.01) {
            y += space;
            current.push_back({i, y, false});
            y += slab.height;
            has_content = true;
            ++i;
            continue;
        }
        if (slab.min_height > 0 && slab.min_height < slab.height &&
            frame.bottom - y - space >= slab.min_height) {
            // A picture that may shrink: as large as the rest of the page allows.
            const double scale = (frame.bottom - y - space) / slab.height;
            y += space;
            current.push_back({i, y, false, scale});
            y += slab.height * scale;
            has_content = true;
            ++i;
            continue;
        }
        // Does not fit: break before the earliest slab this one is kept with.
        int first = -1;
        for (const auto& p : current) {
            if (!p.repeated) {
                first = p.slab;
                break;
            }
        }
        int j = i;
        while (j > first && slabs_[static_cast<std::size_t>(j - 1)].keep_with_next) {
            --j;
        }
        if (j <= first) {
            j = i;  // everything on the page is kept together: break here anyway
        }
        while (!current.empty() && current.back().slab >= j && !current.back().repeated) {
            current.pop_back();
        }
        emit();
        i = j;
    }
    if (!current.empty()) {
        emit();
    }
}

}  // namespace rv::pdf
