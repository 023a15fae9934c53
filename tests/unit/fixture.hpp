#pragma once
// Shared helper of the tests: a throwaway copy of examples/minimal that one test mutates
// (with room beside it for a built site), the check of that copy, the command line run
// in-process, and lookups into the diagnostics. Header-only (tests/CMakeLists.txt builds
// every *_test.cpp and nothing else).
#include <doctest/doctest.h>

#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "cli/commands.hpp"
#include "messages/catalog.hpp"
#include "model/diagnostic.hpp"

// Lets doctest print the arguments of a diagnostic when a CHECK on them fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& values) {
        std::string out = "{";
        for (const auto& value : values) {
            out += (out.size() > 1 ? ", \"" : "\"") + value + "\"";
        }
        return (out + "}").c_str();
    }
};

namespace rv::test {

namespace fs = std::filesystem;

using model::Diagnostic;
using model::Severity;

// Paths inside the minimal example.
inline constexpr const char* kService = "services/eksempeltjeneste/service.json";
inline constexpr const char* kReportDir = "services/eksempeltjeneste/2023";
inline constexpr const char* kReport = "services/eksempeltjeneste/2023/report.json";
inline constexpr const char* kForm = "forms/behandlingstjeneste.json";
inline constexpr const char* kCompetenceForm = "forms/kompetansetjeneste.json";

inline std::string section(const std::string& id) {
    return std::string(kReportDir) + "/" + id + ".md";
}

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A 1-based line and column (columns count UTF-8 characters, as the checker does).
struct Position {
    int line = 0;
    int column = 0;
};

// The position of byte `offset` of `text`.
inline Position position_in(const std::string& text, std::size_t offset) {
    Position p{1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// A copy of RV_SOURCE_DIR/examples/minimal in a fresh temporary folder, removed again when
// the test ends. Its symlinks (forms/, regions.json) become real copies that a test may edit.
inline void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    REQUIRE_MESSAGE(out.good(), "cannot write " << path.string());
}

// Replaces the first occurrence of `from`; fails the test when there is none.
inline void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = read_file(path);
    const auto found = text.find(from);
    REQUIRE_MESSAGE(found != std::string::npos, "\"" << from << "\" is not in " << path.string());
    text.replace(found, from.size(), to);
    write_file(path, text);
}

// Every file and folder under `dir`, relative, with the contents of the files.
inline std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().lexically_relative(dir).generic_string();
        out[name] = entry.is_directory() ? std::string("<folder>") : read_file(entry.path());
    }
    return out;
}

// The names in `dir`, e.g. to see that no ".site.staging-…" or ".site.previous-…" is left.
inline std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        out.insert(entry.path().filename().string());
    }
    return out;
}

// An empty temporary folder, removed at the end of the test.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "rv-test-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// What `rapportverk ARGS…` printed and returned, run in-process.
// Runs `command` in a shell and returns what it printed (standard output and error).
inline std::string shell(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        out.append(buffer.data(), n);
    }
    ::pclose(pipe);
    return out;
}

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

inline CliRun run_cli(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    CliRun result;
    result.code = cli::run(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

class TempContent {
  public:
    TempContent() {
        std::string pattern = (fs::temp_directory_path() / "rv-diagnostics-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        base_ = pattern;
        root_ = base_ / "content";
        fs::copy(fs::path(RV_SOURCE_DIR) / "examples" / "minimal", root_,
                 fs::copy_options::recursive);
        for (const char* copied : {"forms", "regions.json"}) {
            REQUIRE_FALSE(fs::is_symlink(root_ / copied));
            REQUIRE(fs::exists(root_ / copied));
        }
        REQUIRE(fs::is_regular_file(root_ / kForm));
        REQUIRE(fs::is_regular_file(root_ / kReport));
    }
    ~TempContent() {
        std::error_code ec;
        // A test may have made folders read-only; give them back before removing.
        for (const auto& entry : fs::recursive_directory_iterator(base_, ec)) {
            fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(base_, ec);
    }
    TempContent(const TempContent&) = delete;
    TempContent& operator=(const TempContent&) = delete;

    const fs::path& path() const { return root_; }
    // The folder holding the content copy; builds write beside it.
    const fs::path& base() const { return base_; }
    const fs::path& content() const { return root_; }
    fs::path site() const { return base_ / "site"; }
    fs::path service_dir() const { return root_ / "services" / "eksempeltjeneste"; }
    fs::path report_dir() const { return root_ / kReportDir; }
    fs::path page() const { return site() / "eksempeltjeneste" / "2023" / "index.html"; }
    // The path a diagnostic names for `relative` (the loader joins it onto the root).
    std::string file(const std::string& relative) const { return (root_ / relative).string(); }

    std::string read(const std::string& relative) const { return read_file(root_ / relative); }

    void write(const std::string& relative, const std::string& text) const {
        write_file(root_ / relative, text);
    }

    void remove(const std::string& relative) const {
        REQUIRE_MESSAGE(fs::remove_all(root_ / relative) > 0, "nothing to remove: " << relative);
    }

    void mkdir(const std::string& relative) const { fs::create_directories(root_ / relative); }

    // Copies a file or folder inside the content tree.
    void copy(const std::string& from, const std::string& to) const {
        fs::copy(root_ / from, root_ / to, fs::copy_options::recursive);
    }

    // Replaces the first occurrence of `from`; fails the test when there is none.
    void replace(const std::string& relative, const std::string& from,
                 const std::string& to) const {
        replace_once(root_ / relative, from, to);
    }

    // Where `needle` starts in the file (its first occurrence).
    Position at(const std::string& relative, const std::string& needle) const {
        const std::string text = read(relative);
        const auto found = text.find(needle);
        REQUIRE_MESSAGE(found != std::string::npos, "\"" << needle << "\" is not in " << relative);
        return position_in(text, found);
    }

    // Where the text after `needle` starts: the value of `"key": `.
    Position after(const std::string& relative, const std::string& needle) const {
        const std::string text = read(relative);
        const auto found = text.find(needle);
        REQUIRE_MESSAGE(found != std::string::npos, "\"" << needle << "\" is not in " << relative);
        return position_in(text, found + needle.size());
    }

    int line_of(const std::string& relative, const std::string& needle) const {
        return at(relative, needle).line;
    }

    cli::CheckResult check() const { return cli::check_content(root_.string()); }

  private:
    fs::path base_;
    fs::path root_;
};

// The diagnostics with `code`.
inline std::vector<Diagnostic> find(const cli::CheckResult& result, const std::string& code) {
    std::vector<Diagnostic> out;
    std::copy_if(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(out),
                 [&](const Diagnostic& d) { return d.code == code; });
    return out;
}

// The distinct codes of the result, sorted and space-separated ("" when clean).
inline std::string codes(const cli::CheckResult& result) {
    std::set<std::string> unique;
    for (const auto& d : result.diagnostics) {
        unique.insert(d.code);
    }
    std::string out;
    for (const auto& code : unique) {
        out += (out.empty() ? "" : " ") + code;
    }
    return out;
}

// Every diagnostic as `rapportverk check` prints it (English), for failure messages.
inline std::string describe(const cli::CheckResult& result) {
    std::string out = "diagnostics:";
    for (const auto& d : result.diagnostics) {
        out += "\n  " + messages::format(d, "en");
    }
    return out;
}

inline const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
        case Severity::fatal:
            return "fatal";
    }
    return "?";
}

// Checks that exactly one diagnostic has `code`, with this severity, file and line (and
// column, unless it is -1), and returns it for checks of its arguments.
inline Diagnostic expect_one(const cli::CheckResult& result, const std::string& code,
                             Severity severity, const std::string& file, int line,
                             int column = -1) {
    INFO(describe(result));
    const auto found = find(result, code);
    REQUIRE_MESSAGE(found.size() == 1, "expected one " << code << ", found " << found.size());
    const Diagnostic& d = found.front();
    CHECK(std::string(severity_name(d.severity)) == severity_name(severity));
    CHECK(d.at.file == file);
    CHECK(d.at.line == line);
    if (column != -1) {
        CHECK(d.at.column == column);
    }
    return d;
}

inline Diagnostic expect_one(const cli::CheckResult& result, const std::string& code,
                             Severity severity, const std::string& file, Position at) {
    return expect_one(result, code, severity, file, at.line, at.column);
}

}  // namespace rv::test
