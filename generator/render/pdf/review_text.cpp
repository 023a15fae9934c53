#include "render/pdf/review_text.hpp"

#include <cstdio>
#include <filesystem>

#include "messages/catalog.hpp"
#include "messages/formatting.hpp"

namespace rv::pdf {

std::string number_text(double value, int decimals, const std::string& language) {
    if (language == "en") {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
        return buffer;
    }
    return decimals == 0 ? messages::format_count(value)
                         : messages::format_decimal(value, decimals);
}

std::string percent_text(double share, const std::string& language) {
    const std::string number = number_text(share * 100, 1, language);
    return language == "en" ? number + "%" : number + "\u00a0%";
}

std::string evidence_text(const analyse::Evidence& evidence, const std::string& language) {
    std::vector<std::string> args;
    for (const auto& arg : evidence.args) {
        args.push_back(arg.number ? number_text(*arg.number, arg.decimals, language) : arg.text);
    }
    return messages::text(evidence.key, language, args);
}

std::string evidence_source(const analyse::Evidence& evidence, const std::string& content_root,
                            const std::string& language) {
    if (evidence.at.file.empty()) {
        return {};
    }
    namespace fs = std::filesystem;
    std::string file = evidence.at.file;
    if (!content_root.empty()) {
        const std::string relative =
            fs::path(file).lexically_relative(fs::path(content_root)).generic_string();
        if (!relative.empty() && relative.rfind("..", 0) != 0) {
            file = relative;
        }
    }
    if (evidence.at.line <= 0) {
        return file;
    }
    return messages::text("review.evidence_at", language, {file, std::to_string(evidence.at.line)});
}

const model::Criterion* find_criterion(const model::Content& content, const std::string& id) {
    for (const auto& criterion : content.criteria) {
        if (criterion.id == id) {
            return &criterion;
        }
    }
    return nullptr;
}

std::string criterion_title(const model::Content& content, const std::string& id,
                            const std::string& language) {
    const model::Criterion* criterion = find_criterion(content, id);
    return criterion ? criterion->title.in(language) : id;
}

std::string outcome_text(analyse::Outcome outcome, const std::string& language) {
    return messages::text(std::string("finding.") + analyse::outcome_name(outcome), language);
}

}  // namespace rv::pdf
