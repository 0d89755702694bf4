# canrun_golden_test(NAME name GOLDEN file ARGS a b c [EXPECT_RC n] [ENV A=1 B=2])
function(canrun_golden_test)
  cmake_parse_arguments(G "" "NAME;GOLDEN;EXPECT_RC" "ARGS;ENV" ${ARGN})
  if(NOT DEFINED G_EXPECT_RC)
    set(G_EXPECT_RC 0)
  endif()
  list(JOIN G_ARGS "|" joined)
  list(JOIN G_ENV "|" joined_env)
  add_test(NAME ${G_NAME}
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:canrun> "-DARGS=${joined}"
            "-DENV_VARS=${joined_env}" -DGOLDEN=${G_GOLDEN} -DEXPECT_RC=${G_EXPECT_RC}
            -P ${PROJECT_SOURCE_DIR}/cmake/golden_test.cmake)
  set_tests_properties(${G_NAME} PROPERTIES LABELS cli)
endfunction()
