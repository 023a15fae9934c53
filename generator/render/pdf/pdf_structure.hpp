#pragma once
// The tagged PDF: marked-content sequences in the page content streams (content with an
// MCID, running heads, page numbers and decoration as /Artifact), and the structure tree
// of the document's elements (Document → H1…, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure
// with /Alt, Link with its annotations), the parent tree and the catalog's /MarkInfo,
// written through libharu's low-level object API.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <hpdf.h>
#include <hpdf_objects.h>

#include "render/pdf/boxes.hpp"

namespace rv::pdf {

// A text string object: PDFDocEncoding when every character allows it, else UTF-16BE.
void* text_string(HPDF_MMgr mmgr, const std::string& text);
// The same in PDF syntax: literal when Latin-1 allows it, else UTF-16BE in hex.
std::string pdf_string(const std::string& text);

class Structure {
  public:
    explicit Structure(const Document& doc);

    // Content streams, page after page: before drawing an item of `element` (no_element:
    // an artifact; `pagination`: a running head or page number), and `close` before BT, ET
    // and the end of the page. Consecutive items of one element share a sequence.
    void begin_page(int page);
    void mark(std::string& out, int element, bool pagination);
    void close(std::string& out);

    // A link annotation of `element` (no_element: not in the tree).
    void annotation(HPDF_Annotation annot, int element);

    // The tree (in one compressed object stream, for size), the parent tree, /StructParents
    // on the pages, /MarkInfo and /StructTreeRoot on the catalog. Adds no objects after it.
    // `extra`: more objects for the stream (the outline), given the number of their first.
    using Extra = std::function<std::vector<std::string>(std::uint32_t first)>;
    void write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const Extra& extra = {});
    // After saving: the cross-reference stream for the object stream, appended to `file`
    // as an update section. `id_hex`: the document ID, 32 hex digits.
    // False when it cannot (libharu added objects after write()).
    bool append_xref(HPDF_Doc pdf, std::string& file, const std::string& id_hex) const;

  private:
    enum class KidType : std::uint8_t { content, element, annotation };
    struct Kid {
        KidType type = KidType::content;
        int page = 0;   // content
        int index = 0;  // content: MCID; element: its number; annotation: in annotations_
    };
    struct Node {
        bool attached = false;
        std::size_t next_child = 0;  // children_ before this one are attached
        std::vector<int> children;   // in reading order
        std::vector<Kid> kids;
    };

    const Document& doc_;
    std::vector<Node> nodes_;                   // by element; the last one is the document
    std::vector<std::vector<int>> page_marks_;  // per page: the element of each MCID
    std::vector<std::pair<HPDF_Annotation, int>> annotations_;
    int page_ = 0;
    bool open_ = false;
    int open_element_ = no_element;
    bool open_pagination_ = false;
    std::uint32_t stream_ = 0;  // the object stream's number
    std::uint32_t first_ = 0;   // the number of its first object (the root)
    std::uint32_t count_ = 0;   // objects in it
    HPDF_Obj_Header root_ref_{};
    struct Box {
        int page = -1;
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // PDF user space
    };
    std::vector<Box> boxes_;  // by element: a figure's bounding box on its first page

    // Attaches an element to its parent, after its earlier siblings.
    void attach(int element);
    int parent_of(int element) const;
};

}  // namespace rv::pdf
