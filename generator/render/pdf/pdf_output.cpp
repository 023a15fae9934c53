#include "render/pdf/pdf_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

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

PdfFile volume_pdf(const model::Content& content, int year, long long date,
                   const SectionReader& read_sections) {
    const FontSet& fonts = FontSet::shared();
    const Document doc = layout_volume(content, year, fonts, date, read_sections);
    if (doc.pages.empty()) {
        return {};
    }
    return {write_pdf(doc, fonts), doc.warnings};
}

namespace {

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    // Written beside and renamed into place: never half a file for a reader, and never
    // written through a hard link to the previous site.
    std::filesystem::path fresh = path;
    fresh += ".rv-new";
    errno = 0;
    std::ofstream out(fresh, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out || ::rename(fresh.c_str(), path.c_str()) != 0) {
        // errno says why: "No space left on device", "File too large", …
        const std::error_code why(errno != 0 ? errno : EIO, std::generic_category());
        ::unlink(fresh.c_str());
        throw std::filesystem::filesystem_error("cannot write", path, why);
    }
}

}  // namespace

std::string report_pdf_path(const model::Service& service, const model::Report& report) {
    return service.slug + "/" + std::to_string(report.folder_year) + "/rapport.pdf";
}

std::string volume_pdf_path(int year) {
    return "arsrapporter-" + std::to_string(year) + ".pdf";
}

std::string write_pdf_file(const std::filesystem::path& path, const PdfFile& file) {
    write_bytes(path, file.bytes);
    std::string missing;
    for (const auto& w : file.warnings) {
        missing += (missing.empty() ? "" : " ") + w;
    }
    return missing;
}

}  // namespace rv::pdf
