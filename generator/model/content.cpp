#include "model/content.hpp"

#include <algorithm>

namespace rv::model {

const std::string& LocalizedText::in(const std::string& language) const {
    if (language == "en" && !en.empty()) {
        return en;
    }
    if (language == "nn" && !nn.empty()) {
        return nn;
    }
    if (!nb.empty()) {
        return nb;
    }
    return !nn.empty() ? nn : en;
}

bool Requirement::applies_to(const std::string& service_type) const {
    return all || std::find(types.begin(), types.end(), service_type) != types.end();
}

namespace {
bool within(int year, int from_year, int to_year) {
    return (from_year == 0 || year >= from_year) && (to_year == 0 || year <= to_year);
}

template <typename T>
const T* find_by(const std::vector<T>& items, const std::string& key, std::string T::*member) {
    for (const auto& item : items) {
        if (item.*member == key) {
            return &item;
        }
    }
    return nullptr;
}
}  // namespace

bool FormSection::in_year(int year) const {
    return within(year, from_year, to_year);
}

bool FormSection::required_for(const std::string& service_type, int year) const {
    return in_year(year) && required.applies_to(service_type);
}

bool FormField::in_year(int year) const {
    return within(year, from_year, to_year);
}

bool FormField::required_for(const std::string& service_type, int year) const {
    return in_year(year) && required.applies_to(service_type);
}

const FormSection* Form::find_section(const std::string& section_id) const {
    return find_by(sections, section_id, &FormSection::id);
}

const FormField* Form::find_field(const std::string& path) const {
    return find_by(fields, path, &FormField::path);
}

std::string Form::title_of(const std::string& key, const std::string& language) const {
    if (const auto* section = find_section(key)) {
        return section->title.in(language);
    }
    if (const auto* field = find_field(key)) {
        return field->title.in(language);
    }
    return key;
}

const Section* Report::find_section(const std::string& section_id) const {
    return find_by(sections, section_id, &Section::id);
}

const NotReported* Report::find_not_reported(const std::string& key) const {
    return find_by(not_reported, key, &NotReported::key);
}

std::optional<double> count_for(const std::vector<RegionCount>& counts, const std::string& region) {
    for (const auto& c : counts) {
        if (c.region == region) {
            return c.count.value;
        }
    }
    return std::nullopt;
}

bool is_source_file(const std::string& path) {
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
        return false;
    }
    const std::string extension = path.substr(dot);
    return extension == ".md" || extension == ".json";
}

const Region* Content::find_region(const std::string& region_id) const {
    return find_by(regions, region_id, &Region::id);
}

const Form* Content::form_for(const std::string& service_type) const {
    for (const auto& form : forms) {
        if (std::find(form.applies_to.begin(), form.applies_to.end(), service_type) !=
            form.applies_to.end()) {
            return &form;
        }
    }
    return nullptr;
}

const Service* Content::find_service(const std::string& slug) const {
    return find_by(services, slug, &Service::slug);
}

const ReviewText* Content::find_review(int year, const std::string& slug) const {
    for (const auto& review : reviews) {
        if (review.year == year && review.service == slug) {
            return &review;
        }
    }
    return nullptr;
}

}  // namespace rv::model
