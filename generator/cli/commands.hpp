#pragma once
// The commands, wiring the stages: load → validate → render. Each returns an exit code.
#include <ostream>

#include "cli/options.hpp"
#include "model/content.hpp"
#include "model/diagnostic.hpp"

namespace rv::cli {

enum ExitCode { exit_clean = 0, exit_errors = 1, exit_unusable = 2 };

// Loads and validates: every diagnostic of the content tree, sorted.
struct CheckResult {
    model::Content content;
    model::Diagnostics diagnostics;
    bool usable = false;
    int reports = 0;
};

// `theme_dir`: a --theme folder, read with the content (empty: none).
CheckResult check_content(const std::string& content_dir, const std::string& theme_dir = "");

// The output folder replaces whatever is there: true when it is the content folder or holds it.
bool output_would_replace_content(const std::string& out_dir, const std::string& content_dir);

int run_check(const Options& options, std::ostream& out, std::ostream& err);
int run_build(const Options& options, std::ostream& out, std::ostream& err);
int run_new(const Options& options, std::ostream& out, std::ostream& err);

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace rv::cli
