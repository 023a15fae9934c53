#include "cli/phase_times.hpp"

#include <sys/resource.h>

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

// User and system time of the whole process so far, in ms.
double cpu_milliseconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& time) {
        return static_cast<double>(time.tv_sec) * 1e3 + static_cast<double>(time.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

}  // namespace

PhaseTimes::PhaseTimes()
    : on_(std::getenv("RV_TIMING") != nullptr),
      last_(Clock::now()),
      last_cpu_ms_(cpu_milliseconds()) {}

PhaseTimes::~PhaseTimes() {
    mark("end");
}

void PhaseTimes::mark(const char* phase) {
    const auto now = Clock::now();
    const double cpu = cpu_milliseconds();
    if (on_) {
        std::fprintf(stderr, "rv-timing %-9s %8.1f ms  cpu %8.1f ms  peak %6ld MB\n", phase,
                     std::chrono::duration<double, std::milli>(now - last_).count(),
                     cpu - last_cpu_ms_, peak_megabytes());
    }
    last_ = now;
    last_cpu_ms_ = cpu;
}

}  // namespace rv::cli
