#pragma once
// Ctrl-C and SIGTERM during a build: the signals are held while the new output is written,
// and looked at between stages, so an interrupted build removes its staging folder and
// leaves the previous output whole instead of dying half-way.
#include <string>

namespace rv::cli {

struct Interrupted {
    int signal = 0;
};

class InterruptGuard {
  public:
    InterruptGuard();   // holds SIGINT and SIGTERM
    ~InterruptGuard();  // lets them through again
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // Throws Interrupted when a held signal arrived (taking it, so it does not kill the
    // process afterwards). `stage` names the point, for fault-injection tests: when the
    // environment variable RV_FAULT_INTERRUPT equals it, a SIGTERM is raised here first
    // ("stage:INT": a SIGINT); RV_FAULT_REMOVE=stage:path deletes that file here.
    void checkpoint(const std::string& stage) const;

  private:
    struct State;
    State* state_;
};

}  // namespace rv::cli
