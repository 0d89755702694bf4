# Runs PROGRAM with ARGS (|-separated), optionally on a pseudo-terminal (TTY=1, through
# util-linux `script`), with ENV_VARS (|-separated NAME=VALUE; NO_COLOR is unset unless given),
# writes stdout to OUT and runs CHECKER OUT EXPECT (check_text.cpp).
string(REPLACE "|" ";" args "${ARGS}")
set(env_list --unset=NO_COLOR TERM=xterm-256color LANG=C LC_ALL=)
if(DEFINED ENV_VARS AND NOT ENV_VARS STREQUAL "")
  string(REPLACE "|" ";" extra "${ENV_VARS}")
  list(APPEND env_list ${extra})
endif()
if(TTY)
  set(line "'${PROGRAM}'")
  foreach(a IN LISTS args)
    string(APPEND line " '${a}'")
  endforeach()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ${env_list} script -qec "${line}" /dev/null
    OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
else()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env ${env_list} ${PROGRAM} ${args}
    OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(FATAL_ERROR "exit code ${rc}")
endif()
execute_process(COMMAND ${CHECKER} ${OUT} ${EXPECT} RESULT_VARIABLE check)
if(NOT check EQUAL 0)
  message(FATAL_ERROR "check_text failed on ${OUT}")
endif()
