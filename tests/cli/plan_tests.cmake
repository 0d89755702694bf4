# `canrun plan` golden tests (plan helper): catalog models over the built-in data, so the answers
# depend only on data/ and the estimates.
set(PLAN_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(PLAN_NODES ${PROJECT_SOURCE_DIR}/tests/fixtures/plan_nodes)
canrun_golden_test(NAME plan_70b_text_en GOLDEN ${PLAN_GOLDEN}/plan_70b_en.txt
  ARGS plan llama3.3:70b --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_70b_json GOLDEN ${PLAN_GOLDEN}/plan_70b.json
  ARGS plan llama3.3:70b --json --top 6)
canrun_golden_test(NAME plan_235b_moe_zh_cny GOLDEN ${PLAN_GOLDEN}/plan_235b_zh.txt
  ARGS plan qwen3:235b --lang zh --currency CNY --top 8 ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_671b_moe_en GOLDEN ${PLAN_GOLDEN}/plan_671b_en.txt
  ARGS plan deepseek-v3:671b --lang en --top 8 --net 100gbe ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_671b_moe_json GOLDEN ${PLAN_GOLDEN}/plan_671b.json
  ARGS plan deepseek-r1:671b --json --top 4 --tps 20)
# Kimi K2 (1T MoE): one GPU + 768 GB of server RAM, routed experts in RAM, is what runs it.
canrun_golden_test(NAME plan_1t_gpu_and_server_ram GOLDEN ${PLAN_GOLDEN}/plan_1t_hybrid_en.txt
  ARGS plan kimi-k2:1t --top 5 --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_have_3090 GOLDEN ${PLAN_GOLDEN}/plan_have_3090_en.txt
  ARGS plan qwen2.5:72b --have "RTX 3090" --top 6 --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_fastest_budget GOLDEN ${PLAN_GOLDEN}/plan_budget_en.txt
  ARGS plan qwen2.5:72b --budget 5000 --ctx 32768 --tps 15 --top 6 --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_fleet_three_machines GOLDEN ${PLAN_GOLDEN}/plan_fleet_en.txt
  ARGS plan llama3.3:70b --nodes ${PLAN_NODES}/rtx4090-box.json ${PLAN_NODES}/rtx3090-box.json
  ${PLAN_NODES}/strix-halo.json --tps 3 --top 3 --lang en ENV LANG=C LC_ALL=)
canrun_golden_test(NAME plan_fleet_json GOLDEN ${PLAN_GOLDEN}/plan_fleet.json
  ARGS plan qwen3:235b --json --top 2 --nodes ${PLAN_NODES}/rtx4090-box.json
  ${PLAN_NODES}/rtx3090-box.json ${PLAN_NODES}/strix-halo.json)
# Errors: nothing on stdout, one stderr line, exit 2 (usage) or 3 (bad input).
canrun_golden_test(NAME plan_unknown_have GOLDEN ${PLAN_GOLDEN}/fit_empty.txt EXPECT_RC 2
  ARGS plan llama3.3:70b --have "No Such GPU 9000")
canrun_golden_test(NAME plan_bad_nodes_file GOLDEN ${PLAN_GOLDEN}/fit_empty.txt EXPECT_RC 3
  ARGS plan llama3.3:70b --nodes ${PROJECT_SOURCE_DIR}/data/cloud.json)
canrun_golden_test(NAME plan_unknown_model GOLDEN ${PLAN_GOLDEN}/fit_empty.txt EXPECT_RC 3
  ARGS plan no-such-model:1b)
