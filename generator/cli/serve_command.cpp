#include "cli/serve_command.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "cli/file_watcher.hpp"
#include "cli/preview_server.hpp"
#include "cli/preview_update.hpp"
#include "cli/report_output.hpp"
#include "cli/site_build.hpp"
#include "messages/catalog.hpp"
#include "render/html/preview_page.hpp"

namespace rv::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

constexpr int kDefaultPort = 1313;
constexpr int kPortsTried = 10;             // 1313 … 1322 when no --port is given
constexpr milliseconds kQuiet{50};          // an editor's save is a burst of events
constexpr milliseconds kLongestWait{1000};  // a steady stream of writes must not starve

// What one rebuild found and did.
struct Rebuild {
    model::Diagnostics diagnostics;
    bool kept_last_site = false;  // the check (or a write) stopped it: the old site stays
    int signal = 0;               // SIGINT or SIGTERM arrived while writing
    std::string failure;          // what the build said when it could not write the site
    milliseconds took{0};
    std::optional<Clock::time_point> pages_ready;  // the quick path: edited pages written
};

// After an edit inside report folders, rebuilds those reports in place (cli/preview_update)
// and calls `reload` as soon as their pages are written; after any other change (or when
// there is no built site yet), checks and builds the whole content tree the way `build`
// does, taking over unchanged reports from the last build. `changed`: the content files
// changed since the last rebuild (empty for the first).
Rebuild rebuild(const Options& options, const std::vector<std::string>& changed,
                std::shared_ptr<BuiltSite>& site,
                const std::function<void(const PreviewUpdate&)>& reload, std::ostream& out,
                std::ostream& err) {
    const auto start = Clock::now();
    if (!changed.empty()) {
        std::string names;
        for (std::size_t i = 0; i < changed.size() && i < 3; ++i) {
            names += (i > 0 ? ", " : "") + changed[i];
        }
        if (changed.size() > 3) {
            names += ", …";
        }
        out << messages::text("serve.changed", options.language, {names}) << std::endl;
    }
    Rebuild result;
    BuildRequest request = build_request(options);
    request.clean = false;  // every rebuild takes over what the last one left
    if (site && !changed.empty() &&
        std::find(changed.begin(), changed.end(), ".") == changed.end()) {
        try {
            const PreviewUpdate update =
                update_reports(*site, request, changed, [&](const PreviewUpdate& ready) {
                    result.pages_ready = Clock::now();
                    if (reload) {
                        reload(ready);
                    }
                });
            if (update.handled) {
                result.diagnostics = update.diagnostics;
                result.kept_last_site = update.kept_pages;
                if (!update.diagnostics.empty()) {
                    print_text(out, update.diagnostics, count(update.diagnostics, options.strict),
                               site->checked.reports, options.language);
                }
                if (update.kept_pages) {
                    out << messages::text("serve.kept", options.language) << std::endl;
                }
                result.took = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
                return result;
            }
        } catch (const std::exception&) {
            // A write failed half-way: the whole build below puts the preview right.
        }
        result.pages_ready.reset();
    }
    site.reset();
    request.keep_site = true;
    std::ostringstream said;  // the build's own words, for the page when it fails
    BuildOutcome built = build_site(
        request,
        [&](const CheckResult& checked) {
            if (!checked.diagnostics.empty()) {
                print_text(out, checked.diagnostics, count(checked.diagnostics, options.strict),
                           checked.reports, options.language);
            }
        },
        said);
    result.diagnostics = built.diagnostics;
    site = std::move(built.site);
    if (!built.usable || !built.checked_clean) {
        result.kept_last_site = true;
        out << messages::text("serve.kept", options.language) << std::endl;
    } else {
        err << said.str() << std::flush;
        result.kept_last_site = built.code != exit_clean;
        result.signal = built.signal;
        if (result.kept_last_site && result.signal == 0) {
            result.failure = said.str();
        }
    }
    result.took = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    return result;
}

// SIGINT and SIGTERM as a file descriptor to poll, held from every thread started after.
// SIGPIPE is ignored meanwhile: a page closed mid-stream is a failed write, not the end.
class StopSignals {
  public:
    StopSignals() : previous_pipe_(std::signal(SIGPIPE, SIG_IGN)) {
        sigemptyset(&set_);
        sigaddset(&set_, SIGINT);
        sigaddset(&set_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set_, &previous_);
        fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
    }
    ~StopSignals() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
        std::signal(SIGPIPE, previous_pipe_);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    int fd() const { return fd_; }

  private:
    void (*previous_pipe_)(int);
    sigset_t set_;
    sigset_t previous_;
    int fd_ = -1;
};

// Waits up to `timeout` (-1: for ever) for changes or a stop signal. False on a signal.
bool wait(const StopSignals& signals, const FileWatcher& watcher, int timeout_ms, bool& changed) {
    pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    changed = false;
    const int ready = ::poll(fds, 2, timeout_ms);
    if (ready < 0) {
        return errno == EINTR;
    }
    if ((fds[0].revents & POLLIN) != 0) {
        signalfd_siginfo taken{};  // taken, so it does not end the process once let through
        while (::read(signals.fd(), &taken, sizeof(taken)) == sizeof(taken)) {
        }
        return false;
    }
    changed = (fds[1].revents & POLLIN) != 0;
    return true;
}

// Content files changed together, once an editor's burst of events has settled.
struct Changes {
    // Relative to the content folder, without editors' temporary files.
    std::vector<std::string> paths;
    Clock::time_point first_seen;
    bool stop = false;  // SIGINT or SIGTERM came instead
};

Changes next_changes(const StopSignals& signals, FileWatcher& watcher) {
    Changes result;
    bool changed = false;
    while (result.paths.empty()) {
        if (!wait(signals, watcher, -1, changed)) {
            result.stop = true;
            return result;
        }
        result.first_seen = Clock::now();
        // Until no event came for kQuiet (at most kLongestWait).
        while (changed && Clock::now() - result.first_seen < kLongestWait) {
            for (auto& path : watcher.read_changes()) {
                if (std::find(result.paths.begin(), result.paths.end(), path) ==
                    result.paths.end()) {
                    result.paths.push_back(std::move(path));
                }
            }
            if (!wait(signals, watcher, static_cast<int>(kQuiet.count()), changed)) {
                result.stop = true;
                return result;
            }
        }
    }
    return result;
}

bool is_within(const std::string& inner, const std::string& outer) {
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(fs::absolute(inner, ec), ec);
    const fs::path b = fs::weakly_canonical(fs::absolute(outer, ec), ec);
    const fs::path relative = a.lexically_relative(b);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

int run_serve(const Options& options, std::ostream& out, std::ostream& err) {
    const std::string& language = options.language;
    // The preview replaces its folder on every rebuild, and must not watch its own writes.
    if (output_would_replace_content(options.out_dir, options.content_dir) ||
        is_within(options.out_dir, options.content_dir)) {
        err << messages::text("serve.unsafe_out", language, {options.out_dir, options.content_dir})
            << std::endl;
        return exit_unusable;
    }
    const StopSignals signals;  // before any thread starts, so none of them takes a signal
    std::unique_ptr<FileWatcher> watcher;
    try {
        watcher = std::make_unique<FileWatcher>(options.content_dir);
    } catch (const std::system_error& e) {
        err << messages::text("serve.watch_failed", language,
                              {options.content_dir, e.code().message()})
            << std::endl;
        return exit_unusable;
    }
    const render::Theme theme = render::Theme::embedded_default();
    PreviewServer server(options.out_dir, theme, language);
    const int wanted = options.port.value_or(kDefaultPort);
    bool bound = server.bind(wanted);
    for (int next = wanted + 1; !bound && !options.port && next < wanted + kPortsTried; ++next) {
        bound = server.bind(next);
    }
    if (!bound) {
        err << messages::text("serve.port_taken", language, {std::to_string(wanted)}) << std::endl;
        return exit_unusable;
    }
    if (wanted != 0 && server.port() != wanted) {
        out << messages::text("serve.port_next", language,
                              {std::to_string(wanted), std::to_string(server.port())})
            << std::endl;
    }

    auto publish = [&](const Rebuild& done) {
        server.publish(render::preview_messages_html(theme, done.diagnostics, done.kept_last_site,
                                                     language, done.failure));
    };
    std::shared_ptr<BuiltSite> site;  // what the last whole build left, for quick updates
    const auto reload_now = [&](const PreviewUpdate& ready) {
        server.publish(render::preview_messages_html(theme, ready.diagnostics, ready.kept_pages,
                                                     language, ""));
    };
    Rebuild done = rebuild(options, {}, site, reload_now, out, err);
    if (done.signal == 0) {
        publish(done);
        server.start();
        out << messages::text("serve.listening", language,
                              {"http://127.0.0.1:" + std::to_string(server.port()) + "/"})
            << std::endl;
    }
    while (done.signal == 0) {
        const Changes changes = next_changes(signals, *watcher);
        if (changes.stop) {
            break;
        }
        done = rebuild(options, changes.paths, site, reload_now, out, err);
        if (done.signal == 0) {
            if (!done.pages_ready) {
                publish(done);  // the quick path published as soon as the pages were written
            }
            const auto since_save =
                std::chrono::duration_cast<milliseconds>(Clock::now() - changes.first_seen);
            if (done.pages_ready) {
                const auto page_after = std::chrono::duration_cast<milliseconds>(
                    *done.pages_ready - changes.first_seen);
                out << messages::text(
                           "serve.updated", language,
                           {std::to_string(page_after.count()), std::to_string(done.took.count())})
                    << std::endl;
            } else {
                out << messages::text(
                           "serve.rebuilt", language,
                           {std::to_string(done.took.count()), std::to_string(since_save.count())})
                    << std::endl;
            }
        }
    }
    server.stop();
    out << messages::text("serve.stopped", language) << std::endl;
    return exit_clean;
}

}  // namespace rv::cli
