# The main job, recommend and table on recorded machines (tests/fixtures/sysroots). The answers
# depend on data/*.json: after a data change, review the diff and regenerate with
#   UPDATE_GOLDEN=1 ctest -R main_
set(sysroots ${PROJECT_SOURCE_DIR}/tests/fixtures/sysroots)
set(golden ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(env LANG=C LC_ALL= HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent NO_COLOR=1)

foreach(machine desktop_rtx4090 laptop_rtx4060_hybrid rpi5_8gb vm_no_gpu)
  canrun_golden_test(NAME main_${machine}_en GOLDEN ${golden}/main_${machine}_en.txt
    ARGS --sysroot ${sysroots}/${machine} --no-vendor-libs --lang en ENV ${env})
endforeach()
canrun_golden_test(NAME main_desktop_rtx4090_zh GOLDEN ${golden}/main_desktop_rtx4090_zh.txt
  ARGS --sysroot ${sysroots}/desktop_rtx4090 --no-vendor-libs --lang zh ENV ${env})
canrun_golden_test(NAME main_server_8x_h100_json GOLDEN ${golden}/main_server_8x_h100.json
  ARGS --sysroot ${sysroots}/server_8x_h100 --no-vendor-libs --json ENV ${env})
canrun_golden_test(NAME main_recommend_code_hw_profile GOLDEN ${golden}/recommend_code_m2max.txt
  ARGS recommend --use code --hw "Apple M2 Max 38-core" --lang en ENV ${env})
canrun_golden_test(NAME main_table_strix_halo_en GOLDEN ${golden}/table_strix_halo_en.txt
  ARGS table --sysroot ${sysroots}/apu_strix_halo --no-vendor-libs --lang en ENV ${env})
canrun_golden_test(NAME main_table_iris_zh GOLDEN ${golden}/table_iris_xe_zh.txt
  ARGS table --sysroot ${sysroots}/laptop_iris_xe --no-vendor-libs --lang zh ENV ${env})
canrun_golden_test(NAME main_table_json GOLDEN ${golden}/table_pi5.json
  ARGS table --sysroot ${sysroots}/rpi5_8gb --no-vendor-libs --json ENV ${env})

# Errors: an unknown --hw name is a usage error with suggestions; a bad --sysroot is bad input.
add_test(NAME main_unknown_hw_exits_2 COMMAND canrun --hw "RTX 9999 Ultra")
set_tests_properties(main_unknown_hw_exits_2 PROPERTIES LABELS cli WILL_FAIL TRUE)
add_test(NAME main_unknown_hw_message COMMAND canrun --hw "RTX 4060 Laptp")
set_tests_properties(main_unknown_hw_message PROPERTIES LABELS cli
  PASS_REGULAR_EXPRESSION "did you mean.*4060")
add_test(NAME main_bad_sysroot COMMAND canrun --sysroot /nonexistent/dir)
set_tests_properties(main_bad_sysroot PROPERTIES LABELS cli
  PASS_REGULAR_EXPRESSION "canrun: /nonexistent/dir: --sysroot is not a directory")
