#include "render/pdf/pdf_output.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>

#include "render/pdf/document_layout.hpp"
#include "render/pdf/pdf_writer.hpp"

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

PdfFile volume_pdf(const model::Content& content, int year, long long date) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_volume(content, year, fonts, date);
    if (doc.pages.empty()) {
        return {};
    }
    return {write_pdf(doc, fonts), doc.warnings};
}

namespace {

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    errno = 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {  // errno says why: "No space left on device", "File too large", …
        throw std::filesystem::filesystem_error(
            "cannot write", path,
            std::error_code(errno != 0 ? errno : EIO, std::generic_category()));
    }
}

void note(std::vector<std::string>& out, const std::filesystem::path& path, const PdfFile& file) {
    if (file.warnings.empty()) {
        return;
    }
    std::string line = path.generic_string() + ":";
    for (const auto& w : file.warnings) {
        line += " " + w;
    }
    out.push_back(line);
}

}  // namespace

std::vector<std::string> write_site_pdfs(const model::Content& content,
                                         const std::filesystem::path& site, long long date) {
    std::vector<std::string> warnings;
    std::set<int> years;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            if (!report.data_loaded) {
                continue;
            }
            years.insert(report.folder_year);
            const auto path =
                site / service.slug / std::to_string(report.folder_year) / "rapport.pdf";
            const PdfFile file = report_pdf(content, service, report, date);
            write_bytes(path, file.bytes);
            note(warnings, path, file);
        }
    }
    for (int year : years) {
        const auto path = site / ("arsrapporter-" + std::to_string(year) + ".pdf");
        const PdfFile file = volume_pdf(content, year, date);
        if (!file.bytes.empty()) {
            write_bytes(path, file.bytes);
            note(warnings, path, file);
        }
    }
    return warnings;
}

}  // namespace rv::pdf
