#pragma once
// Images that report Markdown shows (![alt](file.png)): the bytes of each local file,
// read and checked by the loader, so that renderers never read files themselves.
#include <map>
#include <string>

namespace rv::model {

enum class ImageFormat { png, jpeg };

struct Image {
    std::string file;  // root-relative, '/'-separated
    ImageFormat format = ImageFormat::png;
    int width = 0;   // pixels
    int height = 0;  // pixels
    double dpi = 0;  // resolution the file states (PNG pHYs, JPEG JFIF); 0: none
    std::string bytes;
    std::string problem;  // message key of why it cannot be shown ("image.truncated"); "" = usable

    bool usable() const { return problem.empty() && width > 0 && height > 0; }
};

// Images by root-relative path.
using Images = std::map<std::string, Image>;

// The root-relative path of the local file that `url` in the Markdown file `section_file`
// names ("services/x/2023/figur.png"); "" when the URL has a scheme, is an anchor, an
// absolute path, or leads out of `root`.
std::string local_file(const std::string& root, const std::string& section_file,
                       const std::string& url);

// The image `url` in `section_file` shows; null when it is not a local file that was read.
const Image* find_image(const Images& images, const std::string& root,
                        const std::string& section_file, const std::string& url);

}  // namespace rv::model
