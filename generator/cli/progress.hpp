#pragma once
// One line on the terminal while a long build works: "312 av 1200 rapporter · 0,4 s",
// redrawn in place at most ten times a second and cleared at the end. Only on a terminal:
// never in a log, a pipe or CI.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace rv::cli {

class Progress {
  public:
    // Shows nothing unless `show`.
    Progress(std::ostream& err, bool show, std::string language, std::size_t total);
    ~Progress();  // clears the line
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // One more report done. Safe to call from several threads.
    void step();

    // Whether `err` is standard error on a terminal, outside CI (the CI variable unset) and
    // not a dumb terminal: where a line that redraws itself is wanted.
    static bool wanted(const std::ostream& err);

  private:
    std::ostream& err_;
    bool show_;
    std::string language_;
    std::size_t total_;
    std::atomic<std::size_t> done_{0};
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_drawn_;
    std::mutex mutex_;
    bool drawn_ = false;
};

}  // namespace rv::cli
