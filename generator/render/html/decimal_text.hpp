#pragma once
// Numbers with at most one decimal (the coordinates of the SVG charts), written as printf's
// "%.1f" writes them but without printf: std::to_chars rounds exactly as printf does, at a
// tenth of the cost, and the charts write thousands of coordinates.
#include <string>

namespace rv::render {

// `value` as snprintf(buffer, 32, "%.1f") writes it, with a trailing ".0" left out and "-0"
// written "0": "12", "12.5", "-3.2", "0".
void append_one_decimal(std::string& out, double value);
std::string one_decimal(double value);

}  // namespace rv::render
