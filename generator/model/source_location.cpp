#include "model/source_location.hpp"

namespace rv::model {

SourceLocation locate(const std::string& file, const PositionMap& positions, std::string pointer) {
    while (true) {
        auto found = positions.find(pointer);
        if (found != positions.end()) {
            return {file, found->second.line, found->second.column};
        }
        if (pointer.empty()) {
            return {file, 1, 1};
        }
        pointer.erase(pointer.rfind('/'));
    }
}

}  // namespace rv::model
