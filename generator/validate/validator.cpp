#include "validate/validator.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "validate/checks.hpp"
#include "validate/suggest.hpp"

namespace rv::validate {

namespace {

using model::Severity;

constexpr int max_description_words = 100;

int count_words(const std::string& text) {
    std::istringstream in(text);
    int words = 0;
    std::string word;
    while (in >> word) {
        ++words;
    }
    return words;
}

bool not_reported(const model::Service& service, const std::string& key) {
    return std::any_of(service.not_reported.begin(), service.not_reported.end(),
                       [&](const auto& entry) { return entry.key == key; });
}

void check_forms(const model::Content& content, model::Diagnostics& out) {
    std::map<std::string, std::string> form_of_type;
    for (const auto& form : content.forms) {
        const auto at = [&](const std::string& pointer) {
            return model::locate(form.file, form.positions, pointer);
        };
        for (std::size_t i = 0; i < form.applies_to.size(); ++i) {
            const std::string& type = form.applies_to[i];
            const auto [it, inserted] = form_of_type.emplace(type, form.id);
            if (!inserted && it->second != form.id) {  // a repeat in one form is RV108
                out.push_back({"RV060",
                               Severity::error,
                               at("/applies_to/" + std::to_string(i)),
                               {type, it->second, form.id}});
            }
        }
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < form.sections.size(); ++i) {
            const std::string& id = form.sections[i].id;
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
                out.push_back({"RV061",
                               Severity::error,
                               at("/sections/" + std::to_string(i) + "/id"),
                               {id, form.id}});
            }
            seen.push_back(id);
        }
    }
}

void check_service(const model::Content& content, const model::Service& service,
                   model::Diagnostics& out) {
    if (!service.data_loaded) {
        return;
    }
    const auto at = [&](const std::string& pointer) {
        return model::locate(service.file, service.positions, pointer);
    };
    if (!service.id.empty() && service.id != service.slug) {
        out.push_back({"RV020", Severity::error, at("/id"), {service.id, service.slug}});
    }
    if (!service.type.empty() && !content.form_for(service.type)) {
        out.push_back({"RV046", Severity::error, at("/type"), {service.type}});
    }
    bool responsible_hosts = false;
    for (const auto& host : service.hosts) {
        check_region(content, host.region, host.region_at, out);
        responsible_hosts = responsible_hosts || host.region == service.responsible_region;
    }
    if (!service.responsible_region.empty()) {
        check_region(content, service.responsible_region, at("/responsible_region"), out);
        if (!responsible_hosts && !service.hosts.empty()) {
            out.push_back({"RV045",
                           Severity::error,
                           at("/responsible_region"),
                           {service.responsible_region}});
        }
    }
    for (const auto& [language, text] :
         {std::pair{"nb", &service.description.nb}, std::pair{"nn", &service.description.nn},
          std::pair{"en", &service.description.en}}) {
        const int words = count_words(*text);
        if (words > max_description_words) {
            out.push_back({"RV047",
                           Severity::warning,
                           at(std::string("/description/") + language),
                           {std::to_string(words), std::to_string(max_description_words)}});
        }
    }
    if (service.type == "nasjonal-kompetansetjeneste" && !service.competence &&
        !not_reported(service, "competence")) {
        out.push_back({"RV048", Severity::error, at(""), {}});
    }
    if (service.competence && service.competence->term_years != 0) {
        const int expected = service.competence->function == "opplaering" ? 5 : 10;
        if (service.competence->term_years != expected) {
            out.push_back({"RV049",
                           Severity::error,
                           at("/competence/term_years"),
                           {std::to_string(service.competence->term_years),
                            service.competence->function, std::to_string(expected)}});
        }
    }
}

}  // namespace

// A reviewer's text must belong to a service: one for a misspelt slug would never be shown.
void check_reviews(const model::Content& content, model::Diagnostics& out) {
    std::vector<std::string> slugs;
    for (const auto& service : content.services) {
        slugs.push_back(service.slug);
    }
    for (const auto& review : content.reviews) {
        if (!content.find_service(review.service)) {
            out.push_back({"RV080",
                           Severity::warning,
                           {review.text.file, 0, 0},
                           {review.service, closest(review.service, slugs)}});
        }
    }
}

model::Diagnostics validate_shared(const model::Content& content) {
    model::Diagnostics out;
    check_forms(content, out);
    check_reviews(content, out);
    check_themes(content, out);
    for (const auto& service : content.services) {
        check_service(content, service, out);
    }
    return out;
}

model::Diagnostics validate_report(const model::Content& content, const model::Service& service,
                                   const model::Report& report) {
    model::Diagnostics out;
    check_report(content, service, report, out);
    return out;
}

model::Diagnostics validate(const model::Content& content) {
    model::Diagnostics out = validate_shared(content);
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            check_report(content, service, report, out);
        }
    }
    return out;
}

}  // namespace rv::validate
