#pragma once
// Norwegian hyphenation with libhyphen and hyphen-no's patterns (ISO-8859-1 files): the
// places inside a UTF-8 word where a line may break with a hyphen added.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rv::pdf {

class Hyphenator {
  public:
    // Loads a pattern file; `ok()` is false when it cannot be read (text is then not
    // hyphenated, which is never an error).
    explicit Hyphenator(const std::string& dictionary_path);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // The process-wide hyphenator for "nb" or "nn" (anything else reads as nb), from
    // $RV_HYPHEN_DIR or /usr/share/hyphen. Loaded once; safe to share between threads.
    static const Hyphenator& shared(const std::string& language);

    bool ok() const { return dict_ != nullptr; }

    // Byte offsets into `word` after which a hyphen may be inserted. Words with
    // characters outside Latin-1, digits or fewer than five letters get none.
    std::vector<std::size_t> breaks(std::string_view word) const;

  private:
    struct Dict;
    Dict* dict_ = nullptr;
};

}  // namespace rv::pdf
