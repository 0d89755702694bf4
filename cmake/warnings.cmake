# Warnings and sanitizers for every target of ours, as one INTERFACE target.
add_library(canrun_warnings INTERFACE)
target_compile_options(canrun_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wnull-dereference -Wimplicit-fallthrough -Wno-missing-field-initializers
  $<$<BOOL:${CANRUN_WERROR}>:-Werror>)
if(CANRUN_SANITIZE)
  target_compile_options(canrun_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(canrun_warnings INTERFACE -fsanitize=address,undefined)
endif()
