#include "render/html/link_check.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "model/url.hpp"

namespace rv::render {

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The values of a page's ` href="…"`, ` src="…"` and ` id="…"` attributes (the renderer
// always writes double quotes), each in page order, as views into the page's text.
struct Attributes {
    std::vector<std::string_view> href;
    std::vector<std::string_view> src;
    std::vector<std::string_view> id;
};

// One pass over the page: at every `="`, the name before it, with a space before the name.
Attributes attributes_of(std::string_view html) {
    Attributes found;
    const char* const begin = html.data();
    const char* const end = begin + html.size();
    const auto named = [&](const char* equals, std::string_view name) {
        // ` name` right before the "=".
        return static_cast<std::size_t>(equals - begin) >= name.size() &&
               std::memcmp(equals - name.size(), name.data(), name.size()) == 0;
    };
    for (const char* at = begin; at < end;) {
        const auto* equals = static_cast<const char*>(std::memchr(at, '=', end - at));
        if (equals == nullptr || equals + 1 == end) {
            break;
        }
        at = equals + 1;
        if (*at != '"' || equals == begin) {
            continue;
        }
        std::vector<std::string_view>* values = nullptr;
        switch (equals[-1]) {
            case 'f':
                values = named(equals, " href") ? &found.href : nullptr;
                break;
            case 'c':
                values = named(equals, " src") ? &found.src : nullptr;
                break;
            case 'd':
                values = named(equals, " id") ? &found.id : nullptr;
                break;
            default:
                break;
        }
        if (values == nullptr) {
            continue;
        }
        const char* const value = at + 1;
        const auto* close = static_cast<const char*>(std::memchr(value, '"', end - value));
        if (close == nullptr) {
            break;  // no value ends: no attribute after this one has one either
        }
        values->emplace_back(value, static_cast<std::size_t>(close - value));
    }
    return found;
}

// `text` with every "&amp;" as "&"; `buffer` holds the result when it differs.
std::string_view unescape(std::string_view text, std::string& buffer) {
    auto at = text.find("&amp;");
    if (at == std::string_view::npos) {
        return text;
    }
    buffer.clear();
    std::size_t from = 0;
    for (; at != std::string_view::npos; at = text.find("&amp;", from)) {
        buffer.append(text.substr(from, at - from));
        buffer += '&';
        from = at + 5;
    }
    buffer.append(text.substr(from));
    return buffer;
}

// model::percent_decode(text), without a copy when there is nothing to decode.
std::string_view percent_decoded(std::string_view text, std::string& buffer) {
    if (text.find('%') == std::string_view::npos) {
        return text;
    }
    buffer = model::percent_decode(std::string(text));
    return buffer;
}

// Whether `path` is names with one slash between them, none of them "." or "..": a path that
// fs::path::lexically_normal leaves as it is.
bool is_plain(std::string_view path) {
    if (path.empty()) {
        return false;
    }
    for (std::size_t at = 0;;) {
        const std::size_t slash = path.find('/', at);
        const std::string_view name = path.substr(at, slash - at);
        if (name.empty() || name == "." || name == "..") {
            return false;
        }
        if (slash == std::string_view::npos) {
            return true;
        }
        at = slash + 1;
    }
}

// (`dir` / `relative`).lexically_normal() for the links pages have: `dir` plain or empty,
// `relative` some "../" and then a plain path. False (and `out` unset) for anything else.
bool join_plain(std::string_view dir, std::string_view relative, std::string& out) {
    std::size_t up = 0;
    while (relative.substr(0, 3) == "../") {
        relative.remove_prefix(3);
        ++up;
    }
    if (!is_plain(relative)) {
        return false;
    }
    while (up > 0 && !dir.empty()) {
        const auto slash = dir.rfind('/');
        dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
        --up;
    }
    out.clear();
    for (; up > 0; --up) {
        out += "../";
    }
    if (!dir.empty()) {
        out += dir;
        out += '/';
    }
    out += relative;
    return true;
}

// The site-relative file a link leads to ("" when it leads out of the site), and its
// fragment.
struct Target {
    std::string path;
    std::string fragment;
    bool outside = false;
};

// A page's path with what resolving its links needs of it.
struct Page {
    explicit Page(std::string_view path) : path(path), plain(is_plain(path)) {
        const auto slash = path.rfind('/');
        dir = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
    }
    std::string_view path;
    std::string_view dir;  // its folder, when plain
    bool plain;            // lexically normal, and its folder too
};

Target resolve(const Page& page, std::string_view link, const std::string& server_path) {
    const auto hash = link.find('#');
    std::string_view address = link.substr(0, hash);
    Target target;
    std::string buffer;
    if (hash != std::string_view::npos) {
        target.fragment = percent_decoded(link.substr(hash + 1), buffer);
    }
    address = address.substr(0, address.find('?'));
    if (address.empty()) {
        target.path = page.plain ? std::string(page.path)
                                 : fs::path(page.path).lexically_normal().generic_string();
    } else if (address.front() == '/') {
        if (address.substr(0, server_path.size()) != server_path) {
            target.outside = true;
            return target;
        }
        const std::string_view path = percent_decoded(address.substr(server_path.size()), buffer);
        target.path =
            is_plain(path) ? std::string(path) : fs::path(path).lexically_normal().generic_string();
    } else {
        const std::string_view path = percent_decoded(address, buffer);
        if (!page.plain || !join_plain(page.dir, path, target.path)) {
            target.path =
                (fs::path(page.path).parent_path() / path).lexically_normal().generic_string();
        }
    }
    if (target.path.empty() || target.path == "." || target.path.rfind("..", 0) == 0 ||
        target.path.front() == '/') {
        target.outside = true;
    }
    return target;
}

}  // namespace

struct LinkCheck::State {
    std::string server_path;
    std::mutex mutex;
    bool failed_within_page = false;  // a link that fails within its own page was seen
    std::set<std::string> files;      // every other file linked to
    std::set<std::pair<std::string, std::string>> fragments;  // file, fragment
};

LinkCheck::LinkCheck(std::string server_path) : state_(new State) {
    state_->server_path = std::move(server_path);
}

LinkCheck::~LinkCheck() {
    delete state_;
}

namespace {

// The ids of a page, to look fragments up in: a page links to a few of its ids, so they are
// looked through until so many lookups that sorting them pays.
class Ids {
  public:
    explicit Ids(std::vector<std::string_view>& ids) : ids_(ids) {}
    bool has(std::string_view id) {
        if (lookups_ < 16) {
            ++lookups_;
            return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
        }
        if (!sorted_) {
            std::sort(ids_.begin(), ids_.end());
            sorted_ = true;
        }
        return std::binary_search(ids_.begin(), ids_.end(), id);
    }

  private:
    std::vector<std::string_view>& ids_;
    int lookups_ = 0;
    bool sorted_ = false;
};

// Goes through the links of one page, every href in page order and then every src:
// `elsewhere` gets each link to another file; `failing` the links that fail within the page
// itself (out of the site, or a missing id), as views into `html`.
template <typename Elsewhere>
void scan_page(std::string_view page_path, std::string_view html, const std::string& server_path,
               Elsewhere&& elsewhere, std::vector<std::string_view>& failing) {
    Attributes attributes = attributes_of(html);
    Ids ids(attributes.id);
    const Page page(page_path);
    std::string unescaped;
    std::string decoded;
    for (const auto* values : {&attributes.href, &attributes.src}) {
        for (const std::string_view value : *values) {
            const std::string_view link = unescape(value, unescaped);
            if (link.empty() || model::has_url_scheme(link) || link.substr(0, 2) == "//") {
                continue;  // another site, mail, telephone, data: the browser's business
            }
            if (link.front() == '#') {  // most links of a page: its own contents
                if (link.size() > 1 && !ids.has(percent_decoded(link.substr(1), decoded))) {
                    failing.push_back(value);
                }
                continue;
            }
            const Target target = resolve(page, link, server_path);
            if (target.outside) {
                failing.push_back(value);
            } else if (target.path == page.path) {
                if (!target.fragment.empty() && !ids.has(target.fragment)) {
                    failing.push_back(value);
                }
            } else {
                elsewhere(target, value, failing);
            }
        }
    }
}

}  // namespace

void LinkCheck::add_page(const std::string& page, const std::string& html) {
    std::vector<Target> elsewhere;
    std::vector<std::string_view> failing;
    scan_page(
        page, html, state_->server_path,
        [&](const Target& target, std::string_view, std::vector<std::string_view>&) {
            elsewhere.push_back(target);
        },
        failing);
    // A page links to a few files many times (its stylesheets, the front page): each once.
    const auto key = [](const Target& target) { return std::tie(target.path, target.fragment); };
    std::sort(elsewhere.begin(), elsewhere.end(),
              [&](const Target& a, const Target& b) { return key(a) < key(b); });
    elsewhere.erase(std::unique(elsewhere.begin(), elsewhere.end(),
                                [&](const Target& a, const Target& b) { return key(a) == key(b); }),
                    elsewhere.end());
    const std::lock_guard lock(state_->mutex);
    state_->failed_within_page = state_->failed_within_page || !failing.empty();
    for (auto& target : elsewhere) {
        if (!target.fragment.empty()) {
            state_->fragments.insert({target.path, std::move(target.fragment)});
        }
        state_->files.insert(std::move(target.path));
    }
}

std::vector<BrokenLink> LinkCheck::broken(const fs::path& site, std::size_t limit) const {
    const auto file_of = [&](const std::string& target) {
        fs::path path = site / target;
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            path /= "index.html";
        }
        return fs::is_regular_file(path, ec) ? path : fs::path();
    };
    std::set<std::string> missing;
    for (const auto& target : state_->files) {
        if (file_of(target).empty()) {
            missing.insert(target);
        }
    }
    std::set<std::pair<std::string, std::string>> missing_ids;
    std::map<fs::path, std::set<std::string, std::less<>>> ids;
    for (const auto& key : state_->fragments) {
        const fs::path file = file_of(key.first);
        if (file.empty() || file.extension() != ".html") {
            continue;  // a missing file is found above; other files have no ids to check
        }
        auto found = ids.find(file);
        if (found == ids.end()) {
            const std::string html = read(file);
            const auto values = attributes_of(html).id;
            found =
                ids.emplace(file, std::set<std::string, std::less<>>(values.begin(), values.end()))
                    .first;
        }
        if (found->second.count(key.second) == 0) {
            missing_ids.insert(key);
        }
    }
    if (!state_->failed_within_page && missing.empty() && missing_ids.empty()) {
        return {};
    }
    // Something is broken: read the pages back, in order, to say where (only now).
    std::vector<fs::path> pages;
    for (const auto& entry : fs::recursive_directory_iterator(site)) {
        if (entry.is_regular_file() && entry.path().extension() == ".html") {
            pages.push_back(entry.path());
        }
    }
    std::sort(pages.begin(), pages.end());
    std::vector<BrokenLink> out;
    for (const auto& path : pages) {
        const std::string page = path.lexically_relative(site).generic_string();
        const std::string html = read(path);
        std::vector<std::string_view> failing;
        scan_page(
            page, html, state_->server_path,
            [&](const Target& target, std::string_view value,
                std::vector<std::string_view>& failed) {
                if (missing.count(target.path) == 1 ||
                    missing_ids.count({target.path, target.fragment}) == 1) {
                    failed.push_back(value);
                }
            },
            failing);
        for (const auto link : failing) {
            if (out.size() >= limit) {
                return out;
            }
            out.push_back({page, std::string(link)});
        }
    }
    return out;
}

}  // namespace rv::render
