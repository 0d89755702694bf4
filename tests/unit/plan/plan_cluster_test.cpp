#include "advise/plan_cluster.h"

#include <gtest/gtest.h>

namespace canrun::advise {

namespace {

TEST(RpcNetwork, HiddenStateThereAndBackPlusRoundTrips) {
    // 8192 x 4 B = 32 KiB each way over 10 Gbit/s (1.25 GB/s): 26.2 us x 2, plus 2 x 60 us.
    const double s = rpc_seconds_per_token(8192, 1, {10, 60}, 2);
    EXPECT_NEAR(s, 2 * 32768 / 1.25e9 + 120e-6, 1e-9);
    EXPECT_NEAR(rpc_seconds_per_token(8192, 3, {10, 60}, 2), 3 * s, 1e-12);
    EXPECT_EQ(rpc_seconds_per_token(8192, 0, {10, 60}, 2), 0);
    EXPECT_LT(rpc_seconds_per_token(8192, 1, {100, 15}, 2), s / 3);
}

TEST(PipelineNetwork, OneHopPerBoundaryAndOneBack) {
    EXPECT_EQ(pipeline_seconds_per_token(7168, 1, {100, 15}), 0);
    const double two = pipeline_seconds_per_token(7168, 2, {100, 15});
    EXPECT_NEAR(two, 2 * 7168 / 12.5e9 + 15e-6 + 15e-6, 1e-12);
    EXPECT_GT(pipeline_seconds_per_token(7168, 4, {100, 15}), two);
}

TEST(PromptNetwork, RoundTripsOncePerBatch) {
    const double decode = rpc_seconds_per_token(8192, 1, {10, 60}, 2);
    const double prompt = rpc_seconds_per_prompt_token(8192, 1, {10, 60}, 2, 512);
    EXPECT_NEAR(prompt, 2 * 32768 / 1.25e9 + 120e-6 / 512, 1e-12);
    EXPECT_LT(prompt, decode / 2);
    EXPECT_EQ(pipeline_seconds_per_prompt_token(7168, 1, {100, 15}, 512), 0);
}

TEST(AddNetwork, SlowsDecodeByTheTokenTime) {
    estimate::SpeedEstimate s;
    s.decode_tps = {8, 10, 12};
    s.prefill_tps = {100, 200, 300};
    add_network(s, 0.025, 0.0, 512);  // 100 ms + 25 ms per token
    EXPECT_NEAR(s.decode_tps.p50, 8.0, 1e-9);
    EXPECT_NEAR(s.prefill_tps.p50, 200, 1e-9);
    EXPECT_LT(s.decode_tps.p10, 8.0);
}

TEST(ClusterCommands, RpcWorkersThenHead) {
    const auto c = rpc_commands("llama-server -hf x -c 8192 -ngl 99", worker_names(3));
    ASSERT_EQ(c.size(), 3U);
    EXPECT_EQ(c[0].node, "node2");
    EXPECT_EQ(c[0].command, "rpc-server -H 0.0.0.0 -p 50052");
    EXPECT_EQ(c[2].node, "head");
    EXPECT_EQ(c[2].command, "llama-server -hf x -c 8192 -ngl 99 --rpc node2:50052,node3:50052");
}

TEST(ClusterCommands, RayHeadWorkersThenServe) {
    const auto c = ray_commands("deepseek-ai/DeepSeek-V3", 8, 2, 8192, worker_names(2));
    ASSERT_EQ(c.size(), 3U);
    EXPECT_EQ(c[0].command, "ray start --head --port=6379");
    EXPECT_EQ(c[1].command, "ray start --address=head:6379");
    EXPECT_EQ(c[2].command,
              "vllm serve deepseek-ai/DeepSeek-V3 --tensor-parallel-size 8 "
              "--pipeline-parallel-size 2 --max-model-len 8192 --gpu-memory-utilization 0.90");
}

}  // namespace

}  // namespace canrun::advise
