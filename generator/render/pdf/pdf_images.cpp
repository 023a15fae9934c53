#include "render/pdf/pdf_images.hpp"

#include <cmath>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

namespace rv::pdf {

namespace {

void number(std::string& out, double v) {
    const long long hundredths = std::llround(v * 100);
    if (hundredths < 0) {
        out += '-';
    }
    const long long a = hundredths < 0 ? -hundredths : hundredths;
    out += std::to_string(a / 100);
    if (a % 100 != 0) {
        out += '.';
        out += static_cast<char>('0' + a % 100 / 10);
        if (a % 10 != 0) {
            out += static_cast<char>('0' + a % 10);
        }
    }
}

}  // namespace

EmbeddedImages::EmbeddedImages(const Document& doc) {
    for (const Page& page : doc.pages) {
        for (const ImageBox& box : page.images) {
            if (box.image && box.image->usable() && !names_.contains(box.image)) {
                order_.push_back(box.image);
                names_[box.image] = "Im" + std::to_string(order_.size());
            }
        }
    }
}

HPDF_Dict EmbeddedImages::write(HPDF_Doc pdf, std::string& failed) {
    failed.clear();
    if (order_.empty()) {
        return nullptr;
    }
    HPDF_Dict resources = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, resources);
    for (const model::Image* image : order_) {
        const auto* data = reinterpret_cast<const HPDF_BYTE*>(image->bytes.data());
        const auto size = static_cast<HPDF_UINT>(image->bytes.size());
        HPDF_Image loaded = image->format == model::ImageFormat::png
                                ? HPDF_LoadPngImageFromMem(pdf, data, size)
                                : HPDF_LoadJpegImageFromMem(pdf, data, size);
        if (!loaded) {
            failed = image->file;
            return resources;
        }
        // libharu leaves a PNG's soft mask (its alpha channel) uncompressed.
        if (auto mask =
                static_cast<HPDF_Dict>(HPDF_Dict_GetItem(loaded, "SMask", HPDF_OCLASS_DICT))) {
            mask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        }
        HPDF_Dict_Add(resources, names_.at(image).c_str(), loaded);
    }
    return resources;
}

void EmbeddedImages::content(const Page& page, Structure& tags, std::string& out) const {
    for (const ImageBox& box : page.images) {
        const auto name = names_.find(box.image);
        if (name == names_.end()) {
            continue;
        }
        tags.mark(out, box.element, false);
        out += "q ";
        number(out, box.w);
        out += " 0 0 ";
        number(out, box.h);
        out += ' ';
        number(out, box.x);
        out += ' ';
        number(out, page_height - box.y - box.h);
        out += " cm /" + name->second + " Do Q\n";
    }
    tags.close(out);
}

}  // namespace rv::pdf
