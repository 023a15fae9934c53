#include "cli/interrupt.hpp"

#include <signal.h>

#include <cstdlib>
#include <ctime>

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
    if (const char* fault = std::getenv("RV_FAULT_INTERRUPT"); fault && stage == fault) {
        raise(SIGTERM);
    }
    const timespec no_wait{0, 0};
    const int signal = sigtimedwait(&state_->held, nullptr, &no_wait);
    if (signal > 0) {
        throw Interrupted{signal};
    }
}

}  // namespace rv::cli
