#include "messages/catalog.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "embedded/embedded.hpp"

namespace rv::messages {

namespace {

const nlohmann::json& catalog() {
    static const nlohmann::json parsed =
        nlohmann::json::parse(embedded::find(embedded::messages(), "catalog.json"));
    return parsed;
}

std::string argument(const std::vector<std::string>& args, std::size_t index,
                     const std::string& language) {
    if (index >= args.size()) {
        return {};
    }
    const std::string& value = args[index];
    if (value.size() > 1 && value.front() == '@') {
        return text(value.substr(1), language);
    }
    return value;
}

}  // namespace

bool has(const std::string& key, const std::string& language) {
    const auto& entries = catalog();
    const auto found = entries.find(key);
    return found != entries.end() && found->contains(language) &&
           !(*found)[language].get<std::string>().empty();
}

std::string counted(const std::string& key, long long n, const std::string& language) {
    return text(key + (n == 1 ? ".one" : ".other"), language, {std::to_string(n)});
}

std::vector<std::string> keys() {
    std::vector<std::string> out;
    for (const auto& [key, value] : catalog().items()) {
        out.push_back(key);
    }
    return out;
}

std::string text(const std::string& key, const std::string& language,
                 const std::vector<std::string>& args) {
    const auto& entries = catalog();
    const auto found = entries.find(key);
    if (found == entries.end()) {
        return key;  // a missing key is a defect; the tests check every key is present
    }
    const auto text_in = [&](const char* lang) -> const std::string* {
        const auto entry = found->find(lang);
        return entry != found->end() && entry->is_string() ? &entry->get_ref<const std::string&>()
                                                           : nullptr;
    };
    const std::string* chosen = text_in(language == "en" ? "en" : "nb");
    if (chosen == nullptr) {
        chosen = text_in("nb");
    }
    const std::string& pattern = chosen != nullptr ? *chosen : key;
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::size_t brace = pattern.find('{', i);
        if (brace == std::string::npos) {
            out.append(pattern, i, std::string::npos);
            break;
        }
        out.append(pattern, i, brace - i);
        i = brace;
        if (i + 2 < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1]))) {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string::npos) {
                std::string inner = pattern.substr(i + 1, close - i - 1);
                const bool conditional = !inner.empty() && inner.back() == '?';
                if (conditional) {
                    inner.pop_back();
                }
                const auto index = static_cast<std::size_t>(std::stoul(inner));
                const std::string value = argument(args, index, language);
                if (conditional) {
                    if (value.empty()) {
                        break;
                    }
                } else {
                    out += value;
                }
                i = close;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string severity_word(model::Severity severity, const std::string& language) {
    switch (severity) {
        case model::Severity::warning:
            return text("cli.warning", language);
        case model::Severity::error:
            return text("cli.error", language);
        case model::Severity::fatal:
            return text("cli.fatal", language);
    }
    return {};
}

// A file or folder name, or a value quoted from the content, may hold control characters:
// printed as they are, a newline would split the finding over two lines and an escape
// sequence would drive the terminal. They are shown as \xNN instead.
namespace {
std::string printable(const std::string& line) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(line.size());
    for (const char c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}
}  // namespace

std::string format(const model::Diagnostic& diagnostic, const std::string& language) {
    std::string out = diagnostic.at.file;
    if (diagnostic.at.line > 0) {
        out += ':' + std::to_string(diagnostic.at.line);
        if (diagnostic.at.column > 0) {
            out += ':' + std::to_string(diagnostic.at.column);
        }
    }
    // The severity word stays English, as compilers write it, so editors can parse the line.
    out += diagnostic.severity == model::Severity::warning ? ": warning: " : ": error: ";
    out += diagnostic.code + ": " + text(diagnostic.code, language, diagnostic.args);
    return printable(out);
}

}  // namespace rv::messages
