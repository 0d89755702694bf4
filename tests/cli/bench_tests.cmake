# canrun bench: smoke tests of the real binary (figures vary by machine, so no golden values).
add_test(NAME cli_bench_json
  COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/bench-config
          $<TARGET_FILE:canrun> bench --json --quick --no-save --no-vendor-libs --dir /nonexistent/canrun)
set_tests_properties(cli_bench_json PROPERTIES LABELS cli
  PASS_REGULAR_EXPRESSION "\"kernels\".*\"family\": \"q4_k\".*\"disk.no_dir\"")
add_test(NAME cli_bench_saves_record
  COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/bench-config
          $<TARGET_FILE:canrun> bench --quick --no-vendor-libs --lang zh --dir /nonexistent/canrun)
set_tests_properties(cli_bench_saves_record PROPERTIES LABELS cli
  PASS_REGULAR_EXPRESSION "内存读取.*已保存到 .*bench-config/canrun/bench.json")
