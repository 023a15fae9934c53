// An interrupted build (Ctrl-C, SIGTERM) leaves the previous site whole and removes its
// half-written files; a build that died earlier leaves no staging folder behind for long.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Folder {
    fs::path path;
    Folder() {
        path = fs::temp_directory_path() /
               ("rv-interrupt-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        fs::create_directories(path);
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Runs the real program; returns its exit status (or -1 when a signal ended it).
int run_build(const fs::path& content, const fs::path& out, const std::string& fault) {
    const std::string command =
        (fault.empty() ? std::string() : "RV_FAULT_INTERRUPT=" + fault + " ") +
        RV_BINARY " build '" + content.string() + "' --out '" + out.string() + "' >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string listing(const fs::path& dir) {
    std::string out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        out += entry.path().lexically_relative(dir).generic_string() + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("interrupt: a build stopped by SIGTERM at any stage leaves the old site whole") {
    const Folder folder;
    const fs::path site = folder.path / "site";
    REQUIRE(run_build(RV_SOURCE_DIR "/examples/minimal", site, "") == 0);
    const std::string before = listing(site);
    REQUIRE(before.find("eksempeltjeneste/2023/index.html") != std::string::npos);
    for (const std::string stage : {"pdf", "html", "files"}) {
        CAPTURE(stage);
        // The bundled content would replace the example's pages, had the build finished.
        CHECK(run_build(RV_SOURCE_DIR "/content", site, stage) == 128 + 15);
        CHECK(listing(site) == before);
        for (const auto& entry : fs::directory_iterator(folder.path)) {
            CHECK(entry.path().filename() == "site");  // no staging folder left
        }
    }
}

TEST_CASE("interrupt: a staging folder of a build that died is removed by the next build") {
    const Folder folder;
    const fs::path site = folder.path / "site";
    // A process id far above any live one: the build that left this is gone.
    const fs::path abandoned = folder.path / ".site.staging-2147483000";
    fs::create_directories(abandoned / "bensarkom");
    std::ofstream(abandoned / "index.html") << "half";
    REQUIRE(run_build(RV_SOURCE_DIR "/examples/minimal", site, "") == 0);
    CHECK_FALSE(fs::exists(abandoned));
    CHECK(fs::exists(site / "index.html"));
}
