#include "render/pdf/pdf_writer.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <vector>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "render/pdf/font_subset.hpp"
#include "render/pdf/pdf_fonts.hpp"
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
        }
        const std::string content = embedded.content(page, tags);
        hash = fnv(content, hash);
        auto attr = static_cast<HPDF_PageAttr>(p->attr);
        HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                          static_cast<HPDF_UINT>(content.size()));
        pages.push_back(p);
    }
    holder.check("writing the pages");

    auto destination = [&](const std::string& anchor) -> HPDF_Destination {
        const auto found = doc.anchors.find(anchor);
        if (found == doc.anchors.end() || found->second.page < 0 ||
            found->second.page >= static_cast<int>(pages.size())) {
            return nullptr;
        }
        HPDF_Destination dst =
            HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(found->second.page)]);
        HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(page_height - found->second.y + 6));
        return dst;
    };
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        for (const auto& link : doc.pages[i].links) {
            HPDF_Rect rect{static_cast<HPDF_REAL>(link.x),
                           static_cast<HPDF_REAL>(page_height - link.y - link.h),
                           static_cast<HPDF_REAL>(link.x + link.w),
                           static_cast<HPDF_REAL>(page_height - link.y)};
            HPDF_Annotation annot = nullptr;
            if (!link.anchor.empty()) {
                if (HPDF_Destination dst = destination(link.anchor)) {
                    annot = HPDF_Page_CreateLinkAnnot(pages[i], rect, dst);
                }
            } else if (!link.url.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(pages[i], rect, encode_url(link.url).c_str());
            }
            if (annot) {
                HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
                tags.annotation(annot, link.element);
            }
        }
        if (!doc.pages[i].links.empty()) {
            HPDF_Dict_AddName(pages[i], "Tabs", "S");  // annotations in structure order
        }
    }
    holder.check("writing the links");

    std::vector<HPDF_Outline> parents{nullptr};
    for (const auto& entry : doc.outline) {
        HPDF_Destination dst = destination(entry.anchor);
        if (!dst) {
            continue;
        }
        const std::size_t level = static_cast<std::size_t>(std::max(1, entry.level));
        if (parents.size() > level) {
            parents.resize(level);
        }
        while (parents.size() < level) {
            parents.push_back(parents.back());
        }
        HPDF_Outline outline = HPDF_CreateOutline(pdf, parents.back(), "-", nullptr);
        HPDF_Dict_Add(outline, "Title", text_string(mmgr, entry.title));
        HPDF_Outline_SetDestination(outline, dst);
        HPDF_Outline_SetOpened(outline, level == 1 ? HPDF_TRUE : HPDF_FALSE);
        parents.push_back(outline);
    }
    if (!doc.outline.empty()) {
        HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    }
    holder.check("writing the outline");

    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "Rapportverk (libharu)");
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
    tags.write(pdf, pages);
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
