#include "render/pdf/pdf_structure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

namespace rv::pdf {

namespace {

// The standard structure type of a tag (PDF 1.7, 14.8.4).
const char* type_name(Tag tag) {
    switch (tag) {
        case Tag::heading1:
            return "H1";
        case Tag::heading2:
            return "H2";
        case Tag::heading3:
            return "H3";
        case Tag::paragraph:
            return "P";
        case Tag::code:
            return "Code";
        case Tag::quote:
            return "BlockQuote";
        case Tag::list:
            return "L";
        case Tag::list_item:
            return "LI";
        case Tag::label:
            return "Lbl";
        case Tag::list_body:
            return "LBody";
        case Tag::table:
            return "Table";
        case Tag::table_row:
            return "TR";
        case Tag::table_header:
            return "TH";
        case Tag::table_cell:
            return "TD";
        case Tag::caption:
            return "Caption";
        case Tag::figure:
            return "Figure";
        case Tag::link:
            return "Link";
        case Tag::contents:
            return "TOC";
        case Tag::contents_item:
            return "TOCI";
        case Tag::section:
            return "Sect";
    }
    return "P";
}

}  // namespace

std::string pdf_string(const std::string& text) {
    std::string out = "(";
    std::u32string chars;
    for (std::size_t i = 0; i < text.size();) {
        chars += next_code_point(text, i);
    }
    bool latin = true;
    for (char32_t c : chars) {
        latin = latin && c >= 0x20 && c <= 0xFF && (c < 0x7F || c >= 0xA0) && c != 0xAD;
    }
    if (latin) {
        for (char32_t c : chars) {
            if (c == '(' || c == ')' || c == '\\') {
                out += '\\';
            }
            out += static_cast<char>(c);
        }
        return out + ")";
    }
    static const char digits[] = "0123456789ABCDEF";
    out = "<FEFF";
    auto hex = [&](unsigned u) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out += digits[(u >> shift) & 15];
        }
    };
    for (char32_t c : chars) {
        if (c > 0xFFFF) {
            c -= 0x10000;
            hex(0xD800 + static_cast<unsigned>(c >> 10));
            hex(0xDC00 + static_cast<unsigned>(c & 0x3FF));
        } else {
            hex(static_cast<unsigned>(c));
        }
    }
    return out + ">";
}

void* text_string(HPDF_MMgr mmgr, const std::string& text) {
    std::string latin;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = next_code_point(text, i);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c > 0xFF) {
            latin.clear();
            break;
        }
        latin += static_cast<char>(c);
    }
    if (!latin.empty()) {
        return HPDF_String_New(mmgr, latin.c_str(), nullptr);
    }
    std::string bytes = "\xFE\xFF";
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = next_code_point(text, i);
        if (c > 0xFFFF) {
            c -= 0x10000;
            const char32_t hi = 0xD800 + (c >> 10), lo = 0xDC00 + (c & 0x3FF);
            for (char32_t u : {hi, lo}) {
                bytes += static_cast<char>(u >> 8);
                bytes += static_cast<char>(u & 0xFF);
            }
            continue;
        }
        bytes += static_cast<char>(c >> 8);
        bytes += static_cast<char>(c & 0xFF);
    }
    return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
}

Structure::Structure(const Document& doc)
    : doc_(doc), nodes_(doc.elements.size() + 1), page_marks_(doc.pages.size()) {
    nodes_.back().attached = true;  // the document
    boxes_.resize(doc.elements.size());
    auto extend = [&](int element, int page, double x, double y, double w, double h) {
        if (element < 0 || element >= static_cast<int>(doc.elements.size()) ||
            doc.elements[static_cast<std::size_t>(element)].tag != Tag::figure) {
            return;
        }
        Box& box = boxes_[static_cast<std::size_t>(element)];
        const double bottom = page_height - y - h, top = page_height - y;
        if (box.page < 0) {
            box = {page, x, bottom, x + w, top};
        } else if (box.page == page) {
            box = {page, std::min(box.x1, x), std::min(box.y1, bottom), std::max(box.x2, x + w),
                   std::max(box.y2, top)};
        }
    };
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const int page = static_cast<int>(p);
        for (const ImageBox& i : doc.pages[p].images) {
            extend(i.element, page, i.x, i.y, i.w, i.h);
        }
        for (const Rect& r : doc.pages[p].rects) {
            extend(r.element, page, r.x, r.y, r.w, r.h);
        }
    }
    for (std::size_t e = 0; e < doc.elements.size(); ++e) {
        nodes_[static_cast<std::size_t>(parent_of(static_cast<int>(e)))].children.push_back(
            static_cast<int>(e));
    }
}

int Structure::parent_of(int element) const {
    const int parent = doc_.elements[static_cast<std::size_t>(element)].parent;
    // A parent comes before its children; anything else hangs from the document.
    return parent >= 0 && parent < element ? parent : static_cast<int>(doc_.elements.size());
}

void Structure::attach(int element) {
    if (nodes_[static_cast<std::size_t>(element)].attached) {
        return;
    }
    const int parent = parent_of(element);
    attach(parent);
    Node& node = nodes_[static_cast<std::size_t>(parent)];
    while (node.next_child < node.children.size()) {
        const int child = node.children[node.next_child++];
        nodes_[static_cast<std::size_t>(child)].attached = true;
        node.kids.push_back({KidType::element, 0, child});
        if (child == element) {
            break;
        }
    }
}

void Structure::begin_page(int page) {
    page_ = page;
    open_ = false;
}

void Structure::mark(std::string& out, int element, bool pagination) {
    if (element < 0 || element >= static_cast<int>(doc_.elements.size())) {
        element = no_element;
    }
    if (open_ && element == open_element_ &&
        (element != no_element || pagination == open_pagination_)) {
        return;
    }
    close(out);
    if (element == no_element) {
        out += pagination ? "/Artifact <</Type /Pagination>> BDC\n" : "/Artifact BMC\n";
    } else {
        auto& marks = page_marks_[static_cast<std::size_t>(page_)];
        const int mcid = static_cast<int>(marks.size());
        marks.push_back(element);
        attach(element);
        nodes_[static_cast<std::size_t>(element)].kids.push_back({KidType::content, page_, mcid});
        out += '/';
        out += type_name(doc_.elements[static_cast<std::size_t>(element)].tag);
        out += " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    }
    open_ = true;
    open_element_ = element;
    open_pagination_ = pagination;
}

void Structure::close(std::string& out) {
    if (open_) {
        out += "EMC\n";
        open_ = false;
    }
}

void Structure::annotation(HPDF_Annotation annot, int element) {
    if (!annot || element < 0 || element >= static_cast<int>(doc_.elements.size())) {
        return;
    }
    attach(element);
    nodes_[static_cast<std::size_t>(element)].kids.push_back(
        {KidType::annotation, 0, static_cast<int>(annotations_.size())});
    annotations_.emplace_back(annot, element);
}

namespace {

std::string ref(std::uint32_t number) {
    return std::to_string(number) + " 0 R";
}

std::uint32_t number_of(void* object) {
    return static_cast<HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
}

// Compressed with libharu's zlib (Flate).
std::string deflate(HPDF_MMgr mmgr, const std::string& data) {
    HPDF_Stream src = HPDF_MemStream_New(mmgr, 4096);
    HPDF_Stream dst = HPDF_MemStream_New(mmgr, 4096);
    std::string out;
    if (src && dst) {
        HPDF_Stream_Write(src, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                          static_cast<HPDF_UINT>(data.size()));
        HPDF_Stream_WriteToStream(src, dst, HPDF_STREAM_FILTER_FLATE_DECODE, nullptr);
        for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(dst); ++i) {
            HPDF_UINT length = 0;
            const HPDF_BYTE* buffer = HPDF_MemStream_GetBufPtr(dst, i, &length);
            out.append(reinterpret_cast<const char*>(buffer), length);
        }
    }
    HPDF_Stream_Free(src);
    HPDF_Stream_Free(dst);
    return out;
}

}  // namespace

void Structure::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const Extra& extra) {
    HPDF_MMgr mmgr = pdf->mmgr;
    const int count = static_cast<int>(doc_.elements.size());
    for (int e = 0; e < count; ++e) {
        attach(e);  // elements without content keep their place (an empty table cell)
    }
    // The tree goes in one compressed object stream: numbers after libharu's objects.
    HPDF_Dict stream = HPDF_DictStream_New(mmgr, pdf->xref);
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    stream_ = number_of(stream);
    first_ = pdf->xref->start_offset + pdf->xref->entries->count;  // after its /Length
    const std::uint32_t root = first_;
    auto element_ref = [&](int e) { return ref(root + 1 + static_cast<std::uint32_t>(e)); };
    std::vector<std::string> objects;
    // The parent tree: per page, the element of each MCID; per annotation, its link.
    std::string nums;
    for (std::size_t p = 0; p < pages.size() && p < page_marks_.size(); ++p) {
        HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
        nums += std::to_string(p) + '[';
        for (int element : page_marks_[p]) {
            nums += element_ref(element) + ' ';
        }
        nums += ']';
    }
    HPDF_INT32 key = static_cast<HPDF_INT32>(pages.size());
    for (const auto& [annot, element] : annotations_) {
        HPDF_Dict_AddNumber(annot, "StructParent", key);
        nums += ' ' + std::to_string(key++) + ' ' + element_ref(element);
    }
    objects.push_back("<</Type/StructTreeRoot/K " + element_ref(count) + "/ParentTree<</Nums[" +
                      nums + "]>>/ParentTreeNextKey " + std::to_string(key) + ">>");
    for (int e = 0; e <= count; ++e) {
        const Node& node = nodes_[static_cast<std::size_t>(e)];
        const Element* element = e < count ? &doc_.elements[static_cast<std::size_t>(e)] : nullptr;
        std::string obj = "<</S/";
        obj += element ? type_name(element->tag) : "Document";
        obj += "/P " + (element ? element_ref(parent_of(e)) : ref(root));
        int page = -1;  // the element's /Pg: the page of its first content
        for (const Kid& kid : node.kids) {
            if (kid.type == KidType::content) {
                page = kid.page;
                obj += "/Pg " + ref(number_of(pages[static_cast<std::size_t>(page)]));
                break;
            }
        }
        if (element && element->scope != Scope::none) {
            obj += element->scope == Scope::column ? "/A<</O/Table/Scope/Column>>"
                                                   : "/A<</O/Table/Scope/Row>>";
        }
        if (element && boxes_[static_cast<std::size_t>(e)].page >= 0) {
            const Box& box = boxes_[static_cast<std::size_t>(e)];
            obj += "/A<</O/Layout/BBox[" + std::to_string(std::lround(box.x1)) + ' ' +
                   std::to_string(std::lround(box.y1)) + ' ' + std::to_string(std::lround(box.x2)) +
                   ' ' + std::to_string(std::lround(box.y2)) + "]>>";
        }
        if (element && !element->alt.empty()) {
            obj += "/Alt" + pdf_string(element->alt);
        }
        if (node.kids.size() == 1 && node.kids[0].type == KidType::content) {
            obj += "/K " + std::to_string(node.kids[0].index);
        } else if (!node.kids.empty()) {
            obj += "/K[";
            for (const Kid& kid : node.kids) {
                if (kid.type == KidType::element) {
                    obj += element_ref(kid.index);
                } else if (kid.type == KidType::content && kid.page == page) {
                    obj += std::to_string(kid.index);
                } else if (kid.type == KidType::content) {
                    obj += "<</Type/MCR/Pg " +
                           ref(number_of(pages[static_cast<std::size_t>(kid.page)])) + "/MCID " +
                           std::to_string(kid.index) + ">>";
                } else {
                    obj += "<</Type/OBJR/Obj " +
                           ref(number_of(annotations_[static_cast<std::size_t>(kid.index)].first)) +
                           ">>";
                }
                obj += ' ';
            }
            obj.back() = ']';
        }
        objects.push_back(obj + ">>");
    }
    if (extra) {
        for (auto& object : extra(first_ + static_cast<std::uint32_t>(objects.size()))) {
            objects.push_back(std::move(object));
        }
    }
    std::string header;
    std::string body;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        header += std::to_string(first_ + i) + ' ' + std::to_string(body.size()) + ' ';
        body += objects[i] + '\n';
    }
    HPDF_Dict_AddName(stream, "Type", "ObjStm");
    HPDF_Dict_AddNumber(stream, "N", static_cast<HPDF_INT32>(objects.size()));
    HPDF_Dict_AddNumber(stream, "First", static_cast<HPDF_INT32>(header.size()));
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(header.data()),
                      static_cast<HPDF_UINT>(header.size()));
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(body.data()),
                      static_cast<HPDF_UINT>(body.size()));
    count_ = static_cast<std::uint32_t>(objects.size());
    // The catalog points at the root through a reference to its number.
    root_ref_.obj_id = root | HPDF_OTYPE_INDIRECT;
    root_ref_.gen_no = 0;
    root_ref_.obj_class = HPDF_OCLASS_DICT;
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", HPDF_Proxy_New(mmgr, &root_ref_));
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
}

bool Structure::append_xref(HPDF_Doc pdf, std::string& file, const std::string& id_hex) const {
    // The objects of the object stream are found through a cross-reference stream, added
    // as an update after libharu's file (PDF 1.5, 7.5.8).
    const std::size_t at = file.rfind("startxref");
    if (count_ == 0 || at == std::string::npos ||
        pdf->xref->start_offset + pdf->xref->entries->count != first_) {
        return false;  // libharu added objects after write(): the numbers would clash
    }
    const long long previous = std::atoll(file.c_str() + at + 9);
    const std::uint32_t self = first_ + count_;
    const std::size_t offset = file.size();
    std::string entries;
    auto entry = [&](int type, std::uint32_t a, std::uint32_t b) {
        entries += static_cast<char>(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            entries += static_cast<char>((a >> shift) & 0xFF);
        }
        // Four bytes for the index in the object stream too: a yearly volume of a hundred
        // reports has more than 65 535 structure elements, which two bytes cannot number.
        for (int shift = 24; shift >= 0; shift -= 8) {
            entries += static_cast<char>((b >> shift) & 0xFF);
        }
    };
    for (std::uint32_t i = 0; i < count_; ++i) {
        entry(2, stream_, i);
    }
    entry(1, static_cast<std::uint32_t>(offset), 0);
    const std::string data = deflate(pdf->mmgr, entries);
    file += std::to_string(self) + " 0 obj\n<</Type/XRef/Size " + std::to_string(self + 1) +
            "/Index[" + std::to_string(first_) + ' ' + std::to_string(count_ + 1) +
            "]/W[1 4 4]/Prev " + std::to_string(previous) + "/Root " +
            ref(number_of(pdf->catalog)) + "/Info " + ref(number_of(pdf->info)) + "/ID[<" + id_hex +
            "><" + id_hex + ">]/Filter/FlateDecode/Length " + std::to_string(data.size()) +
            ">>\nstream\n" + data + "\nendstream\nendobj\n";
    file += "startxref\n" + std::to_string(offset) + "\n%%EOF\n";
    return true;
}

}  // namespace rv::pdf
