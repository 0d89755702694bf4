# Runs `canrun models` in English and Chinese and fails if a line is wider than 80 columns.
foreach(lang en zh)
  execute_process(COMMAND ${PROGRAM} models --data-dir ${DATA} --lang ${lang}
    OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "canrun models --lang ${lang} exited ${rc}")
  endif()
  string(REPLACE "\n" ";" lines "${out}")
  foreach(line IN LISTS lines)
    # Two columns per multi-byte (CJK) character, one per ASCII byte.
    string(REGEX REPLACE "[\x01-\x7f]" "" wide "${line}")
    string(LENGTH "${line}" bytes)
    string(LENGTH "${wide}" wide_bytes)
    math(EXPR cols "${bytes} - ${wide_bytes} + (${wide_bytes} / 3) * 2")
    if(cols GREATER 80)
      message(FATAL_ERROR "--lang ${lang}: ${cols} columns: ${line}")
    endif()
  endforeach()
endforeach()
