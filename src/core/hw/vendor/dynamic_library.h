// DynamicLibrary: a shared library opened with dlopen at run time (vendor libraries are never
// linked), closed when the object goes away.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "util/result.h"

namespace canrun::hw {

class DynamicLibrary {
public:
    /// Tries each candidate in order; the error lists every dlerror() text.
    [[nodiscard]] static Result<DynamicLibrary> open(std::span<const std::string> candidates);

    /// The symbol as a function pointer, or nullptr when the library lacks it.
    template <typename Fn>
    Fn* function(const char* name) const {
        return reinterpret_cast<Fn*>(symbol(name));
    }

private:
    struct Closer {
        void operator()(void* h) const;
    };
    explicit DynamicLibrary(void* handle) : handle_(handle) {}
    void* symbol(const char* name) const;

    std::unique_ptr<void, Closer> handle_;
};

}  // namespace canrun::hw
