# `canrun scan` golden tests over stores generated at test time (make_scan_fixtures). Relative
# paths (tests run in this build folder) keep build paths out of the goldens; --hw keeps the
# verdicts the same on every machine; --no-ollama keeps a real Ollama out of them.
add_executable(make_scan_fixtures make_scan_fixtures.cpp)
target_link_libraries(make_scan_fixtures PRIVATE canrun_scan_test_stores canrun_warnings)

set(SCAN_DIR ${CMAKE_CURRENT_BINARY_DIR}/scan_fixtures)
add_test(NAME scan_fixtures COMMAND make_scan_fixtures ${SCAN_DIR})
set_tests_properties(scan_fixtures PROPERTIES LABELS cli FIXTURES_SETUP scan_stores)

set(SCAN_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(SCAN_ARGS scan scan_fixtures/ollama scan_fixtures/hf scan_fixtures/plain --hw "RTX 4060" --no-ollama)
canrun_golden_test(NAME scan_json GOLDEN ${SCAN_GOLDEN}/scan_rtx4060.json ARGS ${SCAN_ARGS} --json)
canrun_golden_test(NAME scan_text_en GOLDEN ${SCAN_GOLDEN}/scan_rtx4060_en.txt ARGS ${SCAN_ARGS} --lang en
  ENV LANG=C LC_ALL=)
canrun_golden_test(NAME scan_text_zh GOLDEN ${SCAN_GOLDEN}/scan_rtx4060_zh.txt ARGS ${SCAN_ARGS} --lang zh
  ENV LANG=C LC_ALL=)
# Nothing there: a short answer naming where it looked, exit 0. An unreachable Ollama is a line.
canrun_golden_test(NAME scan_empty_dir GOLDEN ${SCAN_GOLDEN}/scan_empty.txt
  ARGS scan scan_fixtures/hf/none --hw "RTX 4060" --ollama-host 127.0.0.1:9 --lang en ENV LANG=C LC_ALL=)
set_tests_properties(scan_json scan_text_en scan_text_zh scan_empty_dir PROPERTIES FIXTURES_REQUIRED scan_stores)
