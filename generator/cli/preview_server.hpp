#pragma once
// The preview's web server (`rapportverk serve`): serves a built site from its folder on
// 127.0.0.1 only, adds the preview's script and the check's messages to every page, and
// tells open pages through Server-Sent Events (/__rapportverk/events) when to reload.
// Serves nothing outside the site's folder: no "..", no symlink that leads out.
#include <filesystem>
#include <memory>
#include <string>

#include "render/html/site_renderer.hpp"

namespace rv::cli {

class PreviewServer {
  public:
    // `site`: the folder served (it may not exist yet, or be replaced at any time).
    // `theme`: preview/reload.js, preview/preview.css and the empty page come from it.
    PreviewServer(std::filesystem::path site, render::Theme theme, std::string language);
    ~PreviewServer();  // stops
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    // Binds 127.0.0.1:`port` (0: any free port). False when the port is taken or not allowed.
    bool bind(int port);
    int port() const;

    // Serves on a thread of its own until stop().
    void start();
    // Ends open event streams and stops serving; returns when the server's threads are done.
    void stop();

    // After a rebuild: `panel_html` (the check's messages, or "") goes into every page from
    // now on, and every open page is told to reload.
    void publish(const std::string& panel_html);

    // How many times publish() was called; open pages compare it with their own.
    long long generation() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The Content-Type the server sends for `path`, by its extension.
std::string content_type_for(const std::filesystem::path& path);

// The file under `site` that the decoded request path `url_path` names, or an empty path
// when it names nothing there: a path with "." or ".." segments, a backslash or NUL, or one
// that leads out of `site` through a symlink. A folder gives its index.html.
std::filesystem::path resolve_in_site(const std::filesystem::path& site,
                                      const std::string& url_path);

}  // namespace rv::cli
