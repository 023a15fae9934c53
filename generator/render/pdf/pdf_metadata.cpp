#include "render/pdf/pdf_metadata.hpp"

#include <cstdio>
#include <ctime>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "embedded/embedded.hpp"

namespace rv::pdf {

namespace {

std::string escape_xml(const std::string& text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '"') {
            out += "&quot;";
        } else if (u >= 0x20 || c == '\t' || c == '\n') {
            out += c;
        }
    }
    return out;
}

std::string xmp_date(long long epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[80];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return text;
}

HPDF_Dict stream(HPDF_Doc pdf, const std::string_view data, bool compress) {
    HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (compress) {
        dict->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
    HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                      static_cast<HPDF_UINT>(data.size()));
    return dict;
}

}  // namespace

std::string xmp_packet(const Metadata& meta, const std::string& producer) {
    const std::string date = xmp_date(meta.date);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
        "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "<dc:format>application/pdf</dc:format>\n";
    if (!meta.title.empty()) {
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_xml(meta.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    }
    if (!meta.author.empty()) {
        x += "<dc:creator><rdf:Seq><rdf:li>" + escape_xml(meta.author) +
             "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    if (!meta.subject.empty()) {
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_xml(meta.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    }
    x += "<dc:language><rdf:Bag><rdf:li>" + escape_xml(meta.language) +
         "</rdf:li></rdf:Bag></dc:language>\n";
    if (!meta.keywords.empty()) {
        x += "<pdf:Keywords>" + escape_xml(meta.keywords) + "</pdf:Keywords>\n";
    }
    x += "<pdf:Producer>" + escape_xml(producer) + "</pdf:Producer>\n<xmp:CreateDate>" + date +
         "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" +
         date +
         "</xmp:MetadataDate>\n<pdfaid:part>2</pdfaid:part>\n"
         "<pdfaid:conformance>A</pdfaid:conformance>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
    return x;
}

void write_archive_metadata(HPDF_Doc pdf, const Metadata& meta, const std::string& producer) {
    HPDF_Dict metadata = stream(pdf, xmp_packet(meta, producer), false);  // PDF/A: unfiltered
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Dict_Add(pdf->catalog, "Metadata", metadata);

    const std::string_view profile = embedded::find(embedded::icc_profiles(), "sRGB.icc");
    if (profile.empty()) {
        return;
    }
    HPDF_Dict icc = stream(pdf, profile, true);
    HPDF_Dict_AddNumber(icc, "N", 3);
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, "sRGB", nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
}

}  // namespace rv::pdf
