# --color and NO_COLOR on a pipe and on a terminal, and the width of --explain, in en and zh
# (accuracy helper). Goldens run on a pipe without NO_COLOR, so they also show that colour
# stays off there.
add_executable(check_text check_text.cpp)
target_link_libraries(check_text PRIVATE canrun_report canrun_warnings)

set(TEXT_DIR ${CMAKE_CURRENT_BINARY_DIR}/text_checks)
file(MAKE_DIRECTORY ${TEXT_DIR})
set(COLOR_FIT fit fit_fixtures/tiny-llama.gguf --sysroot ${PROJECT_SOURCE_DIR}/tests/fixtures/sysroots/vm_no_gpu --no-vendor-libs)
set(COLOR_MAIN --sysroot ${PROJECT_SOURCE_DIR}/tests/fixtures/sysroots/desktop_rtx4090 --no-vendor-libs)

# canrun_text_test(NAME n EXPECT color|plain|any ARGS ... [TTY] [ENV A=1 ...] [FIT])
function(canrun_text_test)
  cmake_parse_arguments(T "TTY;FIT" "NAME;EXPECT" "ARGS;ENV" ${ARGN})
  list(JOIN T_ARGS "|" joined)
  list(JOIN T_ENV "|" joined_env)
  set(tty 0)
  if(T_TTY)
    set(tty 1)
  endif()
  add_test(NAME ${T_NAME}
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:canrun> "-DARGS=${joined}"
            "-DENV_VARS=${joined_env}" -DTTY=${tty} -DOUT=${TEXT_DIR}/${T_NAME}.txt
            -DCHECKER=$<TARGET_FILE:check_text> -DEXPECT=${T_EXPECT}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/text_check.cmake)
  set_tests_properties(${T_NAME} PROPERTIES LABELS cli)
  if(T_FIT)
    set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED fit_gguf)
  endif()
endfunction()

canrun_text_test(NAME color_always_on_a_pipe EXPECT color FIT ARGS ${COLOR_FIT} --color always)
canrun_text_test(NAME color_auto_on_a_pipe EXPECT plain FIT ARGS ${COLOR_FIT})
if(EXISTS /usr/bin/script)
  canrun_text_test(NAME color_never_on_a_terminal EXPECT plain FIT TTY ARGS ${COLOR_FIT} --color never)
  canrun_text_test(NAME color_auto_on_a_terminal EXPECT color FIT TTY ARGS ${COLOR_FIT})
  canrun_text_test(NAME color_no_color_on_a_terminal EXPECT plain FIT TTY ARGS ${COLOR_FIT}
    ENV NO_COLOR=1)
  canrun_text_test(NAME color_term_dumb_on_a_terminal EXPECT plain FIT TTY ARGS ${COLOR_FIT}
    ENV TERM=dumb)
  canrun_text_test(NAME color_main_zh_on_a_terminal EXPECT color TTY ARGS ${COLOR_MAIN} --lang zh)
endif()
foreach(lang en zh)
  canrun_text_test(NAME explain_fit_${lang}_fits_80_columns EXPECT plain FIT
    ARGS ${COLOR_FIT} --explain --lang ${lang})
  canrun_text_test(NAME explain_fit_gpu_${lang}_fits_80_columns EXPECT color
    ARGS fit qwen2.5:14b --hw "RTX 4060" --explain --color always --lang ${lang})
  canrun_text_test(NAME explain_main_${lang}_fits_80_columns EXPECT plain
    ARGS ${COLOR_MAIN} --explain --lang ${lang})
endforeach()
