#pragma once
// Maps parsed service.json and report.json files to the model.
#include "load/loaded_json.hpp"
#include "model/content.hpp"

namespace rv::load {

void read_service(const LoadedJson& json, model::Service& service);
void read_report(const LoadedJson& json, model::Report& report);

}  // namespace rv::load
