#pragma once
// What the preview server (`rapportverk serve`) adds to the pages it serves, from the
// theme's preview/ templates: the panel with the check's findings, and the page shown
// before the content could be built once. Never part of a built site.
#include <string>

#include "model/diagnostic.hpp"
#include "render/html/site_renderer.hpp"

namespace rv::render {

// The panel listing `diagnostics` (path:line:col, severity, code, text in `language`), or ""
// when there are none and no `failure`. `kept_last_site`: the check or the build stopped the
// rebuild, and the pages are those of the last build that succeeded. `failure`: what the
// build said when it could not write the site. Throws std::runtime_error on a broken template.
std::string preview_messages_html(const Theme& theme, const model::Diagnostics& diagnostics,
                                  bool kept_last_site, const std::string& language,
                                  const std::string& failure = "");

// What goes before </body> of every served page: the preview's stylesheet, `panel_html`
// and its script, which reloads the page when the server's generation moves past `generation`.
std::string preview_snippet(const Theme& theme, const std::string& panel_html,
                            long long generation);

// A whole page saying that no site could be built yet (the panel says why).
std::string preview_empty_page(const Theme& theme, const std::string& language);

}  // namespace rv::render
