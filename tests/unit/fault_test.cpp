// Faults during a build (issue 7, item 3): a full disk, a read-only file system, a file
// removed while the build runs, SIGINT and SIGTERM from outside. Each time the previous site
// stays whole and byte for byte as it was, no staging folder is left, and the exit code and
// message (nb and en, from the catalogue) say what happened.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "messages/catalog.hpp"
#include "site_files_fixture.hpp"

namespace fs = std::filesystem;
using namespace rv::test;

namespace {

CliRun build_in_process(const TempContent& content, const fs::path& out,
                        const std::string& language) {
    return run_cli({"build", content.path().string(), "--out", out.string(), "--lang", language});
}

// Runs the real program through the shell (`prefix` may set limits or the environment);
// returns its exit code, or 1000 + the signal that ended it, with what it printed.
CliRun run_binary(const std::string& prefix, const std::vector<std::string>& args,
                  const fs::path& scratch) {
    std::string command = prefix + " exec " RV_BINARY;
    for (const auto& arg : args) {
        command += " '" + arg + "'";
    }
    const fs::path out = scratch / "stdout.txt";
    const fs::path err = scratch / "stderr.txt";
    const std::string shell =
        "sh -c \"" + command + "\" >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(shell.c_str());
    CliRun result;
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
    result.out = read_file(out);
    result.err = read_file(err);
    fs::remove(out);
    fs::remove(err);
    return result;
}

// A tmpfs mounted for one test (root only, and only where mounting is allowed).
class TmpfsMount {
  public:
    TmpfsMount(const fs::path& where, std::size_t bytes) : where_(where) {
        fs::create_directories(where_);
        const std::string options = "size=" + std::to_string(bytes);
        mounted_ =
            ::geteuid() == 0 && ::mount("tmpfs", where_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~TmpfsMount() {
        if (mounted_) {
            ::umount2(where_.c_str(), MNT_DETACH);
        }
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;

    bool mounted() const { return mounted_; }
    bool remount_read_only() const {
        return ::mount("tmpfs", where_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }

  private:
    fs::path where_;
    bool mounted_ = false;
};

// The room a folder takes on a tmpfs: whole 4 KiB pages per file.
std::size_t pages_of(const fs::path& dir) {
    std::size_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            bytes += (entry.file_size() + 4095) / 4096 * 4096;
        }
    }
    return bytes;
}

// The finished message of the catalogue with its arguments, to find in what was printed.
std::string message(const std::string& key, const std::string& language,
                    const std::vector<std::string>& args) {
    return rv::messages::text(key, language, args);
}

}  // namespace

TEST_CASE("fault: a write that fails for want of room (file size limit) keeps the old site") {
    const TempContent content;
    const fs::path site = content.site();
    REQUIRE(build_in_process(content, site, "nb").code == 0);
    const auto before = snapshot(site);
    content.replace(section("kort-fortalt"), "", "Ny tekst som ville ha endret siden.\n\n");
    // RLIMIT_FSIZE in the child: no file may grow past 16 KiB, and the write fails (EFBIG)
    // instead of killing the process, as a full disk fails it (ENOSPC).
    for (const std::string language : {"nb", "en"}) {
        CAPTURE(language);
        const CliRun run = run_binary(
            "trap '' XFSZ; ulimit -f 16;",
            {"build", content.path().string(), "--out", site.string(), "--lang", language},
            content.base());
        INFO(run.out << run.err);
        CHECK(run.code == 1);
        CHECK(contains(run.err, "File too large"));  // strerror: English in both
        CHECK(contains(run.err, language == "en" ? site.string() + " is unchanged."
                                                 : site.string() + " er ikke endret."));
        CHECK(snapshot(site) == before);
        CHECK(names_in(content.base()) == std::set<std::string>{"content", "site"});
    }
}

TEST_CASE("fault: a full disk (a small tmpfs) during the build keeps the old site") {
    const TempContent content;
    const fs::path probe = content.base() / "probe";
    REQUIRE(build_in_process(content, probe, "nb").code == 0);
    // Room for the site once and a half: the first build fits, the second (which writes the
    // new site beside the old one) runs out of space half-way.
    const std::size_t room = pages_of(probe) * 3 / 2;
    fs::remove_all(probe);
    const TmpfsMount disk(content.base() / "disk", room);
    if (!disk.mounted()) {
        MESSAGE(
            "skipped: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the file "
            "size limit test covers the same path");
        return;
    }
    const fs::path site = content.base() / "disk" / "site";
    REQUIRE(build_in_process(content, site, "nb").code == 0);
    const auto before = snapshot(site);
    for (const std::string language : {"nb", "en"}) {
        CAPTURE(language);
        const CliRun run = build_in_process(content, site, language);
        INFO(run.out << run.err);
        CHECK(run.code == 1);
        CHECK(contains(run.err, "No space left on device"));
        CHECK(contains(run.err, language == "en" ? "Could not write" : "Kunne ikke skrive"));
        CHECK(snapshot(site) == before);
        CHECK(names_in(content.base() / "disk") == std::set<std::string>{"site"});
    }
}

TEST_CASE("fault: a read-only file system under the output keeps the old site") {
    // root writes into read-only folders (build_test covers them for other users); a file
    // system mounted read-only stops root too.
    const TempContent content;
    const TmpfsMount disk(content.base() / "disk", 64u << 20);
    if (!disk.mounted()) {
        MESSAGE("skipped: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)");
        return;
    }
    const fs::path site = content.base() / "disk" / "site";
    REQUIRE(build_in_process(content, site, "nb").code == 0);
    const auto before = snapshot(site);
    REQUIRE(disk.remount_read_only());
    for (const std::string language : {"nb", "en"}) {
        CAPTURE(language);
        const CliRun run = build_in_process(content, site, language);
        INFO(run.out << run.err);
        CHECK(run.code == 1);
        CHECK(contains(run.err, "Read-only file system"));
        CHECK(contains(run.err, language == "en" ? "Could not write" : "Kunne ikke skrive"));
        CHECK(snapshot(site) == before);
        CHECK(names_in(content.base() / "disk") == std::set<std::string>{"site"});
    }
}

TEST_CASE("fault: a file removed during the build stops it with a message; the old site stays") {
    const TempContent content;
    content.write(std::string(kReportDir) + "/vedlegg.txt", "Et vedlegg.\n");
    const fs::path site = content.site();
    REQUIRE(build_in_process(content, site, "nb").code == 0);
    REQUIRE(fs::exists(site / "eksempeltjeneste" / "2023" / "vedlegg.txt"));
    const auto before = snapshot(site);
    const std::string removed = content.file(std::string(kReportDir) + "/vedlegg.txt");
    for (const std::string language : {"nb", "en"}) {
        CAPTURE(language);
        content.write(std::string(kReportDir) + "/vedlegg.txt", "Et vedlegg.\n");
        // After the pages are written, before the report's files are copied.
        ::setenv("RV_FAULT_REMOVE", ("html:" + removed).c_str(), 1);
        const CliRun run = build_in_process(content, site, language);
        ::unsetenv("RV_FAULT_REMOVE");
        INFO(run.out << run.err);
        CHECK(run.code == 1);
        CHECK_FALSE(fs::exists(removed));
        CHECK(contains(run.err, message("cli.build_failed_read", language,
                                        {removed, "No such file or directory", site.string()})));
        CHECK(snapshot(site) == before);
        CHECK(names_in(content.base()) == std::set<std::string>{"content", "site"});
    }
    CHECK(message("cli.build_failed_read", "en", {"a", "b", "c"}) ==
          "Could not read a: b. The file was moved or deleted during the build; c is unchanged. "
          "Build again.");

    SUBCASE("a section removed after it was read: the build uses the text as it was read") {
        ::setenv("RV_FAULT_REMOVE", ("pdf:" + content.file(section("kort-fortalt"))).c_str(), 1);
        const CliRun run = build_in_process(content, site, "en");
        ::unsetenv("RV_FAULT_REMOVE");
        INFO(run.out << run.err);
        CHECK(run.code == 0);
        CHECK_FALSE(fs::exists(content.file(section("kort-fortalt"))));
        CHECK(contains(read_file(content.page()), "Eksempeltjenesten opererer voksne"));
    }
}

TEST_CASE("fault: SIGINT at each stage ends the build with 130 and a message in nb and en") {
    const TempContent content;
    const fs::path site = content.site();
    REQUIRE(build_in_process(content, site, "nb").code == 0);
    const auto before = snapshot(site);
    content.replace(section("kort-fortalt"), "", "Ny tekst.\n\n");
    for (const std::string stage : {"pdf", "html", "files"}) {
        for (const std::string language : {"nb", "en"}) {
            CAPTURE(stage);
            CAPTURE(language);
            ::setenv("RV_FAULT_INTERRUPT", (stage + ":INT").c_str(), 1);
            const CliRun run = build_in_process(content, site, language);
            ::unsetenv("RV_FAULT_INTERRUPT");
            CHECK(run.code == 128 + SIGINT);
            CHECK(contains(run.err, message("cli.build_interrupted", language, {site.string()})));
            CHECK(snapshot(site) == before);
            CHECK(names_in(content.base()) == std::set<std::string>{"content", "site"});
        }
    }
}

TEST_CASE("fault: SIGINT and SIGTERM sent from outside while the build writes") {
    const TempContent content;
    const fs::path site = content.base() / "site";
    // The bundled content: enough reports that the build runs for a while.
    const fs::path tree = fs::path(RV_SOURCE_DIR) / "content";
    REQUIRE(run_cli({"build", content.path().string(), "--out", site.string()}).code == 0);
    const auto before = snapshot(site);
    for (const int signal : {SIGINT, SIGTERM}) {
        CAPTURE(signal);
        std::fflush(stdout);  // the child must not print what the parent buffered
        std::fflush(stderr);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            const std::string out = site.string();
            const std::string lang = "en";
            ::freopen("/dev/null", "w", stdout);
            ::freopen("/dev/null", "w", stderr);
            ::execl(RV_BINARY, RV_BINARY, "build", tree.c_str(), "--out", out.c_str(), "--lang",
                    lang.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Wait until the staging folder is there: the new site is being written.
        const fs::path staging =
            content.base() / (".site.staging-" + std::to_string(static_cast<long>(child)));
        bool seen = false;
        for (int waited = 0; waited < 120000 && !seen; waited += 2) {
            seen = fs::exists(staging);
            if (!seen) {
                ::usleep(2000);
            }
        }
        REQUIRE_MESSAGE(seen, "the build never started writing");
        ::kill(child, signal);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        if (WIFEXITED(status)) {
            CHECK(WEXITSTATUS(status) == 128 + signal);
            CHECK(snapshot(site) == before);
        } else {
            // Only when the signal came after the last stage: the new site is then whole.
            REQUIRE(WIFSIGNALED(status));
            CHECK(fs::exists(site / "bensarkom" / "2023" / "index.html"));
        }
        CHECK(names_in(content.base()) == std::set<std::string>{"content", "site"});
    }
}
