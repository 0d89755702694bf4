# `canrun fit` golden tests over GGUF files generated at test time (make_fit_fixtures).
add_executable(make_fit_fixtures make_fit_fixtures.cpp)
target_link_libraries(make_fit_fixtures PRIVATE canrun_test_support canrun_warnings)

set(FIT_DIR ${CMAKE_CURRENT_BINARY_DIR}/fit_fixtures)
add_test(NAME fit_fixtures COMMAND make_fit_fixtures ${FIT_DIR})
set_tests_properties(fit_fixtures PROPERTIES LABELS cli FIXTURES_SETUP fit_gguf)

set(FIT_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
# fit answers for a machine: a recorded one keeps the goldens the same everywhere, and the
# relative model path (tests run in this build folder) keeps the commands free of build paths.
set(FIT_MACHINE --sysroot ${PROJECT_SOURCE_DIR}/tests/fixtures/sysroots/vm_no_gpu --no-vendor-libs)
set(FIT_REL fit_fixtures)
canrun_golden_test(NAME fit_text_en GOLDEN ${FIT_GOLDEN}/fit_text_en.txt
  ARGS fit ${FIT_REL}/tiny-llama.gguf --lang en ${FIT_MACHINE} ENV LANG=C LC_ALL=)
canrun_golden_test(NAME fit_text_zh GOLDEN ${FIT_GOLDEN}/fit_text_zh.txt
  ARGS fit ${FIT_REL}/tiny-llama.gguf --lang zh --ctx 2048 --kv-type q8_0 ${FIT_MACHINE}
  ENV LANG=C LC_ALL=)
canrun_golden_test(NAME fit_json GOLDEN ${FIT_GOLDEN}/fit_json.json
  ARGS fit ${FIT_REL}/tiny-llama.gguf --json --ctx 1000 --parallel 2 --flash-attn off
  ${FIT_MACHINE})
# Bad input: nothing on stdout, exit 3, one stderr line.
foreach(bad not-a-model truncated no-arch)
  canrun_golden_test(NAME fit_bad_${bad} GOLDEN ${FIT_GOLDEN}/fit_empty.txt EXPECT_RC 3
    ARGS fit ${FIT_DIR}/${bad}.gguf)
endforeach()
canrun_golden_test(NAME fit_missing_file GOLDEN ${FIT_GOLDEN}/fit_empty.txt EXPECT_RC 3
  ARGS fit ${FIT_DIR}/no-such-file.gguf)
# A quantized V cache without flash attention is a usage error (exit 2).
canrun_golden_test(NAME fit_quantized_v_needs_fa GOLDEN ${FIT_GOLDEN}/fit_empty.txt EXPECT_RC 2
  ARGS fit ${FIT_DIR}/tiny-llama.gguf --kv-type q4_0 --flash-attn off)
set_tests_properties(fit_text_en fit_text_zh fit_json fit_bad_not-a-model fit_bad_truncated
  fit_bad_no-arch fit_missing_file fit_quantized_v_needs_fa PROPERTIES FIXTURES_REQUIRED fit_gguf)
