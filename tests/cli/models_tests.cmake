# `canrun models` golden tests over the shipped data/models.json.
set(MODELS_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(MODELS_DATA ${PROJECT_SOURCE_DIR}/data)
canrun_golden_test(NAME models_search_qwen2_5_en GOLDEN ${MODELS_GOLDEN}/models_qwen2.5_en.txt
  ARGS models --search qwen2.5: --data-dir ${MODELS_DATA} --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME models_search_deepseek_zh GOLDEN ${MODELS_GOLDEN}/models_deepseek_zh.txt
  ARGS models --search deepseek --data-dir ${MODELS_DATA} --lang zh ENV LANG=C LC_ALL=)
canrun_golden_test(NAME models_search_gemma3_json GOLDEN ${MODELS_GOLDEN}/models_gemma3.json
  ARGS models --search gemma3: --json --data-dir ${MODELS_DATA})
canrun_golden_test(NAME models_search_none GOLDEN ${MODELS_GOLDEN}/models_none.txt
  ARGS models --search no-such-model --data-dir ${MODELS_DATA} --lang en ENV LANG=C LC_ALL=)
# Every row of the full list fits 80 columns (CJK characters count two).
add_test(NAME models_all_fit_80_columns
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:canrun> -DDATA=${MODELS_DATA}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/models_width.cmake)
set_tests_properties(models_all_fit_80_columns PROPERTIES LABELS cli)
# A malformed --data-dir models.json: nothing on stdout, exit 3, one stderr line per problem.
set(MODELS_BAD ${PROJECT_SOURCE_DIR}/tests/fixtures/models_bad)
canrun_golden_test(NAME models_bad_data GOLDEN ${MODELS_GOLDEN}/models_empty.txt
  EXPECT_RC 3 ARGS models --data-dir ${MODELS_BAD})
add_test(NAME models_bad_data_message COMMAND canrun models --data-dir ${MODELS_BAD})
set_tests_properties(models_bad_data_message PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION
  "^canrun: [^\n]*models.json: model \"bad-one:7b\": \"arch.n_head_kv\" must divide n_head\ncanrun: [^\n]*model \"bad-two:1b\": \"arch.colour\" is not a known field[^\n]*\ncanrun: [^\n]*\"params\" must be positive")
# `canrun fit <catalog id>`: the GGUF predicted from models.json (default Q4_K_M; the tag's or
# --quant's mix otherwise). bartowski's Qwen2.5-14B-Instruct-Q4_K_M.gguf is 8.99 GB.
add_test(NAME fit_catalog_id_json COMMAND canrun fit qwen2.5:14b --json --data-dir ${MODELS_DATA})
set_tests_properties(fit_catalog_id_json PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION
  "\"id\": \"qwen2.5:14b\"[^}]*\"file_bytes\": 89[89][0-9][0-9][0-9][0-9][0-9][0-9][0-9],[^}]*\"quant\": \"Q4_K_M\"")
add_test(NAME fit_catalog_tag_quant COMMAND canrun fit Qwen2.5:14B-Instruct-Q8_0 --json --data-dir ${MODELS_DATA})
set_tests_properties(fit_catalog_tag_quant PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION
  "\"id\": \"qwen2.5:14b\"[^}]*\"quant\": \"Q8_0\"")
canrun_golden_test(NAME fit_catalog_unknown GOLDEN ${MODELS_GOLDEN}/models_empty.txt
  EXPECT_RC 3 ARGS fit qwen2.5:15b --data-dir ${MODELS_DATA})
add_test(NAME fit_catalog_unknown_message COMMAND canrun fit qwen2.5:15b --data-dir ${MODELS_DATA})
set_tests_properties(fit_catalog_unknown_message PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION
  "^canrun: unknown model \"qwen2.5:15b\"; did you mean qwen2.5:[^\n]*\\?\n$")
canrun_golden_test(NAME fit_catalog_bad_quant GOLDEN ${MODELS_GOLDEN}/models_empty.txt
  EXPECT_RC 2 ARGS fit qwen2.5:14b --quant Q9_X --data-dir ${MODELS_DATA})
