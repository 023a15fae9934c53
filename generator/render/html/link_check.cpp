#include "render/html/link_check.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
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

// The values of every ` name="…"` attribute (the renderer always writes double quotes).
std::vector<std::string> attribute_values(const std::string& html, const std::string& name) {
    std::vector<std::string> values;
    const std::string needle = " " + name + "=\"";
    for (auto at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) {
        const auto start = at + needle.size();
        const auto end = html.find('"', start);
        if (end == std::string::npos) {
            break;
        }
        values.push_back(html.substr(start, end - start));
    }
    return values;
}

std::string unescape(std::string text) {
    for (auto at = text.find("&amp;"); at != std::string::npos; at = text.find("&amp;", at + 1)) {
        text.replace(at, 5, "&");
    }
    return text;
}

// The site-relative file a link leads to ("" when it leads out of the site), and its
// fragment.
struct Target {
    std::string path;
    std::string fragment;
    bool outside = false;
};

Target resolve(const std::string& page, const std::string& link, const std::string& server_path) {
    const auto hash = link.find('#');
    std::string address = link.substr(0, hash);
    Target target;
    target.fragment = hash == std::string::npos ? "" : model::percent_decode(link.substr(hash + 1));
    address = address.substr(0, address.find('?'));
    fs::path path;
    if (address.empty()) {
        path = page;
    } else if (address.front() == '/') {
        if (address.rfind(server_path, 0) != 0) {
            target.outside = true;
            return target;
        }
        path = model::percent_decode(address.substr(server_path.size()));
    } else {
        path = fs::path(page).parent_path() / model::percent_decode(address);
    }
    target.path = path.lexically_normal().generic_string();
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

// Goes through the links of one page: `elsewhere` gets each link to another file; the
// result is the links that fail within the page itself (out of the site, or a missing id).
template <typename Elsewhere>
std::vector<std::string> scan_page(const std::string& page, const std::string& html,
                                   const std::string& server_path, Elsewhere&& elsewhere) {
    std::vector<std::string> failing;
    std::set<std::string> ids;
    bool ids_read = false;
    for (const char* name : {"href", "src"}) {
        for (const auto& value : attribute_values(html, name)) {
            const std::string link = unescape(value);
            if (link.empty() || model::has_url_scheme(link) || link.rfind("//", 0) == 0) {
                continue;  // another site, mail, telephone, data: the browser's business
            }
            if (link.front() == '#') {  // most links of a page: its own contents
                if (!ids_read) {
                    const auto values = attribute_values(html, "id");
                    ids.insert(values.begin(), values.end());
                    ids_read = true;
                }
                if (link.size() > 1 && ids.count(model::percent_decode(link.substr(1))) == 0) {
                    failing.push_back(value);
                }
                continue;
            }
            const Target target = resolve(page, link, server_path);
            if (target.outside) {
                failing.push_back(value);
            } else if (target.path == page) {
                if (!ids_read) {
                    const auto values = attribute_values(html, "id");
                    ids.insert(values.begin(), values.end());
                    ids_read = true;
                }
                if (!target.fragment.empty() && ids.count(target.fragment) == 0) {
                    failing.push_back(value);
                }
            } else {
                elsewhere(target, value, failing);
            }
        }
    }
    return failing;
}

}  // namespace

void LinkCheck::add_page(const std::string& page, const std::string& html) {
    std::vector<Target> elsewhere;
    const auto failing = scan_page(page, html, state_->server_path,
                                   [&](const Target& target, const std::string&,
                                       std::vector<std::string>&) { elsewhere.push_back(target); });
    const std::lock_guard lock(state_->mutex);
    state_->failed_within_page = state_->failed_within_page || !failing.empty();
    for (const auto& target : elsewhere) {
        state_->files.insert(target.path);
        if (!target.fragment.empty()) {
            state_->fragments.emplace(target.path, target.fragment);
        }
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
    std::map<fs::path, std::set<std::string>> ids;
    for (const auto& key : state_->fragments) {
        const fs::path file = file_of(key.first);
        if (file.empty() || file.extension() != ".html") {
            continue;  // a missing file is found above; other files have no ids to check
        }
        auto found = ids.find(file);
        if (found == ids.end()) {
            const auto values = attribute_values(read(file), "id");
            found = ids.emplace(file, std::set<std::string>(values.begin(), values.end())).first;
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
        const auto failing = scan_page(
            page, read(path), state_->server_path,
            [&](const Target& target, const std::string& value, std::vector<std::string>& failed) {
                if (missing.count(target.path) == 1 ||
                    missing_ids.count({target.path, target.fragment}) == 1) {
                    failed.push_back(value);
                }
            });
        for (const auto& link : failing) {
            if (out.size() >= limit) {
                return out;
            }
            out.push_back({page, link});
        }
    }
    return out;
}

}  // namespace rv::render
