#include "cli/phase_times.hpp"

#include <cstdio>
#include <cstdlib>

namespace rv::cli {

namespace {

// The process's peak resident memory so far (VmHWM), in MB.
long peak_megabytes() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    long kilobytes = 0;
    if (status != nullptr) {
        char line[256];
        while (std::fgets(line, sizeof line, status) != nullptr) {
            if (std::sscanf(line, "VmHWM: %ld kB", &kilobytes) == 1) {
                break;
            }
        }
        std::fclose(status);
    }
    return kilobytes / 1024;
}

}  // namespace

PhaseTimes::PhaseTimes() : on_(std::getenv("RV_TIMING") != nullptr), last_(Clock::now()) {}

PhaseTimes::~PhaseTimes() {
    mark("end");
}

void PhaseTimes::mark(const char* phase) {
    const auto now = Clock::now();
    if (on_) {
        std::fprintf(stderr, "rv-timing %-9s %8.1f ms  peak %6ld MB\n", phase,
                     std::chrono::duration<double, std::milli>(now - last_).count(),
                     peak_megabytes());
    }
    last_ = now;
}

}  // namespace rv::cli
