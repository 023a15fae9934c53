#pragma once
// Where a value came from: file, 1-based line and column (columns count characters).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rv::model {

struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

// Position of one JSON value inside its file.
struct ValuePosition {
    int line = 0;
    int column = 0;
    bool empty = false;  // an empty string, array or object, or null
};

// Every value of a JSON file, keyed by its JSON pointer ("" is the root, "/a/0/b"). Kept
// compact, for a build holds one per report.json: the pointers in one buffer and a sorted
// table of offsets. The reader adds positions, then calls finish(); lookups are then binary
// searches and safe from several threads.
class PositionMap {
  public:
    struct Item {
        std::string_view first;  // the pointer
        ValuePosition second;
    };

    class const_iterator {
      public:
        const_iterator(const PositionMap* map, std::size_t index) : map_(map), index_(index) {}
        const Item& operator*() const { return item_ = map_->item(index_); }
        const Item* operator->() const { return &**this; }
        const_iterator& operator++() {
            ++index_;
            return *this;
        }
        bool operator==(const const_iterator& other) const { return index_ == other.index_; }
        bool operator!=(const const_iterator& other) const { return index_ != other.index_; }

      private:
        const PositionMap* map_;
        std::size_t index_;
        mutable Item item_;
    };

    // Adds the position of the value at `pointer`; a later one for the same pointer wins.
    void add(std::string_view pointer, ValuePosition position);
    // Sorts the table for lookups (after the last add).
    void finish();

    const_iterator find(std::string_view pointer) const;
    std::size_t count(std::string_view pointer) const { return find(pointer) != end() ? 1 : 0; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, entries_.size()}; }

  private:
    struct Entry {
        std::uint32_t offset;
        std::uint32_t length;
        ValuePosition position;
    };
    std::string keys_;
    std::vector<Entry> entries_;
    bool sorted_ = true;

    std::string_view key(const Entry& entry) const {
        return {keys_.data() + entry.offset, entry.length};
    }
    Item item(std::size_t index) const { return {key(entries_[index]), entries_[index].position}; }
};

// The location of the value at `pointer`, or of its nearest parent that has one.
SourceLocation locate(const std::string& file, const PositionMap& positions, std::string pointer);

}  // namespace rv::model
