#include "render/pdf/pdf_writer.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "render/pdf/font_subset.hpp"
#include "render/pdf/pdf_fonts.hpp"
#include "render/pdf/pdf_images.hpp"
#include "render/pdf/pdf_metadata.hpp"
#include "render/pdf/pdf_outline.hpp"
#include "render/pdf/pdf_structure.hpp"

namespace rv::pdf {

namespace {

struct ErrorState {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
    auto* state = static_cast<ErrorState*>(data);
    if (state->code == 0) {  // keep the first; never throw through C
        state->code = code;
        state->detail = detail;
    }
}

class Doc {
  public:
    Doc() : pdf_(HPDF_New(on_error, &errors_)) {
        if (!pdf_) {
            throw WriteError("libharu could not start a document");
        }
    }
    ~Doc() { HPDF_Free(pdf_); }
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;
    HPDF_Doc get() const { return pdf_; }
    void check(const char* what) const {
        if (errors_.code != 0) {
            char text[160];
            std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u) while %s",
                          static_cast<unsigned>(errors_.code),
                          static_cast<unsigned>(errors_.detail), what);
            throw WriteError(text);
        }
    }

  private:
    ErrorState errors_;
    HPDF_Doc pdf_;
};

// Non-ASCII bytes and spaces in a URL, percent-encoded (libharu writes them raw).
std::string encode_url(const std::string& url) {
    std::string out;
    for (unsigned char c : url) {
        if (c <= 0x20 || c >= 0x7F || c == '(' || c == ')' || c == '\\') {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::uint64_t fnv(std::string_view data, std::uint64_t hash) {
    for (unsigned char c : data) {
        hash = (hash ^ c) * 0x100000001b3ULL;
    }
    return hash;
}

HPDF_Date pdf_date(long long epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    return d;
}

}  // namespace

std::string write_pdf(const Document& doc, const FontSet& fonts) {
    Doc holder;
    HPDF_Doc pdf = holder.get();
    pdf->pdf_version = HPDF_VER_17;
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Xref xref = pdf->xref;
    EmbeddedFonts embedded(doc, fonts);
    HPDF_Dict font_resources = embedded.write(mmgr, xref);
    holder.check("embedding the fonts");
    EmbeddedImages images(doc);
    std::string failed;
    HPDF_Dict image_resources = images.write(pdf, failed);
    holder.check(("embedding the image " + failed).c_str());
    if (!failed.empty()) {
        throw WriteError("libharu could not read the image " + failed);
    }

    std::vector<HPDF_Page> pages;
    Structure tags(doc);
    std::uint64_t hash = fnv(doc.meta.title, 0xcbf29ce484222325ULL);
    for (const Page& page : doc.pages) {
        tags.begin_page(static_cast<int>(pages.size()));
        HPDF_Page p = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        auto resources =
            static_cast<HPDF_Dict>(HPDF_Dict_GetItem(p, "Resources", HPDF_OCLASS_DICT));
        if (resources) {
            HPDF_Dict_Add(resources, "Font", font_resources);
            if (!page.images.empty() && image_resources) {
                HPDF_Dict_Add(resources, "XObject", image_resources);
            }
        }
        std::string content = embedded.content(page, tags);
        images.content(page, tags, content);
        hash = fnv(content, hash);
        auto attr = static_cast<HPDF_PageAttr>(p->attr);
        HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                          static_cast<HPDF_UINT>(content.size()));
        pages.push_back(p);
    }
    holder.check("writing the pages");

    std::vector<std::uint32_t> page_numbers;
    for (HPDF_Page p : pages) {
        page_numbers.push_back(p->header.obj_id & 0x00FFFFFF);
    }
    HPDF_Destination placeholder = nullptr;  // libharu wants one; each link gets its own below
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        for (const auto& link : doc.pages[i].links) {
            HPDF_Rect rect{static_cast<HPDF_REAL>(link.x),
                           static_cast<HPDF_REAL>(page_height - link.y - link.h),
                           static_cast<HPDF_REAL>(link.x + link.w),
                           static_cast<HPDF_REAL>(page_height - link.y)};
            HPDF_Annotation annot = nullptr;
            if (!link.anchor.empty()) {
                const auto found = doc.anchors.find(link.anchor);
                if (found != doc.anchors.end() && found->second.page >= 0 &&
                    found->second.page < static_cast<int>(pages.size())) {
                    if (!placeholder) {
                        placeholder = HPDF_Page_CreateDestination(pages.front());
                    }
                    annot = HPDF_Page_CreateLinkAnnot(pages[i], rect, placeholder);
                    // The destination inline, not as an object of its own.
                    HPDF_Array dest = HPDF_Array_New(mmgr);
                    HPDF_Array_Add(dest, pages[static_cast<std::size_t>(found->second.page)]);
                    HPDF_Array_AddName(dest, "FitH");
                    HPDF_Array_AddNumber(dest, static_cast<HPDF_INT32>(
                                                   std::lround(page_height - found->second.y + 6)));
                    HPDF_Dict_Add(annot, "Dest", dest);
                }
            } else if (!link.url.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(pages[i], rect, encode_url(link.url).c_str());
            }
            if (annot) {
                HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
                HPDF_Dict_AddNumber(annot, "F", 4);  // printed (PDF/A)
                tags.annotation(annot, link.element);
            }
        }
        if (!doc.pages[i].links.empty()) {
            HPDF_Dict_AddName(pages[i], "Tabs", "S");  // annotations in structure order
        }
    }
    holder.check("writing the links");

    const std::string producer = "Rapportverk (libharu)";
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer.c_str());
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, pdf_date(doc.meta.date));
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, pdf_date(doc.meta.date));
    const std::pair<const char*, const std::string*> info[] = {{"Title", &doc.meta.title},
                                                               {"Author", &doc.meta.author},
                                                               {"Subject", &doc.meta.subject},
                                                               {"Keywords", &doc.meta.keywords}};
    for (const auto& [key, value] : info) {
        if (!value->empty()) {
            HPDF_Dict_Add(pdf->info, key, text_string(mmgr, *value));
        }
    }
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(mmgr, doc.meta.language.c_str(), nullptr));
    HPDF_Dict preferences = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
    write_archive_metadata(pdf, doc.meta, producer);
    // The outline goes into the structure tree's object stream; the catalog refers to its root.
    HPDF_Obj_Header outline_ref{};
    bool has_outline = false;
    tags.write(pdf, pages, [&](std::uint32_t first) {
        auto objects = outline_objects(doc, page_numbers, first);
        if (!objects.empty()) {
            has_outline = true;
            outline_ref.obj_id = first | HPDF_OTYPE_INDIRECT;
            outline_ref.obj_class = HPDF_OCLASS_DICT;
        }
        return objects;
    });
    if (has_outline) {
        HPDF_Dict_Add(pdf->catalog, "Outlines", HPDF_Proxy_New(mmgr, &outline_ref));
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    }
    // A document ID from the content, so that the same input gives the same bytes.
    std::array<HPDF_BYTE, 16> id{};
    const std::uint64_t second = fnv(doc.meta.title, hash ^ 0x9e3779b97f4a7c15ULL);
    for (int k = 0; k < 8; ++k) {
        id[static_cast<std::size_t>(k)] = static_cast<HPDF_BYTE>(hash >> (8 * k));
        id[static_cast<std::size_t>(k + 8)] = static_cast<HPDF_BYTE>(second >> (8 * k));
    }
    HPDF_Array ids = HPDF_Array_New(mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(mmgr, id.data(), 16));
    HPDF_Array_Add(ids, HPDF_Binary_New(mmgr, id.data(), 16));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    holder.check("writing the metadata");

    HPDF_SaveToStream(pdf);
    holder.check("saving the document");
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    std::string id_hex;
    for (HPDF_BYTE b : id) {
        static const char digits[] = "0123456789ABCDEF";
        id_hex += digits[b >> 4];
        id_hex += digits[b & 15];
    }
    if (!tags.append_xref(pdf, out, id_hex)) {
        throw WriteError("the structure tree's cross-reference stream could not be written");
    }
    return out;
}

}  // namespace rv::pdf
