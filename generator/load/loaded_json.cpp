#include "load/loaded_json.hpp"

#include "load/files.hpp"
#include "load/json_reader.hpp"
#include "load/markdown_reader.hpp"

namespace rv::load {

namespace {

bool is_comment_only(const model::MarkdownNode& block) {
    if (block.kind != model::MarkdownKind::html_block) {
        return false;
    }
    const auto first = block.text.find_first_not_of(" \t\r\n");
    const auto last = block.text.find_last_not_of(" \t\r\n");
    return first != std::string::npos && block.text.compare(first, 4, "<!--") == 0 && last >= 2 &&
           block.text.compare(last - 2, 3, "-->") == 0;
}

}  // namespace

LoadedJson load_json_file(const std::filesystem::path& path, const std::string& schema,
                          const SchemaValidator& validator, model::Diagnostics& diagnostics) {
    LoadedJson out;
    out.file = path.string();
    const FileText file = read_text_file(path, max_json_bytes);
    if (!file.ok) {
        diagnostics.push_back(
            {"RV003", model::Severity::error, {out.file, 0, 0}, {"@" + file.error}});
        return out;
    }
    return load_json_text(file.text, out.file, schema, validator, diagnostics);
}

LoadedJson load_json_text(std::string_view text, const std::string& file, const std::string& schema,
                          const SchemaValidator& validator, model::Diagnostics& diagnostics) {
    LoadedJson out;
    out.file = file;
    JsonDocument doc = read_json(text);
    if (!doc.ok) {
        diagnostics.push_back({"RV001",
                               model::Severity::error,
                               {out.file, doc.error_line, doc.error_column},
                               {"@" + doc.error}});
        return out;
    }
    for (const auto& duplicate : doc.duplicates) {
        diagnostics.push_back({"RV002",
                               model::Severity::error,
                               {out.file, duplicate.line, duplicate.column},
                               {duplicate.key}});
    }
    for (auto& problem : validator.validate(schema, doc.value)) {
        auto args = problem.args;
        args.insert(args.begin(), problem.pointer.empty() ? "/" : problem.pointer);
        diagnostics.push_back({problem.code, model::Severity::error,
                               model::locate(out.file, doc.positions, problem.pointer), args});
    }
    out.ok = true;
    out.value = std::move(doc.value);
    out.positions = std::move(doc.positions);
    return out;
}

model::Section load_section(const std::filesystem::path& path, const std::string& id,
                            model::Diagnostics& diagnostics) {
    model::Section section;
    section.id = id;
    section.file = path.string();
    const FileText file = read_text_file(path, max_markdown_bytes);
    if (!file.ok) {
        diagnostics.push_back(
            {"RV003", model::Severity::error, {section.file, 0, 0}, {"@" + file.error}});
        section.readable = false;
        return section;
    }
    return load_section_text(file.text, section.file, id, diagnostics);
}

model::Section load_section_text(std::string_view text, const std::string& file,
                                 const std::string& id, model::Diagnostics& diagnostics) {
    model::Section section;
    section.id = id;
    section.file = file;
    if (const auto bad = first_invalid_utf8(text); bad != std::string::npos) {
        int line = 1;
        int column = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        diagnostics.push_back({"RV004", model::Severity::error, {section.file, line, column}, {}});
        section.readable = false;
        return section;
    }
    section.document = read_markdown(text);
    for (const auto& block : section.document.children) {
        if (!is_comment_only(block)) {
            section.has_content = true;
            break;
        }
    }
    return section;
}

}  // namespace rv::load
