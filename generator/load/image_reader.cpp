#include "load/image_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

#include <zlib.h>

#include "load/files.hpp"

namespace rv::load {

namespace {

std::uint32_t be32(std::string_view d, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(d[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 3]));
}

unsigned be16(std::string_view d, std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(d[at])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(d[at + 1]));
}

unsigned byte(std::string_view d, std::size_t at) {
    return static_cast<unsigned char>(d[at]);
}

// Bytes of one row of `width` pixels, without the filter byte.
std::uint64_t row_bytes(std::uint64_t width, unsigned channels, unsigned depth) {
    return (width * channels * depth + 7) / 8;
}

// The size of the filtered image data: a filter byte per row, per Adam7 pass if interlaced.
std::uint64_t raw_size(std::uint64_t w, std::uint64_t h, unsigned channels, unsigned depth,
                       bool interlaced) {
    if (!interlaced) {
        return h * (1 + row_bytes(w, channels, depth));
    }
    static const unsigned x0[] = {0, 4, 0, 2, 0, 1, 0}, dx[] = {8, 8, 4, 4, 2, 2, 1};
    static const unsigned y0[] = {0, 0, 4, 0, 2, 0, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
    std::uint64_t total = 0;
    for (int p = 0; p < 7; ++p) {
        const std::uint64_t pw = w > x0[p] ? (w - x0[p] + dx[p] - 1) / dx[p] : 0;
        const std::uint64_t ph = h > y0[p] ? (h - y0[p] + dy[p] - 1) / dy[p] : 0;
        if (pw > 0 && ph > 0) {
            total += ph * (1 + row_bytes(pw, channels, depth));
        }
    }
    return total;
}

// The length of the inflated zlib stream; -1 when it is damaged or ends too soon.
long long inflated_size(const std::string& data, std::uint64_t limit) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) {
        return -1;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    unsigned char buffer[16384];
    std::uint64_t total = 0;
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = buffer;
        z.avail_out = sizeof buffer;
        status = inflate(&z, Z_NO_FLUSH);
        total += sizeof buffer - z.avail_out;
        if (total > limit || (status == Z_BUF_ERROR && z.avail_in == 0)) {
            break;
        }
    }
    inflateEnd(&z);
    return status == Z_STREAM_END ? static_cast<long long>(total) : -1;
}

void read_png(std::string_view d, model::Image& image) {
    image.format = model::ImageFormat::png;
    std::size_t at = 8;
    bool header = false, palette = false, end = false;
    unsigned depth = 0, type = 0, interlace = 0;
    std::string data;
    while (!end) {
        if (at + 12 > d.size()) {
            image.problem = "image.truncated";
            return;
        }
        const std::uint32_t length = be32(d, at);
        const std::string_view kind = d.substr(at + 4, 4);
        if (length > d.size() || at + 12 + length > d.size()) {
            image.problem = "image.truncated";
            return;
        }
        const std::string_view body = d.substr(at + 8, length);
        const auto crc = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(kind.data()),
                               static_cast<uInt>(4 + length));
        if (crc != be32(d, at + 8 + length)) {
            image.problem = "image.damaged";
            return;
        }
        if (!header && kind != "IHDR") {
            image.problem = "image.damaged";
            return;
        }
        if (kind == "IHDR") {
            if (header || length != 13) {
                image.problem = "image.damaged";
                return;
            }
            header = true;
            image.width = static_cast<int>(std::min<std::uint32_t>(be32(body, 0), 1u << 30));
            image.height = static_cast<int>(std::min<std::uint32_t>(be32(body, 4), 1u << 30));
            depth = byte(body, 8);
            type = byte(body, 9);
            interlace = byte(body, 12);
            const bool valid =
                (type == 0 &&
                 (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                (type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
                ((type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16));
            if (!valid || byte(body, 10) != 0 || byte(body, 11) != 0 || interlace > 1 ||
                image.width <= 0 || image.height <= 0) {
                image.problem = "image.damaged";
                return;
            }
        } else if (kind == "PLTE") {
            palette = true;
        } else if (kind == "IDAT") {
            data.append(body);
        } else if (kind == "IEND") {
            end = true;
        } else if (kind == "pHYs" && length == 9 && byte(body, 8) == 1) {
            image.dpi = be32(body, 0) * 0.0254;  // pixels per metre
        }
        at += 12 + length;
    }
    if (static_cast<long long>(image.width) * image.height > max_image_pixels) {
        image.problem = "image.too_large";
        return;
    }
    if (data.empty() || (type == 3 && !palette)) {
        image.problem = "image.damaged";
        return;
    }
    if (interlace == 1 || depth == 16) {
        image.problem = "image.unsupported";  // libharu's PNG reader garbles or refuses these
        return;
    }
    const unsigned channels = type == 2 ? 3 : type == 4 ? 2 : type == 6 ? 4 : 1;
    const std::uint64_t expected =
        raw_size(static_cast<std::uint64_t>(image.width), static_cast<std::uint64_t>(image.height),
                 channels, depth, interlace == 1);
    const long long got = inflated_size(data, expected);
    if (got < 0 || static_cast<std::uint64_t>(got) != expected) {
        image.problem = got < 0 ? "image.damaged" : "image.truncated";
    }
}

void read_jpeg(std::string_view d, model::Image& image) {
    image.format = model::ImageFormat::jpeg;
    std::size_t at = 2;
    bool frame = false;
    while (true) {
        while (at < d.size() && byte(d, at) == 0xFF && at + 1 < d.size() &&
               byte(d, at + 1) == 0xFF) {
            ++at;  // fill bytes
        }
        if (at + 4 > d.size() || byte(d, at) != 0xFF) {
            image.problem = at + 4 > d.size() ? "image.truncated" : "image.damaged";
            return;
        }
        const unsigned marker = byte(d, at + 1);
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;  // no length
            continue;
        }
        const std::size_t length = be16(d, at + 2);
        if (length < 2 || at + 2 + length > d.size()) {
            image.problem = "image.truncated";
            return;
        }
        const std::string_view body = d.substr(at + 4, length - 2);
        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
            if (body.size() < 6) {
                image.problem = "image.damaged";
                return;
            }
            image.height = static_cast<int>(be16(body, 1));
            image.width = static_cast<int>(be16(body, 3));
            const unsigned components = byte(body, 5);
            if (byte(body, 0) != 8 || (components != 1 && components != 3) || image.height == 0) {
                image.problem = "image.unsupported";  // 12-bit, CMYK, or a height given later
                return;
            }
            frame = true;
        } else if ((marker >= 0xC3 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 &&
                   marker != 0xCC) {
            image.problem = "image.unsupported";  // lossless, hierarchical or arithmetic coding
            return;
        } else if (marker == 0xE0 && body.size() >= 12 &&
                   body.substr(0, 5) == std::string_view("JFIF\0", 5)) {
            const unsigned units = byte(body, 7);
            const unsigned x = be16(body, 8);
            image.dpi = units == 1 ? x : units == 2 ? x * 2.54 : 0;
        } else if (marker == 0xDA) {
            break;  // start of scan: the entropy-coded data follows
        } else if (marker == 0xD9) {
            image.problem = "image.damaged";
            return;
        }
        at += 2 + length;
    }
    if (!frame) {
        image.problem = "image.damaged";
        return;
    }
    if (static_cast<long long>(image.width) * image.height > max_image_pixels) {
        image.problem = "image.too_large";
        return;
    }
    // A complete file ends with EOI (FF D9), perhaps followed by padding.
    const std::size_t eoi = d.rfind("\xFF\xD9");
    if (eoi == std::string_view::npos || eoi < at) {
        image.problem = "image.truncated";
    }
}

void collect(const model::MarkdownNode& node, const std::string& root,
             const std::set<std::string>& files, const model::Section& section,
             model::Images& images) {
    if (node.kind == model::MarkdownKind::image) {
        const std::string file = model::local_file(root, section.file, node.url);
        if (!file.empty() && files.contains(file) && !model::is_source_file(file) &&
            !images.contains(file)) {
            const FileText read =
                read_text_file(std::filesystem::path(root) / file, max_image_bytes);
            model::Image image = read.ok ? read_image(read.text) : model::Image{};
            if (!read.ok) {
                image.problem = read.error;
            }
            image.file = file;
            images.emplace(file, std::move(image));
        }
    }
    for (const auto& child : node.children) {
        collect(child, root, files, section, images);
    }
}

}  // namespace

model::Image read_image(std::string bytes) {
    model::Image image;
    const std::string_view d(bytes);
    if (d.size() >= 8 && d.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) {
        read_png(d, image);
    } else if (d.size() >= 3 && d.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) {
        read_jpeg(d, image);
    } else {
        image.problem = "image.unknown_format";
    }
    if (!image.problem.empty()) {
        image.width = image.height = 0;
    }
    image.bytes = std::move(bytes);
    return image;
}

void load_images(model::Report& report, const std::string& root,
                 const std::set<std::string>& files) {
    for (const auto& section : report.sections) {
        collect(section.document, root, files, section, report.images);
    }
}

}  // namespace rv::load
