#include "render/pdf/pdf_outline.hpp"

#include <algorithm>
#include <cmath>

#include "render/pdf/pdf_structure.hpp"

namespace rv::pdf {

std::string destination(const Document& doc, const std::vector<std::uint32_t>& pages,
                        const std::string& anchor) {
    const auto found = doc.anchors.find(anchor);
    if (found == doc.anchors.end() || found->second.page < 0 ||
        found->second.page >= static_cast<int>(pages.size())) {
        return "";
    }
    const long top = std::lround(page_height - found->second.y + 6);
    std::string out = "[";  // (not "[" + …: GCC 12 warns falsely at -O2)
    out += std::to_string(pages[static_cast<std::size_t>(found->second.page)]);
    out += " 0 R/FitH " + std::to_string(top) + "]";
    return out;
}

namespace {

struct Item {
    std::string title;
    std::string dest;
    int parent = -1;
    bool open = false;
    std::vector<int> children;
    int visible = 0;  // descendants shown when this item is open
};

int count_visible(std::vector<Item>& items, int i) {
    Item& item = items[static_cast<std::size_t>(i)];
    int total = 0;
    for (int child : item.children) {
        const int below = count_visible(items, child);
        total += 1 + (items[static_cast<std::size_t>(child)].open ? below : 0);
    }
    items[static_cast<std::size_t>(i)].visible = total;
    return total;
}

std::string ref(std::uint32_t number) {
    return std::to_string(number) + " 0 R";
}

}  // namespace

std::vector<std::string> outline_objects(const Document& doc,
                                         const std::vector<std::uint32_t>& pages,
                                         std::uint32_t first) {
    std::vector<Item> items(1);  // the root
    items[0].open = true;
    std::vector<int> parents{0};
    for (const auto& entry : doc.outline) {
        std::string dest = destination(doc, pages, entry.anchor);
        if (dest.empty()) {
            continue;
        }
        const std::size_t level = static_cast<std::size_t>(std::max(1, entry.level));
        if (parents.size() > level) {
            parents.resize(level);
        }
        while (parents.size() < level) {
            parents.push_back(parents.back());
        }
        const int index = static_cast<int>(items.size());
        items.push_back({entry.title, std::move(dest), parents.back(), level == 1, {}, 0});
        items[static_cast<std::size_t>(parents.back())].children.push_back(index);
        parents.push_back(index);
    }
    if (items.size() == 1) {
        return {};
    }
    count_visible(items, 0);
    auto number = [first](int i) { return first + static_cast<std::uint32_t>(i); };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        std::string obj = i == 0 ? "<</Type/Outlines" : "<</Title" + pdf_string(item.title);
        if (i > 0) {
            const Item& parent = items[static_cast<std::size_t>(item.parent)];
            obj += "/Parent " + ref(number(item.parent));
            const auto at =
                std::find(parent.children.begin(), parent.children.end(), static_cast<int>(i));
            if (at != parent.children.begin()) {
                obj += "/Prev " + ref(number(*(at - 1)));
            }
            if (at + 1 != parent.children.end()) {
                obj += "/Next " + ref(number(*(at + 1)));
            }
        }
        if (!item.children.empty()) {
            obj += "/First " + ref(number(item.children.front())) + "/Last " +
                   ref(number(item.children.back())) + "/Count " +
                   std::to_string(item.open ? item.visible : -item.visible);
        }
        if (i > 0) {
            obj += "/Dest" + item.dest;
        }
        out.push_back(obj + ">>");
    }
    return out;
}

}  // namespace rv::pdf
