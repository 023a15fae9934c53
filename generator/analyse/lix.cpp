#include "analyse/lix.hpp"

#include <cmath>
#include <cstdint>

namespace rv::analyse {

namespace {

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x202F || (c >= 0x2000 && c <= 0x200B);
}

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

// Letters of the Latin scripts Norwegian uses (and others above U+00C0 that are not
// punctuation or symbols): enough for Norwegian, Sami and loan words.
bool is_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return true;
    }
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
           !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFE30 && c <= 0xFE4F);
}

// Closing marks that may follow a sentence's full stop: «….» (…). "…."
bool is_closing(char32_t c) {
    return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0xBB || c == 0x201D ||
           c == 0x2019 || c == '*' || c == '_';
}

std::vector<char32_t> decode(const std::string& text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        char32_t cp = extra == 0   ? c
                      : extra == 1 ? (c & 0x1F)
                      : extra == 2 ? (c & 0x0F)
                                   : (c & 0x07);
        ++i;
        for (; extra > 0 && i < text.size(); --extra, ++i) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
        }
        out.push_back(cp);
    }
    return out;
}

class Counter {
  public:
    // One block of text: a paragraph, heading or cell. Its end ends a sentence.
    void block(const std::string& text) {
        const auto chars = decode(text);
        std::size_t i = 0;
        while (i < chars.size()) {
            while (i < chars.size() && is_space(chars[i])) {
                ++i;
            }
            const std::size_t start = i;
            while (i < chars.size() && !is_space(chars[i])) {
                ++i;
            }
            if (i > start) {
                token(chars, start, i);
            }
        }
        end_sentence();
    }

    Lix result() const {
        Lix out{words_, sentences_, long_words_, 0};
        if (words_ > 0 && sentences_ > 0) {
            out.value = static_cast<double>(words_) / sentences_ +
                        100.0 * static_cast<double>(long_words_) / words_;
        }
        return out;
    }

  private:
    int words_ = 0;
    int sentences_ = 0;
    int long_words_ = 0;
    int words_in_sentence_ = 0;

    void token(const std::vector<char32_t>& chars, std::size_t from, std::size_t to) {
        int letters = 0;
        bool word = false;
        for (std::size_t k = from; k < to; ++k) {
            if (is_letter(chars[k])) {
                ++letters;
                word = true;
            } else if (is_digit(chars[k])) {
                word = true;
            }
        }
        if (word) {
            ++words_;
            ++words_in_sentence_;
            if (letters > 6) {
                ++long_words_;
            }
        }
        std::size_t last = to;
        while (last > from && is_closing(chars[last - 1])) {
            --last;
        }
        if (last > from) {
            const char32_t end = chars[last - 1];
            if (end == '.' || end == ':' || end == '!' || end == '?' || end == 0x2026) {
                end_sentence();
            }
        }
    }

    void end_sentence() {
        if (words_in_sentence_ > 0) {
            ++sentences_;
            words_in_sentence_ = 0;
        }
    }
};

void walk(const model::MarkdownNode& node, Counter& counter) {
    switch (node.kind) {
        case model::MarkdownKind::paragraph:
        case model::MarkdownKind::heading:
        case model::MarkdownKind::table_cell:
            counter.block(model::plain_text(node));
            return;
        case model::MarkdownKind::code_block:
        case model::MarkdownKind::html_block:
        case model::MarkdownKind::thematic_break:
            return;
        default:
            break;
    }
    for (const auto& child : node.children) {
        walk(child, counter);
    }
}

// The first node with a line number: where a diagnostic about the whole text points.
const model::MarkdownNode* first_text(const model::MarkdownNode& node) {
    for (const auto& child : node.children) {
        if (child.kind == model::MarkdownKind::html_block) {
            continue;
        }
        if (child.line > 0) {
            return &child;
        }
    }
    return nullptr;
}

}  // namespace

Lix lix_of_text(const std::string& text) {
    Counter counter;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find("\n\n", start);
        if (end == std::string::npos) {
            end = text.size();
        }
        counter.block(text.substr(start, end - start));
        start = end + 2;
    }
    return counter.result();
}

Lix lix_of(const model::MarkdownNode& document) {
    Counter counter;
    walk(document, counter);
    return counter.result();
}

std::vector<SectionReadability> readability(const model::Content& content,
                                            const model::Service& service,
                                            const model::Report& report) {
    std::vector<SectionReadability> out;
    const model::Form* form = content.form_for(service.type);
    if (!form) {
        return out;
    }
    for (const auto& entry : form->sections) {
        if (!entry.lix_max || !entry.in_year(report.folder_year)) {
            continue;
        }
        const model::Section* section = report.find_section(entry.id);
        if (!section || !section->readable || !section->has_content) {
            continue;
        }
        SectionReadability r;
        r.section = entry.id;
        r.file = section->file;
        if (const auto* first = first_text(section->document)) {
            r.line = first->line;
            r.column = first->column;
        }
        r.lix = lix_of(section->document);
        r.lix_max = *entry.lix_max;
        r.assessable = r.lix.words >= lix_min_words;
        // Compared as printed (whole numbers, as LIX is usually given), so that a text
        // shown as "40" is never called above 40.
        r.above = r.assessable && std::round(r.lix.value) > r.lix_max;
        out.push_back(std::move(r));
    }
    return out;
}

model::Diagnostics readability_warnings(const model::Content& content,
                                        const model::Service& service,
                                        const model::Report& report) {
    model::Diagnostics out;
    for (const auto& r : readability(content, service, report)) {
        if (r.above) {
            out.push_back(
                {"RV070",
                 model::Severity::warning,
                 {r.file, r.line, r.column},
                 {format_lix(r.lix.value), format_lix(r.lix_max), std::to_string(r.lix.words),
                  std::to_string(r.lix.sentences), std::to_string(r.lix.long_words)}});
        }
    }
    return out;
}

model::Diagnostics readability_warnings(const model::Content& content) {
    model::Diagnostics out;
    for (const auto& service : content.services) {
        for (const auto& report : service.reports) {
            auto found = readability_warnings(content, service, report);
            out.insert(out.end(), found.begin(), found.end());
        }
    }
    return out;
}

std::string format_lix(double value) {
    return std::to_string(std::llround(value));
}

}  // namespace rv::analyse
