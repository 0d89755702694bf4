# Warnings and sanitizers for every target of ours, as one INTERFACE target.
add_library(canrun_warnings INTERFACE)
target_compile_options(canrun_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wimplicit-fallthrough -Wno-missing-field-initializers
  # -Wnull-dereference is left out: at -O3 GCC 12 reports it inside nlohmann/json's inlined
  # iterators for code that checks every access (false positives, not fixable on our side).
  # GCC 12 reports false -Wrestrict errors inside std::string at -O3 (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${CANRUN_WERROR}>:-Werror>)
if(CANRUN_SANITIZE)
  target_compile_options(canrun_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(canrun_warnings INTERFACE -fsanitize=address,undefined)
endif()
