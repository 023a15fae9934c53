// Images in report Markdown: the loader reads and checks PNG and JPEG files, the PDF shows
// them scaled into the page as tagged figures with their alternative text (read back with
// poppler and qpdf), and the size of a long report of real content stays within bounds.
#include <doctest/doctest.h>

#include <stdio.h>

#include <array>
#include <cstdio>
#include <regex>
#include <string>

#include <zlib.h>

#include "fixture.hpp"
#include "load/image_reader.hpp"
#include "render/pdf/block_layout.hpp"
#include "render/pdf/document_layout.hpp"
#include "render/pdf/hyphenation.hpp"
#include "render/pdf/pdf_output.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace {

using rv::test::TempContent;
namespace fs = std::filesystem;
using rv::test::shell;

std::string fixture(const std::string& name) {
    return rv::test::read_file(fs::path(RV_SOURCE_DIR) / "tests" / "fixtures" / "images" / name);
}

void chunk(std::string& png, const std::string& type, const std::string& data) {
    auto be32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            png += static_cast<char>((v >> shift) & 0xFF);
        }
    };
    be32(static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    png += body;
    be32(static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

// A grey PNG of `width` × `height` pixels (8 bits), optionally stating its resolution.
std::string grey_png(std::uint32_t width, std::uint32_t height, std::uint32_t pixels_per_metre = 0,
                     int depth = 8, int interlace = 0) {
    std::string raw;
    const std::size_t row = width * static_cast<std::size_t>(depth) / 8;
    for (std::uint32_t y = 0; y < height; ++y) {
        raw += '\0';
        for (std::size_t x = 0; x < row; ++x) {
            raw += static_cast<char>((x + y) & 0xFF);
        }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string packed(size, '\0');
    REQUIRE(compress(reinterpret_cast<Bytef*>(packed.data()), &size,
                     reinterpret_cast<const Bytef*>(raw.data()),
                     static_cast<uLong>(raw.size())) == Z_OK);
    packed.resize(size);
    std::string png = "\x89PNG\r\n\x1A\n";
    std::string header;
    for (std::uint32_t v : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            header += static_cast<char>((v >> shift) & 0xFF);
        }
    }
    header += {static_cast<char>(depth), 0, 0, 0, static_cast<char>(interlace)};
    chunk(png, "IHDR", header);
    if (pixels_per_metre > 0) {
        std::string phys;
        for (int k = 0; k < 2; ++k) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                phys += static_cast<char>((pixels_per_metre >> shift) & 0xFF);
            }
        }
        phys += '\1';
        chunk(png, "pHYs", phys);
    }
    chunk(png, "IDAT", packed);
    chunk(png, "IEND", "");
    return png;
}

// The /BBox numbers of every figure in the structure tree.
std::vector<std::array<double, 4>> figure_boxes(const std::string& tree) {
    std::vector<std::array<double, 4>> out;
    const std::regex box(R"(Figure:\s*/BBox \[(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+)\])");
    for (auto it = std::sregex_iterator(tree.begin(), tree.end(), box);
         it != std::sregex_iterator(); ++it) {
        out.push_back(
            {std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
    }
    return out;
}

}  // namespace

TEST_CASE("images: the loader reads PNG and JPEG sizes and finds what cannot be shown") {
    const auto png = rv::load::read_image(fixture("diagram.png"));
    CHECK(png.problem == "");
    CHECK(png.format == rv::model::ImageFormat::png);
    CHECK(png.width == 160);
    CHECK(png.height == 100);
    const auto jpeg = rv::load::read_image(fixture("foto.jpg"));
    CHECK(jpeg.problem == "");
    CHECK(jpeg.format == rv::model::ImageFormat::jpeg);
    CHECK(jpeg.width == 160);
    CHECK(jpeg.height == 100);
    CHECK(rv::load::read_image(grey_png(300, 20, 11811)).dpi == doctest::Approx(300).epsilon(0.01));

    const std::string whole = fixture("diagram.png");
    CHECK(rv::load::read_image(whole.substr(0, whole.size() - 20)).problem == "image.truncated");
    std::string damaged = whole;
    damaged[45] = static_cast<char>(damaged[45] ^ 0x55);  // inside IDAT: the CRC fails
    CHECK(rv::load::read_image(damaged).problem == "image.damaged");
    const std::string photo = fixture("foto.jpg");
    CHECK(rv::load::read_image(photo.substr(0, photo.size() / 2)).problem == "image.truncated");
    CHECK(rv::load::read_image("GIF89a....").problem == "image.unknown_format");
    CHECK(rv::load::read_image("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").problem ==
          "image.unknown_format");
    CHECK(rv::load::read_image(grey_png(10, 10, 0, 16)).problem == "image.unsupported");
    CHECK(rv::load::read_image(grey_png(10, 10, 0, 8, 1)).problem == "image.unsupported");
    CHECK_FALSE(rv::load::read_image("").usable());
}

TEST_CASE("images: a PNG and a JPEG show in the PDF, scaled into the page, as tagged figures") {
    const TempContent content;
    const std::string dir = rv::test::kReportDir;
    content.write(dir + "/diagram.png", fixture("diagram.png"));
    content.write(dir + "/bilder/foto.jpg", fixture("foto.jpg"));
    content.write(dir + "/bred.png", grey_png(1600, 200));  // wider than the text
    content.write(dir + "/hoy.png", grey_png(200, 4000));   // taller than a page
    content.write(
        rv::test::section("aktivitet"),
        "Aktiviteten økte i 2023.\n\n![Søyler for operasjoner per kvartal](diagram.png)\n\n"
        "Tekst før ![Foto av operasjonsstuen](bilder/foto.jpg) og etter bildet.\n\n"
        "![Bredt bilde](bred.png)\n\n![Høyt bilde](hoy.png)\n");
    const auto checked = content.check();
    INFO(rv::test::describe(checked));
    REQUIRE(checked.diagnostics.empty());
    CHECK(checked.content.services.front().reports.front().images.size() == 4);

    const auto& service = checked.content.services.front();
    const auto pdf =
        rv::pdf::report_pdf(checked.content, service, service.reports.front(), 1700000000);
    const fs::path file = content.base() / "bilder.pdf";
    rv::test::write_file(file, pdf.bytes);

    const std::string check = shell("qpdf --check " + file.string());
    INFO(check);
    CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.find("WARNING") == std::string::npos);

    const std::string list = shell("pdfimages -list " + file.string());
    INFO(list);
    CHECK(std::regex_search(list, std::regex(R"(image\s+160\s+100\s+rgb\s+3\s+8\s+image)")));
    CHECK(std::regex_search(list, std::regex(R"(smask\s+160\s+100\s+gray)")));  // transparency
    CHECK(std::regex_search(list, std::regex(R"(image\s+160\s+100\s+rgb\s+3\s+8\s+jpeg)")));
    CHECK(std::regex_search(list, std::regex(R"(image\s+1600\s+200\s+gray)")));
    CHECK(std::regex_search(list, std::regex(R"(image\s+200\s+4000\s+gray)")));

    const std::string tree = shell("pdfinfo -struct-text " + file.string());
    const auto boxes = figure_boxes(tree);
    REQUIRE(boxes.size() >= 4);  // the four pictures and the bar chart
    for (const auto& [x1, y1, x2, y2] : boxes) {
        CHECK(x1 >= 62 - 0.5);
        CHECK(x2 <= 595.28 - 62 + 0.5);  // within the text width
        CHECK(y1 >= 68 - 0.5);
        CHECK(y2 <= 841.89 - 72 + 0.5);  // within the text frame
        CHECK(x2 > x1);
        CHECK(y2 > y1);
    }
    bool full_width = false;
    for (const auto& box : boxes) {
        full_width = full_width || (box[0] <= 62.5 && box[2] >= 532.5);
    }
    CHECK(full_width);  // the wide picture fills the width

    const std::string qdf = (content.base() / "bilder-qdf.pdf").string();
    shell("qpdf --qdf --object-streams=disable " + file.string() + " " + qdf);
    const std::string objects = rv::test::read_file(qdf);
    for (const char* alt : {"yler for operasjoner per kvartal)", "/Alt (Foto av operasjonsstuen)",
                            "/Alt (Bredt bilde)", "/S /Figure"}) {
        CHECK_MESSAGE(objects.find(alt) != std::string::npos, alt);
    }
    const std::string text = shell("pdftotext -enc UTF-8 " + file.string() + " -");
    CHECK(text.find("Tekst før") != std::string::npos);
    CHECK(text.find("og etter bildet.") != std::string::npos);
    CHECK(text.find("[Foto") == std::string::npos);  // shown, not replaced by its text

    SUBCASE("the same bytes again") {
        const auto again =
            rv::pdf::report_pdf(checked.content, service, service.reports.front(), 1700000000);
        CHECK(again.bytes == pdf.bytes);
    }
}

TEST_CASE("images: a picture fits the width, shrinks into the rest of a page, or moves on") {
    using namespace rv::pdf;
    rv::model::Image wide;
    wide.width = 2000;  // 1500 pt at 96 dpi: wider than the text
    wide.height = 1000;
    rv::model::Image tall = wide;
    tall.width = 400;
    tall.height = 800;  // 300 × 600 pt
    auto layout = [](double filled, const rv::model::Image& image) {
        Document doc;
        Flow flow;
        Builder b(flow, doc, FontSet::shared(), Hyphenator::shared("nb"));
        b.vertical_space(filled);
        b.figure(image, "Alt", b.body());
        flow.paginate(Frame{}, doc);
        return doc;
    };
    const Document top = layout(0, wide);
    REQUIRE(top.pages.size() == 1);
    REQUIRE(top.pages[0].images.size() == 1);
    const ImageBox& box = top.pages[0].images[0];
    CHECK(box.w == doctest::Approx(Styles{}.width));  // scaled to the text width
    CHECK(box.h == doctest::Approx(box.w / 2));
    CHECK(top.elements.back().tag == Tag::figure);
    CHECK(top.elements.back().alt == "Alt");

    // 600 pt in a frame of about 700: after 250 pt of text there is room for 450, which is
    // more than 60 % of it: it shrinks and stays.
    const Document shrunk = layout(250, tall);
    REQUIRE(shrunk.pages.size() == 1);
    const ImageBox& small = shrunk.pages[0].images.at(0);
    CHECK(small.h < 600 * 0.99);
    CHECK(small.h >= 0.6 * 600 - 0.01);
    CHECK(small.w / small.h == doctest::Approx(0.5));
    CHECK(small.y + small.h <= Frame{}.bottom + 0.01);

    // After 500 pt only 200 are left: it moves to the next page, whole.
    const Document moved = layout(500, tall);
    REQUIRE(moved.pages.size() == 2);
    CHECK(moved.pages[0].images.empty());
    REQUIRE(moved.pages[1].images.size() == 1);
    CHECK(moved.pages[1].images[0].h == doctest::Approx(600));
}

TEST_CASE("pdf size: a 14-page report of real content is at most 64 KB") {
    auto checked = rv::cli::check_content(RV_SOURCE_DIR "/content");
    REQUIRE(checked.usable);
    const auto& content = checked.content;
    const rv::model::Service* service = content.find_service("allogen-stamcelletransplantasjon");
    REQUIRE(service != nullptr);
    REQUIRE_FALSE(service->reports.empty());
    const auto& original = service->reports.back();
    const auto& fonts = rv::pdf::FontSet::shared();
    // Its sections repeated until the report has 14 pages, as bench/run-pdf-bench.sh does.
    rv::model::Report padded = original;
    rv::pdf::Document doc = rv::pdf::layout_report(content, *service, padded, fonts, 1700000000);
    for (int round = 0; round < 20 && doc.pages.size() < 14; ++round) {
        for (std::size_t s = 0; s < padded.sections.size(); ++s) {
            auto& children = padded.sections[s].document.children;
            const auto& more = original.sections[s].document.children;
            children.insert(children.end(), more.begin(), more.end());
        }
        doc = rv::pdf::layout_report(content, *service, padded, fonts, 1700000000);
    }
    REQUIRE(doc.pages.size() >= 14);
    const std::string bytes = rv::pdf::write_pdf(doc, fonts);
    INFO(doc.pages.size() << " pages, " << bytes.size() << " bytes");
    CHECK(bytes.size() <= 64 * 1024);

    // Nothing was bought with less: tagged, fonts embedded with ToUnicode, outline.
    const TempContent scratch;
    const fs::path file = scratch.base() / "lang.pdf";
    rv::test::write_file(file, bytes);
    CHECK(shell("pdfinfo " + file.string()).find("Tagged:          yes") != std::string::npos);
    const std::string fonts_list = shell("pdffonts " + file.string());
    INFO(fonts_list);
    CHECK(fonts_list.find(" no ") == std::string::npos);  // every font embedded, with ToUnicode
    CHECK(shell("qpdf --check " + file.string()).find("No syntax or stream encoding errors") !=
          std::string::npos);
    CHECK(shell("pdfinfo -struct-text " + file.string()).find("H1 (block)") != std::string::npos);
}
