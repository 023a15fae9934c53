#include "cli/interrupt.hpp"

#include <signal.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace rv::cli {

struct InterruptGuard::State {
    sigset_t held;
    sigset_t previous;
};

InterruptGuard::InterruptGuard() : state_(new State) {
    sigemptyset(&state_->held);
    sigaddset(&state_->held, SIGINT);
    sigaddset(&state_->held, SIGTERM);
    sigprocmask(SIG_BLOCK, &state_->held, &state_->previous);
}

InterruptGuard::~InterruptGuard() {
    sigprocmask(SIG_SETMASK, &state_->previous, nullptr);
    delete state_;
}

void InterruptGuard::checkpoint(const std::string& stage) const {
    if (const char* fault = std::getenv("RV_FAULT_INTERRUPT")) {
        if (stage == fault) {
            raise(SIGTERM);
        } else if (stage + ":INT" == fault) {
            raise(SIGINT);
        }
    }
    // RV_FAULT_REMOVE=stage:path removes a file here, as if someone deleted it mid-build.
    if (const char* fault = std::getenv("RV_FAULT_REMOVE")) {
        const std::string value = fault;
        if (value.rfind(stage + ":", 0) == 0) {
            std::error_code ignored;
            std::filesystem::remove(value.substr(stage.size() + 1), ignored);
        }
    }
    const timespec no_wait{0, 0};
    const int signal = sigtimedwait(&state_->held, nullptr, &no_wait);
    if (signal > 0) {
        throw Interrupted{signal};
    }
}

}  // namespace rv::cli
