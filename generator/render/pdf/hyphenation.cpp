#include "render/pdf/hyphenation.hpp"

#include <cstdlib>

#include <hyphen.h>

#include "render/pdf/fonts.hpp"

namespace rv::pdf {

struct Hyphenator::Dict {
    HyphenDict* dict = nullptr;
};

Hyphenator::Hyphenator(const std::string& dictionary_path) {
    HyphenDict* loaded = hnj_hyphen_load(dictionary_path.c_str());
    if (loaded) {
        dict_ = new Dict{loaded};
    }
}

Hyphenator::~Hyphenator() {
    if (dict_) {
        hnj_hyphen_free(dict_->dict);
        delete dict_;
    }
}

const Hyphenator& Hyphenator::shared(const std::string& language) {
    const char* env = std::getenv("RV_HYPHEN_DIR");
    const std::string dir = env && *env ? env : "/usr/share/hyphen";
    static const Hyphenator bokmal(dir + "/hyph_nb_NO.dic");
    static const Hyphenator nynorsk(dir + "/hyph_nn_NO.dic");
    return language == "nn" && nynorsk.ok() ? nynorsk : bokmal;
}

std::vector<std::size_t> Hyphenator::breaks(std::string_view word) const {
    std::vector<std::size_t> out;
    if (!dict_) {
        return out;
    }
    // Latin-1, lower case, and where each character ends in the UTF-8 word.
    std::string latin;
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < word.size();) {
        char32_t c = next_code_point(word, i);
        const bool upper = (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
        if (upper) {
            c += 0x20;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
        if (!letter) {
            return out;
        }
        latin += static_cast<char>(c);
        ends.push_back(i);
    }
    if (latin.size() < 5 || latin.size() > 60) {
        return out;
    }
    std::vector<char> hyphens(latin.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed =
        hnj_hyphen_hyphenate3(dict_->dict, latin.data(), static_cast<int>(latin.size()),
                              hyphens.data(), nullptr, &rep, &pos, &cut, 2, 3, 2, 2);
    if (rep) {  // non-standard hyphenation: not used, but the arrays are ours to free
        for (std::size_t i = 0; i < latin.size(); ++i) {
            std::free(rep[i]);
        }
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    if (failed) {
        return out;
    }
    for (std::size_t i = 1; i + 2 < latin.size(); ++i) {
        if (hyphens[i] & 1) {
            out.push_back(ends[i]);
        }
    }
    return out;
}

}  // namespace rv::pdf
