#include <windows.h>

#include "hw/vendor/dynamic_library.h"

namespace canrun::hw {

void DynamicLibrary::Closer::operator()(void* h) const {
    if (h != nullptr) {
        ::FreeLibrary(static_cast<HMODULE>(h));
    }
}

Result<DynamicLibrary> DynamicLibrary::open(std::span<const std::string> candidates) {
    std::string errors;
    for (const auto& name : candidates) {
        if (HMODULE h = ::LoadLibraryA(name.c_str())) {
            return DynamicLibrary(h);
        }
        errors += (errors.empty() ? "" : "; ") + name + ": error " + std::to_string(::GetLastError());
    }
    return fail(errors.empty() ? "no candidate library names" : errors, ExitCode::Internal);
}

void* DynamicLibrary::symbol(const char* name) const {
    return handle_ ? reinterpret_cast<void*>(::GetProcAddress(static_cast<HMODULE>(handle_.get()), name))
                   : nullptr;
}

}  // namespace canrun::hw
