// PDF benchmark: per report of a content folder, and for a report padded to at least
// 14 pages, the time to lay out and write the PDF (best of N runs, one thread) and its
// size. Fonts are loaded once per process, before the timing (reported separately).
//   rv_pdf_bench <content-dir> [runs] [padded.pdf]   (the last: where to write the padded PDF)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "cli/commands.hpp"
#include "render/pdf/document_layout.hpp"
#include "render/pdf/hyphenation.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Figures {
    int pages = 0;
    double layout_ms = 1e9;
    double write_ms = 1e9;
    std::size_t bytes = 0;
};

Figures measure(const rv::model::Content& content, const rv::model::Service& service,
                const rv::model::Report& report, int runs) {
    const auto& fonts = rv::pdf::FontSet::shared();
    Figures f;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        const auto doc = rv::pdf::layout_report(content, service, report, fonts, 1700000000);
        f.layout_ms = std::min(f.layout_ms, ms_since(start));
        start = Clock::now();
        const std::string bytes = rv::pdf::write_pdf(doc, fonts);
        f.write_ms = std::min(f.write_ms, ms_since(start));
        f.pages = static_cast<int>(doc.pages.size());
        f.bytes = bytes.size();
    }
    return f;
}

void print(const std::string& name, const Figures& f) {
    std::printf("%-48s %3d pages  layout %6.2f ms  write %6.2f ms  total %6.2f ms  %6.1f KB\n",
                name.c_str(), f.pages, f.layout_ms, f.write_ms, f.layout_ms + f.write_ms,
                static_cast<double>(f.bytes) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: rv_pdf_bench <content-dir> [runs]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
    auto start = Clock::now();
    rv::pdf::FontSet::shared();
    rv::pdf::Hyphenator::shared("nb");
    std::printf("fonts and hyphenation patterns, once per process: %.2f ms\n", ms_since(start));
    rv::cli::CheckResult checked = rv::cli::check_content(argv[1]);
    if (!checked.usable) {
        std::fprintf(stderr, "the content cannot be loaded\n");
        return 1;
    }
    auto& content = checked.content;
    const rv::model::Service* largest = nullptr;
    const rv::model::Report* largest_report = nullptr;
    int most = 0;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            const Figures f = measure(content, service, report, runs);
            print(service.slug + "/" + std::to_string(report.folder_year), f);
            if (f.pages > most) {
                most = f.pages;
                largest = &service;
                largest_report = &report;
            }
        }
    }
    if (!largest) {
        return 0;
    }
    // The largest report, its sections repeated until it has at least 14 pages.
    rv::model::Report padded = *largest_report;
    Figures f = measure(content, *largest, padded, 1);
    for (int round = 0; round < 20 && f.pages < 14; ++round) {
        for (std::size_t s = 0; s < padded.sections.size(); ++s) {
            auto& doc = padded.sections[s].document.children;
            const auto& original = largest_report->sections[s].document.children;
            doc.insert(doc.end(), original.begin(), original.end());
        }
        f = measure(content, *largest, padded, 1);
    }
    print(largest->slug + " padded", measure(content, *largest, padded, runs));
    if (argc > 3) {
        const auto& fonts = rv::pdf::FontSet::shared();
        const auto doc = rv::pdf::layout_report(content, *largest, padded, fonts, 1700000000);
        std::ofstream(argv[3], std::ios::binary) << rv::pdf::write_pdf(doc, fonts);
    }
    return 0;
}
