#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "messages/catalog.hpp"
#include "messages/formatting.hpp"

namespace rv::cli {

namespace {

constexpr auto redraw_every = std::chrono::milliseconds(100);

}  // namespace

Progress::Progress(std::ostream& err, bool show, std::string language, std::size_t total)
    : err_(err),
      show_(show && total > 0),
      language_(std::move(language)),
      total_(total),
      start_(std::chrono::steady_clock::now()),
      last_drawn_(start_) {}

Progress::~Progress() {
    if (drawn_) {
        err_ << "\r\x1b[K" << std::flush;
    }
}

bool Progress::wanted(const std::ostream& err) {
    const char* term = std::getenv("TERM");
    return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1 && std::getenv("CI") == nullptr &&
           !(term != nullptr && std::strcmp(term, "dumb") == 0);
}

void Progress::step() {
    const std::size_t done = ++done_;
    if (!show_) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    const std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock() || now - last_drawn_ < redraw_every) {
        return;  // another thread draws, or it drew a moment ago
    }
    last_drawn_ = now;
    drawn_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    err_ << '\r'
         << messages::text("cli.progress", language_,
                           {std::to_string(done), std::to_string(total_),
                            messages::format_decimal(seconds, 1)})
         << "\x1b[K" << std::flush;
}

}  // namespace rv::cli
