#include "render/html/link_check.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

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

class Checker {
  public:
    Checker(const fs::path& site, const std::string& server_path)
        : site_(site.lexically_normal()), server_path_(server_path) {}

    void check_page(const fs::path& page, std::vector<BrokenLink>& broken, std::size_t limit) {
        const std::string html = text_of(page);
        for (const char* name : {"href", "src"}) {
            for (const auto& value : attribute_values(html, name)) {
                if (broken.size() >= limit) {
                    return;
                }
                if (!resolves(page, unescape(value))) {
                    broken.push_back({page.lexically_relative(site_).generic_string(), value});
                }
            }
        }
    }

  private:
    fs::path site_;
    std::string server_path_;
    std::map<fs::path, std::string> texts_;
    std::map<fs::path, std::set<std::string>> ids_;

    const std::string& text_of(const fs::path& page) {
        auto found = texts_.find(page);
        if (found == texts_.end()) {
            found = texts_.emplace(page, read(page)).first;
        }
        return found->second;
    }

    const std::set<std::string>& ids_of(const fs::path& page) {
        auto found = ids_.find(page);
        if (found == ids_.end()) {
            const auto values = attribute_values(text_of(page), "id");
            found = ids_.emplace(page, std::set<std::string>(values.begin(), values.end())).first;
        }
        return found->second;
    }

    bool resolves(const fs::path& page, const std::string& link) {
        if (link.empty() || model::has_url_scheme(link) || link.rfind("//", 0) == 0) {
            return true;  // another site, mail, telephone, data: the browser's business
        }
        const auto hash = link.find('#');
        std::string address = link.substr(0, hash);
        const std::string fragment = hash == std::string::npos ? "" : link.substr(hash + 1);
        address = address.substr(0, address.find('?'));
        fs::path target;
        if (address.empty()) {
            target = page;
        } else if (address.front() == '/') {
            if (address.rfind(server_path_, 0) != 0) {
                return false;
            }
            target = site_ / model::percent_decode(address.substr(server_path_.size()));
        } else {
            target = page.parent_path() / model::percent_decode(address);
        }
        target = target.lexically_normal();
        const std::string inside = target.lexically_relative(site_).generic_string();
        if (inside.empty() || inside.rfind("..", 0) == 0) {
            return false;
        }
        std::error_code ec;
        if (fs::is_directory(target, ec)) {
            target /= "index.html";
        }
        if (!fs::is_regular_file(target, ec)) {
            return false;
        }
        if (fragment.empty() || target.extension() != ".html") {
            return true;
        }
        return ids_of(target).count(model::percent_decode(fragment)) == 1;
    }
};

}  // namespace

std::vector<BrokenLink> broken_links(const fs::path& site, const std::string& server_path,
                                     std::size_t limit) {
    std::vector<fs::path> pages;
    for (const auto& entry : fs::recursive_directory_iterator(site)) {
        if (entry.is_regular_file() && entry.path().extension() == ".html") {
            pages.push_back(entry.path());
        }
    }
    std::sort(pages.begin(), pages.end());
    Checker checker(site, server_path);
    std::vector<BrokenLink> broken;
    for (const auto& page : pages) {
        checker.check_page(page, broken, limit);
    }
    return broken;
}

}  // namespace rv::render
