// The data files built into the binary (cmake/embed.cmake), listed by name.
#pragma once

#include <cstddef>
#include <string_view>

namespace canrun::catalog {

struct EmbeddedFile {
    std::string_view name;        // "models.json", "i18n/en.json"
    const std::string_view* text;  // the bytes, defined by the generated embed source
};

// Defined in the generated embedded_data_table.cpp; sorted by name.
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace canrun::catalog
