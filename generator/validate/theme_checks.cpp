// A theme's wording: every text in a theme's messages.json must replace a page text the
// catalogue has; a misspelt key would silently change nothing.
#include <algorithm>

#include "messages/catalog.hpp"
#include "validate/checks.hpp"
#include "validate/suggest.hpp"

namespace rv::validate {

void check_themes(const model::Content& content, model::Diagnostics& out) {
    std::vector<std::string> page_texts;
    for (const auto& key : messages::keys()) {
        if (key.rfind("ui.", 0) == 0) {
            page_texts.push_back(key);
        }
    }
    for (const auto& theme : content.themes) {
        for (const auto& [key, text] : theme.texts) {
            if (std::find(page_texts.begin(), page_texts.end(), key) == page_texts.end()) {
                out.push_back({"RV091",
                               model::Severity::error,
                               model::locate(theme.texts_file, theme.text_positions, "/" + key),
                               {key, closest(key, page_texts)}});
            }
        }
    }
}

}  // namespace rv::validate
