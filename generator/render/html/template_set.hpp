#pragma once
// The theme and its Mustache templates: the default theme compiled into the program, with
// the content's theme folders over it, and the rendering of one page from its data.
#include <cstdint>
#include <map>
#include <string>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "model/content.hpp"

namespace rv::render {

// A theme's files by relative path ("templates/report.mustache", "assets/style.css").
struct Theme {
    std::map<std::string, std::string> files;
    // Page texts in place of the catalogue's: "ui.home" → {nb, nn, en}.
    std::map<std::string, model::LocalizedText> texts;

    static Theme embedded_default();
    // The default theme with the content's theme folders over it (--theme, then theme/):
    // their files replace or add to the default's, their texts replace the catalogue's.
    static Theme for_content(const model::Content& content);
};

// Renders pages from a theme's templates and the partials head, foot and finder_form.
// Safe to use from several threads at once.
class TemplateSet {
  public:
    explicit TemplateSet(const Theme& theme);

    // Throws std::runtime_error on a broken template.
    std::string render(const std::string& name, const nlohmann::json& json) const;

    const Theme& theme() const { return theme_; }

  private:
    const Theme& theme_;
    std::uint64_t id_;  // tells the threads' parsed templates of one set from another's
    std::map<std::string, kainjow::mustache::data> labels_;  // "t" of each language

    nlohmann::json with_theme_texts(const nlohmann::json& json) const;
    const std::string& source(const std::string& path) const;
};

}  // namespace rv::render
