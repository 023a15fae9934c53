#pragma once
// The theme and its Mustache templates: the default theme compiled into the program, with
// the content's theme folders over it, and the rendering of one page from its data.
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "model/content.hpp"
#include "render/html/mustache.hpp"

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

// Renders pages from a theme's templates and the partials head, foot and finder_form, each
// compiled once. Safe to use from several threads at once. A page's data without labels
// ("t") gets the catalogue's, with the theme's texts over them.
class TemplateSet {
  public:
    explicit TemplateSet(const Theme& theme);

    // Throws std::runtime_error on a broken template.
    std::string render(const std::string& name, const nlohmann::json& json) const;

    const Theme& theme() const { return theme_; }

  private:
    const Theme& theme_;
    std::map<std::string, MustacheTemplate> pages_;  // templates/NAME.mustache by NAME
    MustacheTemplate::Partials partials_;            // head, foot, finder_form
    std::map<std::string, nlohmann::json> labels_;   // {"t": …} of each language

    nlohmann::json with_theme_texts(const nlohmann::json& json) const;
};

}  // namespace rv::render
