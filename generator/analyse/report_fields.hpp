#pragma once
// The report.json fields a criterion may name by dotted path (field_true, field_present,
// min_per_item), read from the model with where each value is.
#include <optional>
#include <string>
#include <vector>

#include "model/content.hpp"

namespace rv::analyse {

struct FieldItem {
    std::string label;
    std::optional<double> value;
    model::SourceLocation at;
};

struct FieldValue {
    bool known = false;    // the path is one this program reads
    bool present = false;  // given and not empty
    std::optional<bool> flag;
    std::optional<double> number;
    std::vector<FieldItem> items;  // list fields, with item_value and item_label read
    model::SourceLocation at;
};

// `item_value` and `item_label` name members of a list's items (staff: count, specialty).
FieldValue report_field(const model::Report& report, const std::string& path,
                        const std::string& item_value = {}, const std::string& item_label = {});

}  // namespace rv::analyse
