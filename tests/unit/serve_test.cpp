// Tests for `rapportverk serve`: the real program on a free port, on a copy of the minimal
// example, fetched over HTTP. A report page is served with its type and the preview's
// script; nothing outside the preview folder is served; a saved Markdown file reaches the
// open page through the event stream; a content error shows in the page over the last good
// site; Ctrl-C stops it cleanly. Every wait has a deadline, and the server is always killed.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "cli/file_watcher.hpp"
#include "cli/options.hpp"
#include "cli/preview_server.hpp"
#include "fixture.hpp"
#include "messages/catalog.hpp"
#include "render/html/preview_page.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using rv::test::read_file;
using rv::test::TempContent;

constexpr const char* kPage = "/eksempeltjeneste/2023/";
constexpr const char* kKnownText = "Eksempeltjenesten opererer voksne";
constexpr const char* kSection = "services/eksempeltjeneste/2023/kort-fortalt.md";
constexpr auto kDeadline = 20s;  // generous: ASan builds on a busy machine

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `rapportverk serve CONTENT --port 0 --out BASE/preview`, its output in BASE/serve.log.
class ServeProcess {
  public:
    explicit ServeProcess(const TempContent& content, std::vector<std::string> extra = {})
        : log_(content.base() / "serve.log"), out_(content.base() / "preview") {
        std::vector<std::string> args = {RV_BINARY, "serve", content.path().string(), "--out",
                                         out_.string()};
        if (extra.empty()) {
            extra = {"--port", "0"};
        }
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const int failed = posix_spawn(&pid_, RV_BINARY, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        REQUIRE(failed == 0);
    }
    ~ServeProcess() {
        if (pid_ > 0) {
            stop(SIGKILL);
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    std::string log() const {
        std::error_code ec;
        return fs::exists(log_, ec) ? read_file(log_) : std::string();
    }
    const fs::path& out() const { return out_; }

    // Whether the output comes to hold `text` before the deadline: a line printed after the
    // reload event it follows.
    bool wait_for_log(const std::string& text) const {
        const auto deadline = Clock::now() + kDeadline;
        while (!contains(log(), text) && Clock::now() < deadline) {
            std::this_thread::sleep_for(20ms);
        }
        return contains(log(), text);
    }

    // The port from "… http://127.0.0.1:PORT/ …", once the first build is served.
    int wait_for_port() {
        static const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
        const auto deadline = Clock::now() + kDeadline;
        while (Clock::now() < deadline) {
            std::smatch match;
            const std::string text = log();
            if (std::regex_search(text, match, url)) {
                return std::stoi(match[1]);
            }
            if (exited()) {
                break;
            }
            std::this_thread::sleep_for(20ms);
        }
        FAIL("serve printed no address; its output:\n" << log());
        return -1;
    }

    // Sends `signal`, waits for the end (killing it after the deadline); the exit code, or
    // -1 when a signal ended it.
    int stop(int signal = SIGTERM) {
        if (pid_ > 0 && status_ < 0) {
            ::kill(pid_, signal);
        }
        return wait();
    }

    // Waits for the process to end by itself (killing it after the deadline).
    int wait() {
        const auto deadline = Clock::now() + kDeadline;
        while (!exited() && Clock::now() < deadline) {
            std::this_thread::sleep_for(10ms);
        }
        if (!exited()) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
            pid_ = -1;
            FAIL("serve did not end in time; its output:\n" << log());
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
    }

  private:
    bool exited() {
        if (pid_ > 0 && ::waitpid(pid_, &status_, WNOHANG) == pid_) {
            pid_ = -1;
        }
        return pid_ <= 0;
    }

    fs::path log_;
    fs::path out_;
    pid_t pid_ = -1;
    int status_ = -1;
};

// A TCP connection to 127.0.0.1:port that writes raw requests and reads with deadlines.
class Connection {
  public:
    explicit Connection(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    }
    ~Connection() { ::close(fd_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void send(const std::string& request) {
        REQUIRE(::write(fd_, request.data(), request.size()) ==
                static_cast<ssize_t>(request.size()));
    }

    // Reads until `part` has arrived (true) or the deadline, or the peer closed (false).
    bool read_until(const std::string& part, std::chrono::milliseconds within = kDeadline) {
        const auto deadline = Clock::now() + within;
        while (!contains(received_, part)) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                return false;
            }
            pollfd fds{fd_, POLLIN, 0};
            if (::poll(&fds, 1, static_cast<int>(left.count())) <= 0) {
                return false;
            }
            char buffer[4096];
            const ssize_t got = ::read(fd_, buffer, sizeof(buffer));
            if (got <= 0) {
                return false;
            }
            received_.append(buffer, static_cast<std::size_t>(got));
        }
        return true;
    }
    // Everything until the peer closes (or the deadline).
    const std::string& read_all() {
        read_until(std::string(1, '\0'), 5s);
        return received_;
    }
    const std::string& received() const { return received_; }

  private:
    int fd_ = -1;
    std::string received_;
};

// An open page's event stream, as the browser's EventSource reads it.
class EventStream {
  public:
    explicit EventStream(int port) : connection_(port) {
        connection_.send(
            "GET /__rapportverk/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\n\r\n");
        REQUIRE_MESSAGE(connection_.read_until("event: hello"), connection_.received());
    }
    bool wait_for_reload() { return connection_.read_until("event: reload"); }
    const std::string& received() const { return connection_.received(); }

  private:
    Connection connection_;
};

// GET over a fresh connection, with timeouts.
httplib::Result get(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client.Get(path.c_str());
}

// The status line and body of a raw request for `target`, sent as written (no normalising).
std::string raw_get(int port, const std::string& target) {
    Connection connection(port);
    connection.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    return connection.read_all();
}

// A port that is bound and listened on until the object ends.
class TakenPort {
  public:
    TakenPort() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        REQUIRE(::listen(fd_, 1) == 0);
        socklen_t length = sizeof(address);
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~TakenPort() { ::close(fd_); }
    TakenPort(const TakenPort&) = delete;
    TakenPort& operator=(const TakenPort&) = delete;
    int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

TEST_CASE("serve: the options (default port and preview folder and never the site)") {
    const auto parsed = rv::cli::parse_options({"serve", "innhold"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == "serve");
    CHECK(parsed.options->content_dir == "innhold");
    CHECK(parsed.options->out_dir == "output/preview");
    CHECK_FALSE(parsed.options->port.has_value());
    const auto given = rv::cli::parse_options({"serve", "--port", "8080", "--out", "x"});
    REQUIRE(given.options);
    CHECK(given.options->port == 8080);
    CHECK(given.options->out_dir == "x");
    CHECK_FALSE(rv::cli::parse_options({"serve", "--port", "99999"}).options);
    CHECK_FALSE(rv::cli::parse_options({"serve", "--port", "http"}).options);
    CHECK_FALSE(rv::cli::parse_options({"serve", "a", "b"}).options);
}

TEST_CASE("serve: a request path resolves inside the site folder only") {
    const TempContent content;
    const fs::path site = content.base() / "site";
    rv::test::write_file(site / "index.html", "<p>forside</p>");
    rv::test::write_file(site / "a" / "index.html", "<p>a</p>");
    fs::create_directory_symlink(content.path(), site / "out");
    fs::create_symlink(content.path() / "site.json", site / "leak.json");
    fs::create_symlink(site / "a" / "index.html", site / "inside.html");
    const fs::path real = fs::canonical(site);
    using rv::cli::resolve_in_site;
    CHECK(resolve_in_site(site, "/") == real / "index.html");
    CHECK(resolve_in_site(site, "/a") == real / "a" / "index.html");
    CHECK(resolve_in_site(site, "/a/") == real / "a" / "index.html");
    CHECK(resolve_in_site(site, "/inside.html") == real / "a" / "index.html");
    for (const std::string bad :
         {"/../content/site.json", "/a/../../content/site.json", "/./index.html", "/out/site.json",
          "/leak.json", "/missing.html", "", "a/index.html", "/a\\..\\index.html"}) {
        CAPTURE(bad);
        CHECK(resolve_in_site(site, bad).empty());
    }
    CHECK(rv::cli::content_type_for("a/index.html") == "text/html; charset=utf-8");
    CHECK(rv::cli::content_type_for("style.CSS") == "text/css; charset=utf-8");
    CHECK(rv::cli::content_type_for("rapport.pdf") == "application/pdf");
    CHECK(rv::cli::content_type_for("data/tall.csv") == "text/csv; charset=utf-8");
}

TEST_CASE(
    "serve: the watcher sees files in folders made after it started but not editors' temporaries") {
    const TempContent content;
    rv::cli::FileWatcher watcher(content.path());
    const auto changes_until = [&](const std::string& wanted) {
        std::vector<std::string> seen;
        const auto deadline = Clock::now() + 5s;
        while (Clock::now() < deadline) {
            pollfd fds{watcher.fd(), POLLIN, 0};
            ::poll(&fds, 1, 100);
            for (const auto& path : watcher.read_changes()) {
                seen.push_back(path);
            }
            if (std::find(seen.begin(), seen.end(), wanted) != seen.end()) {
                break;
            }
        }
        return seen;
    };
    content.write("services/ny/2024/innhold.md", "Tekst.\n");
    auto seen = changes_until("services/ny/2024/innhold.md");
    CHECK(std::find(seen.begin(), seen.end(), "services/ny/2024/innhold.md") != seen.end());
    content.write("services/ny/2024/.innhold.md.swp", "x");
    content.write("services/ny/2024/innhold.md~", "x");
    content.write("services/ny/2024/aktivitet.md", "Mer tekst.\n");  // in the new folder
    seen = changes_until("services/ny/2024/aktivitet.md");
    CHECK(std::find(seen.begin(), seen.end(), "services/ny/2024/aktivitet.md") != seen.end());
    for (const auto& path : seen) {
        CHECK_MESSAGE(rv::cli::is_content_change(path), path);
    }
    CHECK_FALSE(rv::cli::is_content_change("a/4913"));
    CHECK_FALSE(rv::cli::is_content_change("a/#b.md#"));
    CHECK(rv::cli::is_content_change("services/x/2023/report.json"));
}

TEST_CASE("serve: the panel lists each finding with its place in the language asked for") {
    const auto theme = rv::render::Theme::embedded_default();
    CHECK(rv::render::preview_messages_html(theme, {}, false, "nb").empty());
    rv::model::Diagnostics found = {
        {"RV051", rv::model::Severity::error, {"innhold/a.md", 3, 1}, {"<script>x</script>"}},
        {"RV070", rv::model::Severity::warning, {"innhold/b.md", 0, 0}, {"70", "40"}},
    };
    const std::string en = rv::render::preview_messages_html(theme, found, true, "en");
    CHECK(contains(en, "lang=\"en\""));
    CHECK(contains(en, rv::messages::text("serve.panel_title", "en")));
    CHECK(contains(en, rv::messages::text("serve.panel_kept", "en")));
    CHECK(contains(en, "innhold/a.md:3:1</span>"));
    CHECK(contains(en, "innhold/b.md</span>"));
    CHECK(contains(en, "RV051"));
    CHECK(contains(en, "&lt;script&gt;"));  // content's words are text, never markup
    CHECK_FALSE(contains(en, "<script>"));
    const std::string nb = rv::render::preview_messages_html(theme, found, false, "nb");
    CHECK(contains(nb, rv::messages::text("serve.panel_summary", "nb", {"1 feil, 1 advarsel"})));
    CHECK_FALSE(contains(nb, rv::messages::text("serve.panel_kept", "nb")));
    // A build that could not write the site says why, in the panel too.
    const std::string failed =
        rv::render::preview_messages_html(theme, {}, true, "nb", "Kunne ikke skrive x.html");
    CHECK(contains(failed, "Kunne ikke skrive x.html"));
    CHECK(contains(failed, rv::messages::text("serve.panel_kept", "nb")));
}

TEST_CASE(
    "serve: a report page is served as HTML with the preview script and the site files "
    "keep their types but the built site holds no preview file") {
    const TempContent content;
    ServeProcess serve(content);
    const int port = serve.wait_for_port();

    const auto page = get(port, kPage);
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(contains(page->body, kKnownText));
    CHECK(contains(page->body, "<script src=\"/__rapportverk/reload.js\" data-generation=\"1\""));
    CHECK_FALSE(contains(page->body, "rv-preview-messages"));  // clean content: no panel

    const auto folder = get(port, "/eksempeltjeneste/2023");
    REQUIRE(folder);
    CHECK(folder->status == 301);
    CHECK(contains(folder->get_header_value("Location"), "/eksempeltjeneste/2023/"));

    const auto css = get(port, "/assets/style.css");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");

    const auto script = get(port, "/__rapportverk/reload.js");
    REQUIRE(script);
    CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(contains(script->body, "EventSource"));

    const auto missing = get(port, "/finnes/ikke.html");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(contains(missing->body, rv::messages::text("ui.not_found_title", "nb")));
    CHECK(contains(missing->body, "/__rapportverk/reload.js"));

    for (const auto& entry : fs::recursive_directory_iterator(serve.out())) {
        if (entry.is_regular_file() && entry.path().extension() != ".pdf") {
            CHECK_MESSAGE(!contains(read_file(entry.path()), "__rapportverk"), entry.path());
        }
    }
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: nothing outside the preview folder is served (.. or %2e%2e or symlinks)") {
    const TempContent content;
    ServeProcess serve(content);
    const int port = serve.wait_for_port();
    const std::string secret = "\"base_url\"";  // in content/site.json, beside the preview
    REQUIRE(contains(content.read("site.json"), secret));
    fs::create_directory_symlink(content.path(), serve.out() / "innhold");
    fs::create_symlink(content.path() / "site.json", serve.out() / "lekk.json");
    for (const std::string target :
         {"/../content/site.json", "/%2e%2e/content/site.json", "/%2E%2E/content/site.json",
          "/assets/..%2f..%2fcontent%2fsite.json", "/..%2fcontent/site.json",
          "/eksempeltjeneste/../../content/site.json", "/innhold/site.json", "/lekk.json",
          "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"}) {
        CAPTURE(target);
        const std::string response = raw_get(port, target);
        CHECK((contains(response, "HTTP/1.1 404") || contains(response, "HTTP/1.1 403")));
        CHECK_FALSE(contains(response, secret));
        CHECK_FALSE(contains(response, "root:"));
    }
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: a saved Markdown file reloads the open page with the new text") {
    const TempContent content;
    ServeProcess serve(content);
    const int port = serve.wait_for_port();
    EventStream events(port);

    const std::string added = "Denne setningen kom til mens siden var åpen.";
    const auto saved = Clock::now();
    content.write(kSection, content.read(kSection) + "\n" + added + "\n");
    REQUIRE_MESSAGE(events.wait_for_reload(), "no reload event; stream:\n"
                                                  << events.received() << "\nlog:\n"
                                                  << serve.log());
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - saved);
    MESSAGE("save to reload event: " << took.count() << " ms");
    const auto page = get(port, kPage);
    REQUIRE(page);
    CHECK(contains(page->body, added));
    CHECK(contains(page->body, "data-generation=\"2\""));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: a save inside a report is rebuilt in place, then the pages that list it") {
    const TempContent content;
    ServeProcess serve(content);
    const int port = serve.wait_for_port();
    EventStream events(port);

    // The quick path: the report's page first (with the reload), the search index after.
    content.write(kSection, content.read(kSection) + "\nEt kvikksølvtermometer ble byttet ut.\n");
    REQUIRE_MESSAGE(events.wait_for_reload(), serve.log());
    const auto page = get(port, kPage);
    REQUIRE(page);
    CHECK(contains(page->body, "kvikksølvtermometer"));
    const fs::path index = serve.out() / "sok" / "sokeindeks.js";
    const auto deadline = Clock::now() + kDeadline;
    while (!contains(read_file(index), "kvikksølvtermometer") && Clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);
    }
    CHECK(contains(read_file(index), "kvikksølvtermometer"));
    const std::string quick = rv::messages::text("serve.updated", "nb", {"", ""});
    CHECK_MESSAGE(serve.wait_for_log(quick.substr(0, quick.find(' ', 12))), serve.log());

    // service.json is shared by the service's pages: the whole (incremental) build.
    EventStream again(port);
    const std::string service = "services/eksempeltjeneste/service.json";
    content.write(service, content.read(service) + "\n");
    REQUIRE_MESSAGE(again.wait_for_reload(), serve.log());
    const std::string whole = rv::messages::text("serve.rebuilt", "nb", {"", ""});
    CHECK_MESSAGE(serve.wait_for_log(whole.substr(0, whole.find(' ', 10))), serve.log());
    CHECK(contains(get(port, kPage)->body, "kvikksølvtermometer"));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: a content error shows in the page's panel while the last good page stays") {
    const TempContent content;
    ServeProcess serve(content);
    const int port = serve.wait_for_port();
    EventStream events(port);

    const std::string original = content.read(kSection);
    const std::string hidden = "Denne teksten kom med en feil og vises ikke ennå.";
    content.write(kSection, original + "\n# Overskrift på feil nivå\n\n" + hidden + "\n");
    const auto heading = content.at(kSection, "# Overskrift");
    REQUIRE_MESSAGE(events.wait_for_reload(), serve.log());
    auto page = get(port, kPage);
    REQUIRE(page);
    CHECK(contains(page->body, kKnownText));  // the last good site
    CHECK_FALSE(contains(page->body, hidden));
    CHECK(contains(page->body, "id=\"rv-preview-messages\""));
    CHECK(contains(page->body, "role=\"alert\""));
    CHECK(contains(page->body, "RV051"));
    CHECK(contains(page->body, content.file(kSection) + ":" + std::to_string(heading.line) + ":" +
                                   std::to_string(heading.column)));
    CHECK(contains(page->body, rv::messages::text("serve.panel_kept", "nb")));

    // Corrected: the new text, and no panel.
    EventStream again(port);
    content.write(kSection, original + "\n## Overskrift på riktig nivå\n\n" + hidden + "\n");
    REQUIRE_MESSAGE(again.wait_for_reload(), serve.log());
    page = get(port, kPage);
    REQUIRE(page);
    CHECK(contains(page->body, hidden));
    CHECK_FALSE(contains(page->body, "rv-preview-messages"));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: content that never built shows a page with the check's messages") {
    const TempContent content;
    const std::string site_json = content.read("site.json");
    content.remove("site.json");
    ServeProcess serve(content);
    const int port = serve.wait_for_port();
    const auto page = get(port, kPage);
    REQUIRE(page);
    CHECK(page->status == 503);
    CHECK(contains(page->body, rv::messages::text("serve.empty_title", "nb")));
    CHECK(contains(page->body, "id=\"rv-preview-messages\""));
    CHECK(contains(page->body, "RV011"));
    EventStream events(port);
    content.write("site.json", site_json);
    REQUIRE_MESSAGE(events.wait_for_reload(), serve.log());
    const auto built = get(port, kPage);
    REQUIRE(built);
    CHECK(built->status == 200);
    CHECK(contains(built->body, kKnownText));
    CHECK(serve.stop() == 0);
}

TEST_CASE("serve: Ctrl-C stops it and leaves the preview whole without staging folders") {
    const TempContent content;
    ServeProcess serve(content);
    serve.wait_for_port();
    CHECK(serve.stop(SIGINT) == 0);
    CHECK(contains(serve.log(), rv::messages::text("serve.stopped", "nb")));
    CHECK(fs::is_regular_file(serve.out() / "eksempeltjeneste" / "2023" / "index.html"));
    for (const auto& name : rv::test::names_in(content.base())) {
        CHECK_MESSAGE(name.find("staging") == std::string::npos, name);
        CHECK_MESSAGE(name.find("previous") == std::string::npos, name);
    }
}

TEST_CASE("serve: a port in use is named with exit code 2") {
    const TempContent content;
    const TakenPort taken;
    ServeProcess serve(content, {"--port", std::to_string(taken.port())});
    CHECK(serve.wait() == 2);
    CHECK(contains(serve.log(),
                   rv::messages::text("serve.port_taken", "nb", {std::to_string(taken.port())})));
}

TEST_CASE("serve: an --out inside the content folder is refused") {
    const TempContent content;
    const auto run = rv::test::run_cli(
        {"serve", content.path().string(), "--out", (content.path() / "preview").string()});
    CHECK(run.code == 2);
    CHECK(contains(run.err, "--out"));
}
