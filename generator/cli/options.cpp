#include "cli/options.hpp"

#include <algorithm>

#include "messages/catalog.hpp"

namespace rv::cli {

namespace {

// Digits only, at most `max_digits` (a year: exactly 4).
bool is_number(const std::string& text, std::size_t max_digits) {
    if (text.empty() || text.size() > std::max<std::size_t>(max_digits, 2) ||
        (max_digits == 4 && text.size() != 4)) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool is_year(const std::string& text) {
    if (text.size() != 4) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

}  // namespace

ParseResult parse_options(const std::vector<std::string>& args) {
    Options options;
    std::vector<std::string> positional;
    std::string wanted;  // help or version, asked for with an option
    bool out_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                return std::nullopt;
            }
            (void)name;
            return args[++i];
        };
        if (arg == "--help" || arg == "-h" || arg == "--version") {
            wanted = arg == "--version" ? "version" : "help";  // after the other options
        } else if (arg == "--strict") {
            options.strict = true;
        } else if (arg == "--no-pdf") {
            options.pdf = false;
        } else if (arg == "--clean") {
            options.clean = true;
        } else if (arg == "--jobs" || arg == "-j") {
            const auto given = value(arg.c_str());
            if (!given || !is_number(*given, 3) || std::stoi(*given) < 1) {
                return {std::nullopt, "--jobs takes a number of threads, 1 to 999"};
            }
            options.jobs = std::stoi(*given);
        } else if (arg == "--year" || arg == "--span") {
            const auto given = value(arg.c_str());
            if (!given || !is_number(*given, arg == "--year" ? 4 : 1)) {
                return {std::nullopt, arg == "--year" ? "--year takes a year, e.g. 2023"
                                                      : "--span takes a number of years, 1 to 20"};
            }
            (arg == "--year" ? options.year : options.span) = std::stoi(*given);
            if (options.span < 1 || options.span > 20) {
                return {std::nullopt, "--span takes a number of years, 1 to 20"};
            }
        } else if (arg == "--lang" || arg == "--format" || arg == "--out" || arg == "--content" ||
                   arg == "--theme") {
            const auto given = value(arg.c_str());
            if (!given) {
                return {std::nullopt, arg + " needs a value"};
            }
            if (arg == "--lang") {
                if (*given != "nb" && *given != "en") {
                    return {std::nullopt, "--lang takes nb or en"};
                }
                options.language = *given;
            } else if (arg == "--format") {
                if (*given != "text" && *given != "json") {
                    return {std::nullopt, "--format takes text or json"};
                }
                options.format = *given;
                options.format_given = true;
            } else if (arg == "--theme") {
                options.theme_dir = *given;
            } else if (arg == "--out") {
                options.out_dir = *given;
                options.out_given = true;
                out_given = true;
            } else {
                options.content_dir = *given;
            }
        } else if (arg == "--port") {
            const auto given = value(arg.c_str());
            if (!given || !is_number(*given, 5) || std::stoi(*given) > 65535) {
                return {std::nullopt, "--port takes a port number, 0 to 65535"};
            }
            options.port = std::stoi(*given);
        } else if (arg.size() > 1 && arg.front() == '-') {
            return {std::nullopt, "unknown option " + arg};
        } else {
            positional.push_back(arg);
        }
    }
    if (!wanted.empty() || positional.empty()) {
        options.command = wanted.empty() ? "help" : wanted;
        return {options, {}};
    }
    options.command = positional.front();
    positional.erase(positional.begin());
    if (options.command == "check" || options.command == "build" || options.command == "serve") {
        if (positional.size() > 1) {
            return {std::nullopt, options.command + " takes one content folder"};
        }
        if (!positional.empty()) {
            options.content_dir = positional.front();
        }
        if (options.command == "serve" && !out_given) {
            options.out_dir = "output/preview";  // never the published site
        }
    } else if (options.command == "review") {
        if (positional.size() > 1) {
            return {std::nullopt, "review takes one content folder"};
        }
        if (!positional.empty()) {
            options.content_dir = positional.front();
        }
        if (options.year == 0) {
            return {std::nullopt, "review needs --year, e.g. --year 2023"};
        }
        if (!out_given) {
            options.out_dir = "output/review";  // never the published site
        }
    } else if (options.command == "new") {
        if (positional.size() != 2 || !is_year(positional[1])) {
            return {std::nullopt, "new takes SERVICE-SLUG YEAR"};
        }
        options.slug = positional[0];
        options.year = std::stoi(positional[1]);
    } else {
        return {std::nullopt, "unknown command " + options.command};
    }
    return {options, {}};
}

std::string usage(const std::string& language) {
    return messages::text("cli.usage", language);
}

}  // namespace rv::cli
