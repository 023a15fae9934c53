#include "analyse/trends.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace rv::analyse {

namespace {

struct Value {
    double value = 0;
    model::SourceLocation at;
    std::optional<double> previous_field;  // activity: previous_year
};

using Reader = std::function<std::optional<Value>(const model::Report&)>;

std::optional<Value> sum_of(const std::vector<model::RegionCount>& counts,
                            const model::SourceLocation& at) {
    if (counts.empty()) {
        return std::nullopt;
    }
    double sum = 0;
    for (const auto& c : counts) {
        sum += c.count.value;
    }
    return Value{sum, at, std::nullopt};
}

std::optional<Value> number(const std::optional<model::Number>& n) {
    if (!n) {
        return std::nullopt;
    }
    return Value{n->value, n->at, std::nullopt};
}

Trend build(const model::Service& service, std::string key, std::string label, std::string unit,
            const Reader& read) {
    Trend trend{std::move(key), std::move(label), std::move(unit), {}, {}};
    const model::Report* last = nullptr;
    std::optional<Value> last_value;
    for (const auto& report : service.reports) {
        if (!report.data_loaded) {
            continue;
        }
        TrendPoint point;
        point.year = report.folder_year;
        const auto value = read(report);
        const bool has_last = last && last->folder_year == report.folder_year - 1;
        if (value) {
            point.value = value->value;
            point.at = value->at;
        }
        if (has_last && last_value) {
            point.previous = last_value->value;
            if (value && value->previous_field &&
                std::fabs(*value->previous_field - last_value->value) > 1e-9) {
                trend.mismatches.push_back(
                    {report.folder_year, *value->previous_field, last_value->value, value->at});
            }
        } else if (value && value->previous_field) {
            point.previous = value->previous_field;
            point.previous_from_field = true;
        }
        if (point.value && point.previous) {
            point.change = *point.value - *point.previous;
            if (*point.previous > 0) {
                point.change_percent = 100.0 * *point.change / *point.previous;
            }
        }
        trend.points.push_back(std::move(point));
        last = &report;
        last_value = value;
    }
    return trend;
}

bool any_value(const Trend& trend) {
    return std::any_of(trend.points.begin(), trend.points.end(),
                       [](const TrendPoint& p) { return p.value.has_value(); });
}

const model::ActivityFigure* activity(const model::Report& report, const std::string& label) {
    for (const auto& figure : report.activity) {
        if (figure.label == label) {
            return &figure;
        }
    }
    return nullptr;
}

}  // namespace

const TrendPoint* Trend::at_year(int year) const {
    for (const auto& point : points) {
        if (point.year == year) {
            return &point;
        }
    }
    return nullptr;
}

std::vector<Trend> trends(const model::Content& content, const model::Service& service) {
    std::vector<Trend> out;
    const auto add = [&](Trend trend) {
        if (any_value(trend)) {
            out.push_back(std::move(trend));
        }
    };
    add(build(service, "patients.new_treated", "", "", [](const model::Report& r) {
        return r.patients ? sum_of(r.patients->new_treated, r.patients->at)
                          : std::optional<Value>{};
    }));
    for (const auto& region : content.regions) {
        add(build(service, "patients.new_treated." + region.id, "", "",
                  [&region](const model::Report& r) -> std::optional<Value> {
                      if (!r.patients || r.patients->new_treated.empty()) {
                          return std::nullopt;
                      }
                      for (const auto& c : r.patients->new_treated) {
                          if (c.region == region.id) {
                              return Value{c.count.value, c.count.at, std::nullopt};
                          }
                      }
                      return Value{0, r.patients->at, std::nullopt};  // left out: none
                  }));
    }
    add(build(service, "patients.total_treated", "", "", [](const model::Report& r) {
        return r.patients ? number(r.patients->total_treated) : std::optional<Value>{};
    }));
    add(build(service, "patients.new_not_treated", "", "", [](const model::Report& r) {
        return r.patients ? sum_of(r.patients->new_not_treated, r.patients->at)
                          : std::optional<Value>{};
    }));
    std::vector<std::string> labels;
    for (const auto& report : service.reports) {
        for (const auto& figure : report.activity) {
            if (std::find(labels.begin(), labels.end(), figure.label) == labels.end()) {
                labels.push_back(figure.label);
            }
        }
    }
    for (const auto& label : labels) {
        std::string unit;
        for (const auto& report : service.reports) {
            if (const auto* figure = activity(report, label); figure && !figure->unit.empty()) {
                unit = figure->unit;
            }
        }
        add(build(service, "activity:" + label, label, unit,
                  [&label](const model::Report& r) -> std::optional<Value> {
                      const auto* figure = activity(r, label);
                      if (!figure) {
                          return std::nullopt;
                      }
                      std::optional<double> previous;
                      if (figure->previous_year) {
                          previous = figure->previous_year->value;
                      }
                      return Value{figure->value.value, figure->value.at, previous};
                  }));
    }
    add(build(service, "staff", "", "", [](const model::Report& r) -> std::optional<Value> {
        double sum = 0;
        bool any = false;
        for (const auto& entry : r.staff) {
            if (entry.count) {
                sum += entry.count->value;
                any = true;
            }
        }
        return any ? std::optional<Value>{Value{sum, r.staff.front().at, std::nullopt}}
                   : std::nullopt;
    }));
    const std::pair<const char*, std::optional<model::Number> model::Research::*> research[] = {
        {"research.publications", &model::Research::publications},
        {"research.theses", &model::Research::theses},
        {"research.projects", &model::Research::projects}};
    for (const auto& [key, member] : research) {
        add(build(service, key, "", "", [member = member](const model::Report& r) {
            return r.research ? number((*r.research).*member) : std::optional<Value>{};
        }));
    }
    add(build(service, "reference_group.meetings", "", "", [](const model::Report& r) {
        return r.reference_group ? number(r.reference_group->meetings) : std::optional<Value>{};
    }));
    return out;
}

}  // namespace rv::analyse
