// rapportverk: checks the yearly reports of Norway's national services and builds the site.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return rv::cli::run(args, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "rapportverk: internal error: " << e.what() << '\n';
        return 3;
    }
}
