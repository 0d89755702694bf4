// The one translation unit that uses CLI11: builds the command tree and fills Options.
#include "options.h"

#include <CLI/CLI.hpp>

#include "parse_options.h"

namespace canrun::cli {

namespace {

void add_global(CLI::App& app, GlobalOptions& g) {
    app.add_flag("--json", g.json, "Print JSON instead of text");
    app.add_option("--lang", g.lang, "Language of the text: en or zh")
        ->check(CLI::IsMember({"en", "zh", "zh-CN"}));
    app.add_option("--data-dir", g.data_dir, "Read data files from DIR instead of the built-in copy");
    app.add_flag("-v,--verbose", g.verbose, "Show notes from every probe");
    app.add_flag("--explain", g.explain, "Show how each figure was computed");
    app.add_option("--color", g.color, "Colour the text: auto (on a terminal, not with NO_COLOR), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

// Where this machine is read from: the running system, a recorded tree or a snapshot.
void add_machine_source(CLI::App& app, HardwareOverride& h) {
    app.add_option("--sysroot", h.sysroot, "Read /proc and /sys under DIR (for recorded machines)");
    app.add_flag("--no-vendor-libs", h.no_vendor_libs, "Do not open NVML or other vendor libraries");
    app.add_option("--snapshot", h.snapshot, "Replay a machine saved with --save-snapshot");
}

void add_hardware(CLI::App& app, HardwareOverride& h) {
    app.add_option("--hw", h.hw, "Estimate for a device or profile from the data, e.g. \"RTX 4060\"");
    app.add_option("--gpus", h.gpus, "Number of GPUs of that kind")->check(CLI::Range(1, 64));
    app.add_option("--vram", h.vram_gib, "GPU memory per GPU, GiB")->check(CLI::Range(0.0, 4096.0));
    app.add_option("--ram", h.ram_gib, "System memory, GiB")->check(CLI::Range(0.0, 65536.0));
    app.add_flag("--cpu-only", h.cpu_only, "Ignore GPUs");
    app.add_option("--bandwidth", h.bandwidth_gbps, "Memory bandwidth, GB/s")
        ->check(CLI::Range(0.1, 100000.0));
    add_machine_source(app, h);
}

void add_fit(CLI::App& app, Options& o) {
    auto* fit = app.add_subcommand("fit", "Can this model run here: memory, placement, speed");
    auto& f = o.fit;
    fit->add_option("model", f.model, "A .gguf file (first shard of a split set) or a catalog id")
        ->required();
    fit->add_option("--quant", f.quant, "Quantization, e.g. Q4_K_M (catalog models)");
    fit->add_option("-c,--ctx", f.ctx, "Context length in tokens (default: the model's)")
        ->check(CLI::Range(1U, 16U * 1024U * 1024U));
    fit->add_option("--kv-type", f.kv_type, "KV cache type")
        ->check(CLI::IsMember({"f32", "f16", "bf16", "q8_0", "q5_1", "q5_0", "q4_1", "q4_0",
                               "iq4_nl"}));
    fit->add_option("--flash-attn", f.flash_attn, "Flash attention")
        ->check(CLI::IsMember({"on", "off", "auto"}));
    fit->add_option("--parallel", f.parallel, "Parallel sequences")->check(CLI::Range(1U, 256U));
    fit->add_option("--ubatch", f.ubatch, "Physical batch size")->check(CLI::Range(1U, 65536U));
    fit->add_option("--batch", f.batch, "Logical batch size")->check(CLI::Range(1U, 65536U));
    fit->add_option("--backend", f.backend, "Compute backend")
        ->check(CLI::IsMember({"cpu", "cuda", "metal", "rocm", "vulkan"}));
    add_hardware(*fit, f.hardware);
    add_global(*fit, o.global);
}

void add_hw(CLI::App& app, Options& o) {
    auto* hw = app.add_subcommand("hw", "Show the detected hardware");
    hw->add_option("--save-snapshot", o.hw.save_snapshot, "Save what the probes read to FILE");
    hw->add_flag("--list-devices", o.hw.list_devices, "List the devices canrun knows");
    hw->add_option("--search", o.hw.search, "With --list-devices: only names matching TEXT");
    add_machine_source(*hw, o.hw.hardware);  // hw shows what is detected: no --hw, --gpus, ...
    add_global(*hw, o.global);
}

void add_models(CLI::App& app, Options& o) {
    auto* models = app.add_subcommand("models", "List the models canrun knows");
    models->add_option("--search", o.models.search, "Only models whose id, name or repo contains TEXT");
    add_global(*models, o.global);
}

void add_bench(CLI::App& app, Options& o) {
    auto* bench = app.add_subcommand("bench", "Measure memory bandwidth, CPU kernels, disk and GPU; calibrate speed estimates");
    bench->add_option("--dir", o.bench.dir, "Directory holding the models (its disk is measured)");
    bench->add_option("--threads", o.bench.threads, "Threads for the multi-threaded runs (default: physical cores)")
        ->check(CLI::Range(1U, 1024U));
    bench->add_flag("--no-save", o.bench.no_save, "Do not save the results");
    bench->add_flag("--quick", o.bench.quick, "Shorter runs (less precise)");
    bench->add_flag("--no-vendor-libs", o.bench.no_vendor_libs, "Do not open the CUDA driver library");
    add_global(*bench, o.global);
}

void add_recommend_flags(CLI::App& app, RecommendOptions& r) {
    app.add_option("--use", r.use, "What the model is for")
        ->check(CLI::IsMember({"chat", "code", "reasoning", "vision"}));
    app.add_option("--min-tps", r.min_tps, "Slowest acceptable generation, tokens/s (default 10)")
        ->check(CLI::Range(0.1, 100000.0));
    app.add_option("-c,--ctx", r.ctx, "Context length in tokens (default 8192 or the model's)")
        ->check(CLI::Range(256U, 16U * 1024U * 1024U));
    app.add_option("--kv-type", r.kv_type, "KV cache type")
        ->check(CLI::IsMember({"f32", "f16", "bf16", "q8_0", "q5_1", "q5_0", "q4_1", "q4_0",
                               "iq4_nl"}));
    app.add_option("--flash-attn", r.flash_attn, "Flash attention")
        ->check(CLI::IsMember({"on", "off", "auto"}));
}

void add_recommend(CLI::App& app, Options& o) {
    auto* rec = app.add_subcommand("recommend", "Ranked models and quantizations for this machine");
    add_recommend_flags(*rec, o.recommend);
    add_hardware(*rec, o.recommend.hardware);
    add_global(*rec, o.global);
    auto* table = app.add_subcommand("table", "The reference hardware classes, this machine's marked");
    add_hardware(*table, o.recommend.hardware);
    add_global(*table, o.global);
}

void add_plan(CLI::App& app, Options& o) {  // plan helper
    auto* plan = app.add_subcommand("plan", "What hardware runs a model: one GPU, several, unified memory, a cluster, or rented");
    auto& p = o.plan;
    plan->add_option("model", p.model, "A catalog id, a .gguf file or a config.json")->required();
    plan->add_option("--quant", p.quant, "Quantization, e.g. Q4_K_M (catalog models; default Q4_K_M)");
    plan->add_option("--tps", p.tps, "Generation speed wanted, tokens/s (default 10)")
        ->check(CLI::Range(0.1, 100000.0));
    plan->add_option("-c,--ctx", p.ctx, "Context length in tokens (default 8192 or the model's)")
        ->check(CLI::Range(256U, 16U * 1024U * 1024U));
    plan->add_option("--budget", p.budget, "Most you would spend, in --currency (sorts fastest first)")
        ->check(CLI::Range(0.0, 1e12));
    plan->add_option("--currency", p.currency, "Currency of prices and --budget")
        ->check(CLI::IsMember({"USD", "CNY"}));
    plan->add_option("--have", p.have, "A GPU you own (repeat for each), e.g. \"RTX 3090\"");
    plan->add_option("--nodes", p.nodes, "Machines of a fleet: files `canrun hw --json` wrote on each")
        ->check(CLI::ExistingFile);
    plan->add_option("--sort", p.sort, "cheapest (meets --tps) or fastest (within --budget)")
        ->check(CLI::IsMember({"cheapest", "fastest"}));
    plan->add_option("--net", p.net, "Network between cluster nodes (default 10gbe)")
        ->check(CLI::IsMember({"1gbe", "10gbe", "25gbe", "100gbe"}));
    plan->add_option("--net-latency-us", p.net_latency_us, "Round trip between nodes, microseconds (ping)")
        ->check(CLI::Range(0.1, 1e6));
    plan->add_option("--top", p.top, "How many set-ups to list (default 12)")->check(CLI::Range(1, 1000));
    add_global(*plan, o.global);
}

void add_serve(CLI::App& app, Options& o) {  // serve helper
    auto* serve = app.add_subcommand("serve", "The local web page and its JSON API (127.0.0.1 by default)");
    serve->add_option("--port", o.serve.port, "Port to listen on (default 8765; 0 = any free port)")
        ->check(CLI::Range(0, 65535));
    serve->add_option("--host", o.serve.host, "Address to listen on (default 127.0.0.1; others are reachable by anyone on the network)");
    serve->add_flag("--no-open", o.serve.no_open, "Do not open a browser");
    add_hardware(*serve, o.serve.hardware);
    add_global(*serve, o.global);
}

void add_scan(CLI::App& app, Options& o) {  // scan helper
    auto* scan = app.add_subcommand("scan", "Local models (Ollama, LM Studio, HF/ModelScope caches, DIRs) and whether each fits");
    scan->add_option("dir", o.scan.dirs, "Directories to scan instead of the stores");
    scan->add_flag("--no-ollama", o.scan.no_ollama, "Do not ask a running Ollama what it has loaded");
    scan->add_option("--ollama-host", o.scan.ollama_host, "Ollama's address (default OLLAMA_HOST or 127.0.0.1:11434)");
    add_hardware(*scan, o.scan.hardware);
    add_global(*scan, o.global);
}

}  // namespace

ParseOutcome parse_options(int argc, char** argv, Options& out) {
    CLI::App app{"canrun: which local LLMs this computer runs, how fast, and how to start them",
                 "canrun"};
    app.set_version_flag("--version", "canrun 0.1.0");
    app.require_subcommand(0, 1);
    add_global(app, out.global);
    add_recommend_flags(app, out.recommend);
    add_hardware(app, out.recommend.hardware);
    add_recommend(app, out);
    add_fit(app, out);
    add_hw(app, out);
    add_models(app, out);
    add_bench(app, out);
    add_serve(app, out);  // serve helper
    add_scan(app, out);  // scan helper
    add_plan(app, out);  // plan helper
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return {app.exit(e), true, {}};
    } catch (const CLI::CallForAllHelp& e) {
        return {app.exit(e), true, {}};
    } catch (const CLI::CallForVersion& e) {
        return {app.exit(e), true, {}};
    } catch (const CLI::ParseError& e) {
        // One line on stderr, exit 2 (usage), as design.md asks.
        return {2, true, std::string("canrun: ") + e.what() + " (see canrun --help)"};
    }
    for (const auto* sub : app.get_subcommands()) {
        out.command = sub->get_name();
    }
    return {0, false, {}};
}

}  // namespace canrun::cli
