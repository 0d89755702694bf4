# `canrun hw --list-devices` golden tests over the shipped data/hardware.json.
set(DEV_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(DEV_DATA ${PROJECT_SOURCE_DIR}/data)
canrun_golden_test(NAME hw_list_devices_4060_en GOLDEN ${DEV_GOLDEN}/hw_list_devices_4060_en.txt
  ARGS hw --list-devices --search 4060 --data-dir ${DEV_DATA} --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME hw_list_devices_m2max_zh GOLDEN ${DEV_GOLDEN}/hw_list_devices_m2max_zh.txt
  ARGS hw --list-devices --search "M2 Max" --data-dir ${DEV_DATA} --lang zh ENV LANG=C LC_ALL=)
canrun_golden_test(NAME hw_list_devices_4060_json GOLDEN ${DEV_GOLDEN}/hw_list_devices_4060.json
  ARGS hw --list-devices --search "RTX 4060" --json --data-dir ${DEV_DATA})
canrun_golden_test(NAME hw_list_devices_none GOLDEN ${DEV_GOLDEN}/hw_list_devices_none.txt
  ARGS hw --list-devices --search no-such-gpu --data-dir ${DEV_DATA} --lang en ENV LANG=C LC_ALL=)
# A malformed --data-dir file: nothing on stdout, exit 3, one stderr line per problem.
set(DEV_BAD ${PROJECT_SOURCE_DIR}/tests/fixtures/hwdata_bad)
canrun_golden_test(NAME hw_list_devices_bad_data GOLDEN ${DEV_GOLDEN}/hw_list_devices_empty.txt
  EXPECT_RC 3 ARGS hw --list-devices --data-dir ${DEV_BAD})
add_test(NAME hw_list_devices_bad_data_message
  COMMAND canrun hw --list-devices --data-dir ${DEV_BAD})
set_tests_properties(hw_list_devices_bad_data_message PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION
  "canrun: [^\n]*hardware.json: device bad-one: field \"bandwidth_gbps\"[^\n]*\ncanrun: [^\n]*device bad-two: field \"colour\": unknown field")
