#pragma once
// A read-only cursor into a parsed JSON file that knows where each value came from.
// Mapping JSON to the model goes through it; values of the wrong type read as absent
// (the schema check has already reported them).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "load/json_reader.hpp"
#include "model/content.hpp"

namespace rv::load {

class JsonView {
  public:
    JsonView(const nlohmann::json* value, const model::PositionMap* positions,
             const std::string* file, std::string pointer)
        : value_(value), positions_(positions), file_(file), pointer_(std::move(pointer)) {}

    bool exists() const { return value_ != nullptr && !value_->is_null(); }
    bool is_object() const { return value_ && value_->is_object(); }
    bool is_array() const { return value_ && value_->is_array(); }

    JsonView operator[](const std::string& key) const {
        const nlohmann::json* child = nullptr;
        if (is_object()) {
            const auto found = value_->find(key);
            if (found != value_->end()) {
                child = &*found;
            }
        }
        return {child, positions_, file_, pointer_append(pointer_, key)};
    }

    std::vector<JsonView> elements() const {
        std::vector<JsonView> out;
        if (is_array()) {
            for (std::size_t i = 0; i < value_->size(); ++i) {
                out.push_back(
                    {&(*value_)[i], positions_, file_, pointer_ + "/" + std::to_string(i)});
            }
        }
        return out;
    }

    // Members of an object in key order.
    std::vector<std::pair<std::string, JsonView>> members() const {
        std::vector<std::pair<std::string, JsonView>> out;
        if (is_object()) {
            for (const auto& [key, child] : value_->items()) {
                out.emplace_back(
                    key, JsonView{&child, positions_, file_, pointer_append(pointer_, key)});
            }
        }
        return out;
    }

    std::string text(const std::string& fallback = {}) const {
        return value_ && value_->is_string() ? value_->get<std::string>() : fallback;
    }

    std::optional<bool> flag() const {
        if (value_ && value_->is_boolean()) {
            return value_->get<bool>();
        }
        return std::nullopt;
    }

    std::optional<model::Number> number() const {
        if (value_ && value_->is_number()) {
            return model::Number{value_->get<double>(), location()};
        }
        return std::nullopt;
    }

    int integer(int fallback = 0) const {
        return value_ && value_->is_number_integer() ? value_->get<int>() : fallback;
    }

    std::vector<std::string> strings() const {
        std::vector<std::string> out;
        for (const auto& element : elements()) {
            if (element.value_->is_string()) {
                out.push_back(element.text());
            }
        }
        return out;
    }

    model::LocalizedText localized() const {
        return {(*this)["nb"].text(), (*this)["nn"].text(), (*this)["en"].text()};
    }

    model::SourceLocation location() const { return model::locate(*file_, *positions_, pointer_); }
    const std::string& pointer() const { return pointer_; }

  private:
    const nlohmann::json* value_;
    const model::PositionMap* positions_;
    const std::string* file_;
    std::string pointer_;
};

}  // namespace rv::load
