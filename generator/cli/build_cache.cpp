#include "cli/build_cache.hpp"

#include <cstring>
#include <fstream>

#include "render/staging.hpp"

namespace rv::cli {

namespace {

constexpr std::string_view magic = "rapportverk build cache 2\n";

// Writes in pieces of about a megabyte: the cache of a national site is tens of MB.
class Writer {
  public:
    explicit Writer(const std::filesystem::path& file) : file_(file) {}

    void number(std::uint64_t value) {
        char bytes[8];
        for (int i = 0; i < 8; ++i) {
            bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
        }
        raw(std::string_view(bytes, 8));
    }
    void text(const std::string& value) {
        number(value.size());
        raw(value);
    }
    void raw(std::string_view value) {
        out_ += value;
        if (out_.size() > (1U << 20)) {
            file_.write(out_);
            out_.clear();
        }
    }
    void close() {
        file_.write(out_);
        file_.close();
    }

  private:
    render::StreamedFile file_;
    std::string out_;
};

class Reader {
  public:
    explicit Reader(std::string bytes) : in_(std::move(bytes)) {}

    bool raw(std::string_view expected) {
        if (in_.compare(at_, expected.size(), expected) != 0) {
            return ok_ = false;
        }
        at_ += expected.size();
        return true;
    }
    std::uint64_t number() {
        if (!ok_ || in_.size() - at_ < 8) {
            ok_ = false;
            return 0;
        }
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i) {
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[at_ + i]))
                     << (8 * i);
        }
        at_ += 8;
        return value;
    }
    std::string text() {
        const std::uint64_t size = number();
        if (!ok_ || in_.size() - at_ < size) {
            ok_ = false;
            return {};
        }
        std::string value = in_.substr(at_, size);
        at_ += size;
        return value;
    }
    // A count of items, each at least `min_bytes` long: never more than the bytes left.
    std::uint64_t count(std::size_t min_bytes) {
        const std::uint64_t n = number();
        if (n > (in_.size() - at_) / min_bytes) {
            ok_ = false;
            return 0;
        }
        return n;
    }
    bool ok() const { return ok_ && at_ == in_.size(); }
    bool good() const { return ok_; }

  private:
    std::string in_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

// The bytes of `file` (tens of MB for a national site), read once into one string.
std::optional<std::string> read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) {
        return std::nullopt;
    }
    const std::streamoff size = in.tellg();
    if (size < 0) {
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(bytes.data(), size);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

std::optional<BuildCache> read_build_cache(const std::filesystem::path& file) {
    std::optional<std::string> bytes = read_whole(file);
    if (!bytes) {
        return std::nullopt;
    }
    Reader r(std::move(*bytes));
    if (!r.raw(magic)) {
        return std::nullopt;
    }
    BuildCache cache;
    cache.site = r.number();
    cache.theme = r.number();
    cache.pdf = r.number() != 0;
    for (std::uint64_t n = r.count(8), i = 0; r.good() && i < n; ++i) {
        const std::string dir = r.text();
        CachedReport report;
        report.input = r.number();
        for (std::uint64_t m = r.count(8), j = 0; r.good() && j < m; ++j) {
            model::Diagnostic d;
            d.code = r.text();
            d.severity = static_cast<model::Severity>(r.number() % 3);
            d.at.file = r.text();
            d.at.line = static_cast<int>(r.number());
            d.at.column = static_cast<int>(r.number());
            for (std::uint64_t k = r.count(8), a = 0; r.good() && a < k; ++a) {
                d.args.push_back(r.text());
            }
            report.diagnostics.push_back(std::move(d));
        }
        report.pdf_warning = r.text();
        render::ReportSearchText search;
        search.summary = r.text();
        search.words = r.text();
        cache.search.emplace(dir, std::move(search));
        cache.reports.emplace(dir, std::move(report));
    }
    for (std::uint64_t n = r.count(24), i = 0; r.good() && i < n; ++i) {
        const auto year = static_cast<int>(r.number());
        cache.volumes[year] = r.number();
        if (std::string warning = r.text(); !warning.empty()) {
            cache.volume_warnings[year] = std::move(warning);
        }
    }
    if (!r.ok()) {
        return std::nullopt;
    }
    return cache;
}

void write_build_cache(const std::filesystem::path& file, const BuildCache& cache) {
    Writer w(file);
    w.raw(magic);
    w.number(cache.site);
    w.number(cache.theme);
    w.number(cache.pdf ? 1 : 0);
    w.number(cache.reports.size());
    for (const auto& [dir, report] : cache.reports) {
        w.text(dir);
        w.number(report.input);
        w.number(report.diagnostics.size());
        for (const auto& d : report.diagnostics) {
            w.text(d.code);
            w.number(static_cast<std::uint64_t>(d.severity));
            w.text(d.at.file);
            w.number(static_cast<std::uint64_t>(d.at.line));
            w.number(static_cast<std::uint64_t>(d.at.column));
            w.number(d.args.size());
            for (const auto& arg : d.args) {
                w.text(arg);
            }
        }
        w.text(report.pdf_warning);
        const auto search = cache.search.find(dir);
        w.text(search != cache.search.end() ? search->second.summary : "");
        w.text(search != cache.search.end() ? search->second.words : "");
    }
    w.number(cache.volumes.size());
    for (const auto& [year, input] : cache.volumes) {
        w.number(static_cast<std::uint64_t>(year));
        w.number(input);
        const auto warning = cache.volume_warnings.find(year);
        w.text(warning != cache.volume_warnings.end() ? warning->second : "");
    }
    w.close();
}

}  // namespace rv::cli
