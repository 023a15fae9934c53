#include "model/source_location.hpp"

#include <algorithm>

namespace rv::model {

void PositionMap::add(std::string_view pointer, ValuePosition position) {
    entries_.push_back({static_cast<std::uint32_t>(keys_.size()),
                        static_cast<std::uint32_t>(pointer.size()), position});
    keys_.append(pointer);
    sorted_ = false;
}

void PositionMap::finish() {
    if (sorted_) {
        return;
    }
    // Stable, so that of two entries for one pointer the later stays last, and wins.
    std::stable_sort(entries_.begin(), entries_.end(),
                     [&](const Entry& a, const Entry& b) { return key(a) < key(b); });
    std::vector<Entry> unique;
    unique.reserve(entries_.size());
    for (const Entry& entry : entries_) {
        if (!unique.empty() && key(unique.back()) == key(entry)) {
            unique.back() = entry;
        } else {
            unique.push_back(entry);
        }
    }
    entries_ = std::move(unique);
    entries_.shrink_to_fit();
    keys_.shrink_to_fit();
    sorted_ = true;
}

PositionMap::const_iterator PositionMap::find(std::string_view pointer) const {
    if (!sorted_) {  // before finish(): the last one added wins
        for (std::size_t i = entries_.size(); i-- > 0;) {
            if (key(entries_[i]) == pointer) {
                return {this, i};
            }
        }
        return end();
    }
    const auto found = std::lower_bound(
        entries_.begin(), entries_.end(), pointer,
        [&](const Entry& entry, std::string_view wanted) { return key(entry) < wanted; });
    if (found == entries_.end() || key(*found) != pointer) {
        return end();
    }
    return {this, static_cast<std::size_t>(found - entries_.begin())};
}

SourceLocation locate(const std::string& file, const PositionMap& positions, std::string pointer) {
    while (true) {
        auto found = positions.find(pointer);
        if (found != positions.end()) {
            return {file, found->second.line, found->second.column};
        }
        if (pointer.empty()) {
            return {file, 1, 1};
        }
        pointer.erase(pointer.rfind('/'));
    }
}

}  // namespace rv::model
