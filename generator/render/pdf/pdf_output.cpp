#include "render/pdf/pdf_output.hpp"

#include <cstdlib>
#include <ctime>

#include "render/pdf/document_layout.hpp"
#include "render/pdf/pdf_writer.hpp"
#include "render/staging.hpp"

namespace rv::pdf {

long long build_date() {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long value = std::strtoll(env, &end, 10);
        if (end != env && *end == '\0' && value >= 0 && value < 253402300800LL) {
            return value;
        }
    }
    const long long now = static_cast<long long>(std::time(nullptr));
    return now - now % 86400;
}

PdfFile report_pdf(const model::Content& content, const model::Service& service,
                   const model::Report& report, long long date) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_report(content, service, report, fonts, date);
    return {write_pdf(doc, fonts), doc.warnings};
}

PdfFile volume_pdf(const model::Content& content, int year, long long date,
                   const SectionReader& read_sections) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_volume(content, year, fonts, date, read_sections);
    if (doc.pages.empty()) {
        return {};
    }
    return {write_pdf(doc, fonts), doc.warnings};
}

std::string report_pdf_path(const model::Service& service, const model::Report& report) {
    return service.slug + "/" + std::to_string(report.folder_year) + "/rapport.pdf";
}

std::string volume_pdf_path(int year) {
    return "arsrapporter-" + std::to_string(year) + ".pdf";
}

std::string write_pdf_file(const std::filesystem::path& path, const PdfFile& file) {
    render::write_file(path, file.bytes);
    std::string missing;
    for (const auto& w : file.warnings) {
        missing += (missing.empty() ? "" : " ") + w;
    }
    return missing;
}

}  // namespace rv::pdf
