#include "cli/preview_server.hpp"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>

#include "render/html/preview_page.hpp"

namespace rv::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPrefix = "/__rapportverk/";
// A stream whose page has gone is found only by writing to it: a short heartbeat frees its
// thread soon after a reload.
constexpr auto kHeartbeat = std::chrono::seconds(2);

bool is_inside(const fs::path& root, const fs::path& path) {
    const fs::path relative = path.lexically_relative(root);
    return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

std::string read_whole(const fs::path& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    std::string out{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    ok = in.good() || in.eof();
    return out;
}

}  // namespace

std::string content_type_for(const fs::path& path) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".csv", "text/csv; charset=utf-8"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".pdf", "application/pdf"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".wasm", "application/wasm"},
    };
    std::string extension = path.extension().string();
    for (char& c : extension) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (path.filename() == "feed.xml") {
        return "application/atom+xml";
    }
    const auto found = types.find(extension);
    return found == types.end() ? "application/octet-stream" : found->second;
}

fs::path resolve_in_site(const fs::path& site, const std::string& url_path) {
    if (url_path.empty() || url_path.front() != '/' ||
        url_path.find_first_of(std::string("\\\0", 2)) != std::string::npos) {
        return {};
    }
    fs::path relative;
    std::size_t start = 1;
    while (start <= url_path.size()) {
        const auto end = std::min(url_path.find('/', start), url_path.size());
        const std::string segment = url_path.substr(start, end - start);
        if (segment == "." || segment == "..") {
            return {};
        }
        if (!segment.empty()) {
            relative /= segment;
        }
        start = end + 1;
    }
    std::error_code ec;
    const fs::path root = fs::canonical(site, ec);
    if (ec) {
        return {};
    }
    fs::path candidate = root / relative;
    if (fs::is_directory(candidate, ec)) {
        candidate /= "index.html";
    }
    const fs::path real = fs::canonical(candidate, ec);  // follows every symlink
    if (ec || !is_inside(root, real) || !fs::is_regular_file(real, ec)) {
        return {};
    }
    return real;
}

struct PreviewServer::Impl {
    fs::path site;
    render::Theme theme;
    std::string language;
    httplib::Server server;
    std::thread thread;
    int port = -1;

    mutable std::mutex mutex;
    std::condition_variable changed;
    long long generation = 0;
    std::string snippet;  // added before </body> of every page
    bool stopping = false;

    std::string theme_file(const std::string& path) const {
        const auto found = theme.files.find(path);
        return found == theme.files.end() ? std::string() : found->second;
    }

    std::string with_preview(std::string html) const {
        std::string added;
        {
            const std::lock_guard lock(mutex);
            added = snippet;
        }
        const auto body = html.rfind("</body>");
        html.insert(body == std::string::npos ? html.size() : body, added);
        return html;
    }

    void send_page(httplib::Response& res, int status, const std::string& html) const {
        res.status = status;
        res.set_content(with_preview(html), "text/html; charset=utf-8");
    }

    void not_found(httplib::Response& res) const {
        std::error_code ec;
        if (!fs::exists(site, ec)) {
            send_page(res, 503, render::preview_empty_page(theme, language));
            return;
        }
        // The site's own 404 page, found the same careful way as any other file.
        const fs::path page = resolve_in_site(site, "/404.html");
        bool ok = false;
        const std::string html = page.empty() ? std::string() : read_whole(page, ok);
        if (ok && !html.empty()) {
            send_page(res, 404, html);
        } else {
            res.status = 404;
            res.set_content("404\n", "text/plain; charset=utf-8");
        }
    }

    void serve_file(const httplib::Request& req, httplib::Response& res) const {
        const std::string& path = req.path;
        for (const std::string segment : {"/../", "/./"}) {
            if ((path + "/").find(segment) != std::string::npos) {
                res.status = 403;
                res.set_content("403\n", "text/plain; charset=utf-8");
                return;
            }
        }
        const fs::path file = resolve_in_site(site, path);
        if (file.empty()) {
            not_found(res);
            return;
        }
        if (file.filename() == "index.html" && path.back() != '/' &&
            fs::path(path).filename() != "index.html") {
            // Relative links start at the folder. The target as sent (still percent-encoded).
            const auto query = req.target.find('?');
            res.set_redirect(req.target.substr(0, query) + "/" +
                                 (query == std::string::npos ? "" : req.target.substr(query)),
                             301);
            return;
        }
        bool ok = false;
        std::string contents = read_whole(file, ok);
        if (!ok) {
            not_found(res);  // replaced by a rebuild in between: as if missing
            return;
        }
        const std::string type = content_type_for(file);
        if (type.rfind("text/html", 0) == 0) {
            send_page(res, 200, contents);
        } else {
            res.set_content(std::move(contents), type.c_str());
        }
    }

    // One stream per open page: "hello" with the generation now, then "reload" with each new one.
    void events(httplib::Response& res) {
        auto seen = std::make_shared<long long>(-1);
        res.set_chunked_content_provider(
            "text/event-stream", [this, seen](std::size_t, httplib::DataSink& sink) {
                std::unique_lock lock(mutex);
                std::string message;
                if (*seen < 0) {
                    *seen = generation;
                    message =
                        "retry: 500\nevent: hello\ndata: " + std::to_string(generation) + "\n\n";
                } else {
                    changed.wait_for(lock, kHeartbeat,
                                     [&] { return stopping || generation != *seen; });
                    if (stopping) {
                        lock.unlock();
                        sink.done();
                        return true;
                    }
                    if (generation != *seen) {
                        *seen = generation;
                        message = "event: reload\ndata: " + std::to_string(generation) + "\n\n";
                    } else {
                        message = ": still here\n\n";
                    }
                }
                lock.unlock();
                return sink.write(message.data(), message.size());
            });
    }

    void routes() {
        server.new_task_queue = [] { return new httplib::ThreadPool(32); };  // a stream holds one
        server.set_keep_alive_timeout(1);  // idle connections must not delay a stop
        server.set_default_headers(
            {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
        server.Get(std::string(kPrefix) + "events",
                   [this](const httplib::Request&, httplib::Response& res) { events(res); });
        for (const std::string name : {"reload.js", "preview.css"}) {
            server.Get(
                kPrefix + name, [this, name](const httplib::Request&, httplib::Response& res) {
                    res.set_content(theme_file("preview/" + name), content_type_for(name).c_str());
                });
        }
        server.Get(std::string(kPrefix) + ".*",
                   [this](const httplib::Request&, httplib::Response& res) { not_found(res); });
        server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
            serve_file(req, res);
        });
    }
};

PreviewServer::PreviewServer(fs::path site, render::Theme theme, std::string language)
    : impl_(std::make_unique<Impl>()) {
    impl_->site = std::move(site);
    impl_->theme = std::move(theme);
    impl_->language = std::move(language);
    impl_->routes();
}

PreviewServer::~PreviewServer() {
    stop();
}

bool PreviewServer::bind(int port) {
    if (port == 0) {
        impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    } else if (impl_->server.bind_to_port("127.0.0.1", port)) {
        impl_->port = port;
    }
    return impl_->port > 0;
}

int PreviewServer::port() const {
    return impl_->port;
}

void PreviewServer::start() {
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    // stop() must find it running, or the server would go on after it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!impl_->server.is_running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void PreviewServer::stop() {
    {
        const std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->changed.notify_all();
    impl_->server.stop();
    if (impl_->thread.joinable()) {
        impl_->thread.join();
    }
}

void PreviewServer::publish(const std::string& panel_html) {
    {
        const std::lock_guard lock(impl_->mutex);
        ++impl_->generation;
        impl_->snippet = render::preview_snippet(impl_->theme, panel_html, impl_->generation);
    }
    impl_->changed.notify_all();
}

long long PreviewServer::generation() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->generation;
}

}  // namespace rv::cli
