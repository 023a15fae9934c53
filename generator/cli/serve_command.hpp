#pragma once
// `rapportverk serve [DIR] [--port N] [--out DIR]`: builds the content into a preview folder,
// serves it on 127.0.0.1, rebuilds when a content file changes, reloads the open pages and
// shows the check's messages in them. Ctrl-C or SIGTERM stops it.
#include <ostream>

#include "cli/options.hpp"

namespace rv::cli {

// Returns exit_clean when stopped by a signal, exit_unusable when it cannot start (port
// taken, content folder not watchable, unsafe --out).
int run_serve(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace rv::cli
