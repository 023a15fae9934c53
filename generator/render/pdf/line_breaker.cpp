#include "render/pdf/line_breaker.hpp"

#include <algorithm>

namespace rv::pdf {

namespace {

struct Piece {
    std::string text;
    const TextStyle* style = nullptr;
    double width = 0;
};

enum class TokenKind { word, space, hard_break };

struct Token {
    TokenKind kind = TokenKind::word;
    std::vector<Piece> pieces;  // word: one or more styles; space: one piece " "
    double width = 0;
};

double measure(const FontSet& fonts, const Piece& p) {
    return fonts.width(p.style->font, p.text, p.style->size);
}

std::vector<Token> tokenize(const std::vector<Span>& spans, const FontSet& fonts) {
    std::vector<Token> tokens;
    Token word;
    auto flush = [&] {
        if (!word.pieces.empty()) {
            word.width = 0;
            for (auto& p : word.pieces) {
                p.width = measure(fonts, p);
                word.width += p.width;
            }
            tokens.push_back(std::move(word));
            word = Token{};
        }
    };
    for (const auto& span : spans) {
        std::size_t start = 0;
        const std::string& t = span.text;
        for (std::size_t i = 0; i <= t.size(); ++i) {
            const bool end = i == t.size();
            if (!end && t[i] != ' ' && t[i] != '\n') {
                continue;
            }
            if (i > start) {
                if (!word.pieces.empty() && word.pieces.back().style == &span.style) {
                    word.pieces.back().text += t.substr(start, i - start);
                } else {
                    word.pieces.push_back({t.substr(start, i - start), &span.style, 0});
                }
            }
            start = i + 1;
            if (end) {
                break;
            }
            flush();
            Token sep;
            sep.kind = t[i] == '\n' ? TokenKind::hard_break : TokenKind::space;
            if (sep.kind == TokenKind::space) {
                if (!tokens.empty() && tokens.back().kind == TokenKind::space) {
                    continue;  // one space between words
                }
                sep.pieces.push_back({" ", &span.style, 0});
                sep.width = sep.pieces[0].width = measure(fonts, sep.pieces[0]);
            }
            tokens.push_back(std::move(sep));
        }
    }
    flush();
    return tokens;
}

// Where a word may break: byte offset in the single piece, and whether a hyphen is added.
struct BreakPoint {
    std::size_t at = 0;
    bool hyphen = true;
};

std::vector<BreakPoint> break_points(const Token& word, const Hyphenator* hyphenator) {
    std::vector<BreakPoint> out;
    if (word.pieces.size() != 1) {
        return out;
    }
    const std::string& text = word.pieces[0].text;
    // Parts between hyphens the author wrote; each part may be hyphenated.
    std::size_t part = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '-') {
            continue;
        }
        if (hyphenator && i > part) {
            // Strip punctuation around the letters before asking.
            std::size_t a = part;
            std::size_t b = i;
            while (a < b &&
                   std::string_view(",.;:!?()«»\"'").find(text[a]) != std::string_view::npos) {
                ++a;
            }
            while (b > a &&
                   std::string_view(",.;:!?()«»\"'").find(text[b - 1]) != std::string_view::npos) {
                --b;
            }
            for (std::size_t at : hyphenator->breaks(std::string_view(text).substr(a, b - a))) {
                out.push_back({a + at, true});
            }
        }
        if (i < text.size() && i > 0 && i + 1 < text.size()) {
            out.push_back({i + 1, false});
        }
        part = i + 1;
    }
    std::sort(out.begin(), out.end(),
              [](const BreakPoint& x, const BreakPoint& y) { return x.at < y.at; });
    return out;
}

class Breaker {
  public:
    Breaker(const BreakOptions& options, const FontSet& fonts) : options_(options), fonts_(fonts) {}

    std::vector<Line> run(std::vector<Token> tokens) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            Token& token = tokens[i];
            if (token.kind == TokenKind::hard_break) {
                finish(false);
                continue;
            }
            if (token.kind == TokenKind::space) {
                if (!current_.empty()) {
                    pending_space_ = &token;
                }
                continue;
            }
            place_word(std::move(token));
        }
        if (!current_.empty()) {
            finish(false);
        }
        return std::move(lines_);
    }

  private:
    const BreakOptions& options_;
    const FontSet& fonts_;
    std::vector<Token> current_;  // words and spaces of the line being filled
    double x_ = 0;
    Token* pending_space_ = nullptr;
    std::vector<Line> lines_;

    void place_word(Token word) {
        while (true) {
            const double space = pending_space_ && !current_.empty() ? pending_space_->width : 0;
            if (x_ + space + word.width <= options_.width + 0.01) {
                add(word, space);
                return;
            }
            // Try the latest break point of the word that still fits.
            const auto points = break_points(word, options_.hyphenator);
            bool split = false;
            for (auto p = points.rbegin(); p != points.rend() && !split; ++p) {
                const Piece& piece = word.pieces[0];
                std::string head = piece.text.substr(0, p->at);
                if (p->hyphen) {
                    head += "-";
                }
                Piece first{head, piece.style, 0};
                first.width = measure(fonts_, first);
                if (x_ + space + first.width <= options_.width + 0.01) {
                    Token part;
                    part.pieces.push_back(first);
                    part.width = first.width;
                    add(part, space);
                    finish(true);
                    Piece rest{piece.text.substr(p->at), piece.style, 0};
                    rest.width = measure(fonts_, rest);
                    word.pieces[0] = rest;
                    word.width = rest.width;
                    split = true;
                }
            }
            if (split) {
                continue;
            }
            if (current_.empty()) {
                cut_word(word);  // wider than the line: cut by character
                return;
            }
            finish(true, pending_space_ != nullptr);
        }
    }

    // Places as many characters as fit, line after line.
    void cut_word(Token& word) {
        for (const Piece& piece : word.pieces) {
            std::size_t i = 0;
            std::string chunk;
            while (i < piece.text.size()) {
                const std::size_t before = i;
                const char32_t c = next_code_point(piece.text, i);
                const double w = fonts_.char_width(piece.style->font, c, piece.style->size);
                if (x_ + w > options_.width + 0.01 && (x_ > 0 || !chunk.empty())) {
                    flush_chunk(chunk, piece.style);
                    finish(true);
                }
                chunk += piece.text.substr(before, i - before);
                x_ += w;
            }
            flush_chunk(chunk, piece.style);
        }
    }

    void flush_chunk(std::string& chunk, const TextStyle* style) {
        if (chunk.empty()) {
            return;
        }
        Token t;
        Piece p{chunk, style, 0};
        p.width = measure(fonts_, p);
        t.pieces.push_back(p);
        t.width = p.width;
        current_.push_back(std::move(t));
        chunk.clear();
    }

    void add(const Token& word, double space) {
        if (space > 0) {
            current_.push_back(*pending_space_);
        }
        current_.push_back(word);
        x_ += space + word.width;
        pending_space_ = nullptr;
    }

    void finish(bool justify, bool at_space = false) {
        pending_space_ = nullptr;
        Line line;
        line.space_after = at_space;
        double x = 0;
        int spaces = 0;
        for (const Token& token : current_) {
            for (const Piece& piece : token.pieces) {
                if (!line.runs.empty() && line.runs.back().style == *piece.style) {
                    line.runs.back().text += piece.text;
                    line.runs.back().width += piece.width;
                } else {
                    line.runs.push_back({piece.text, *piece.style, x, piece.width});
                }
                x += piece.width;
                line.size = std::max(line.size, piece.style->size);
            }
            if (token.kind == TokenKind::space) {
                ++spaces;
            }
        }
        line.width = x;
        if (justify && options_.justify && spaces > 0 && x < options_.width) {
            line.word_spacing = (options_.width - x) / spaces;
            // Runs after spaces move right by the spaces before them.
            int seen = 0;
            for (auto& run : line.runs) {
                run.x += seen * line.word_spacing;
                seen += static_cast<int>(std::count(run.text.begin(), run.text.end(), ' '));
                run.width +=
                    static_cast<double>(std::count(run.text.begin(), run.text.end(), ' ')) *
                    line.word_spacing;
            }
        }
        if (!current_.empty() || !justify) {
            lines_.push_back(std::move(line));
        }
        current_.clear();
        x_ = 0;
    }
};

}  // namespace

std::vector<Span> with_fallback(const std::vector<Span>& spans, const FontSet& fonts,
                                std::set<char32_t>* missing) {
    std::vector<Span> out;
    for (const auto& span : spans) {
        Span current{{}, span.style};
        for (std::size_t i = 0; i < span.text.size();) {
            char32_t c = next_code_point(span.text, i);
            FontId font = span.style.font;
            if (c == '\t' || c == '\r') {
                c = ' ';
            } else if (c == 0xAD || (c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0)) {
                continue;  // soft hyphens and control characters
            }
            if (c != '\n' && !fonts.has(font, c)) {
                if (fonts.has(FontId::regular, c)) {
                    font = FontId::regular;
                } else {
                    if (missing) {
                        missing->insert(c);
                    }
                    c = '?';
                }
            }
            if (font != current.style.font) {
                if (!current.text.empty()) {
                    out.push_back(current);
                }
                current.text.clear();
                current.style.font = font;
            }
            append_utf8(current.text, c);
        }
        if (!current.text.empty()) {
            out.push_back(std::move(current));
        }
    }
    return out;
}

std::vector<Line> break_lines(const std::vector<Span>& spans, const BreakOptions& options,
                              const FontSet& fonts, std::set<char32_t>* missing) {
    const std::vector<Span> clean = with_fallback(spans, fonts, missing);
    Breaker breaker(options, fonts);
    std::vector<Line> lines = breaker.run(tokenize(clean, fonts));
    // Trailing spaces do not count.
    for (auto& line : lines) {
        while (!line.runs.empty() && !line.runs.back().text.empty() &&
               line.runs.back().text.back() == ' ') {
            line.runs.back().text.pop_back();
            if (line.runs.back().text.empty()) {
                line.runs.pop_back();
            }
        }
    }
    return lines;
}

}  // namespace rv::pdf
