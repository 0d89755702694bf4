#include <dlfcn.h>

#include "hw/vendor/dynamic_library.h"

namespace canrun::hw {

void DynamicLibrary::Closer::operator()(void* h) const {
    if (h != nullptr) {
        ::dlclose(h);
    }
}

Result<DynamicLibrary> DynamicLibrary::open(std::span<const std::string> candidates) {
    std::string errors;
    for (const auto& name : candidates) {
        if (void* h = ::dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            return DynamicLibrary(h);
        }
        const char* e = ::dlerror();
        errors += (errors.empty() ? "" : "; ") + std::string(e != nullptr ? e : name + ": not found");
    }
    return fail(errors.empty() ? "no candidate library names" : errors, ExitCode::Internal);
}

void* DynamicLibrary::symbol(const char* name) const {
    return handle_ ? ::dlsym(handle_.get(), name) : nullptr;
}

}  // namespace canrun::hw
