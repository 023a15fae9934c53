#pragma once
// The command line: rapportverk check|build|new … with their options.
#include <optional>
#include <string>
#include <vector>

namespace rv::cli {

struct Options {
    std::string command;  // check, build, serve, review, new, help, version
    std::string content_dir = "content";
    std::string out_dir = "output/site";
    std::string theme_dir;        // --theme: a theme folder over the default theme
    std::string language = "nb";  // of messages
    std::string format = "text";  // text or json
    bool format_given = false;    // review: print the analysis (and write PDFs only with --out)
    bool out_given = false;       // review: its default is output/review, not the site
    bool strict = false;
    std::string slug;  // new
    int year = 0;      // new, review
    int span = 1;      // review: years pooled for availability
    // serve: the port on 127.0.0.1 (0: any free one); none given: 1313 or the next free one.
    std::optional<int> port;
    // check, build, serve: threads for the reports (0: one per core). Output is the same
    // byte for byte whatever the number.
    int jobs = 0;
    bool pdf = true;     // build, serve: --no-pdf writes the site without its PDFs
    bool clean = false;  // build: --clean ignores the incremental cache and rebuilds all
};

struct ParseResult {
    std::optional<Options> options;
    std::string error;  // when !options: what is wrong, in English words for the usage line
};

ParseResult parse_options(const std::vector<std::string>& args);

// The usage text, in `language`.
std::string usage(const std::string& language);

}  // namespace rv::cli
