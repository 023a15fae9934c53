#pragma once
// RV_TIMING=1 prints how long each phase of a build took and the peak memory so far, for
// profiling: "rv-timing reports   1234.5 ms  cpu  2301.0 ms  peak     50 MB" (cpu: user and
// system time of all threads in the phase).
#include <chrono>

namespace rv::cli {

class PhaseTimes {
  public:
    PhaseTimes();
    ~PhaseTimes();
    PhaseTimes(const PhaseTimes&) = delete;
    PhaseTimes& operator=(const PhaseTimes&) = delete;

    // Ends the phase `phase` now (printed when RV_TIMING is set).
    void mark(const char* phase);

  private:
    using Clock = std::chrono::steady_clock;
    bool on_;
    Clock::time_point last_;
    double last_cpu_ms_;
};

}  // namespace rv::cli
