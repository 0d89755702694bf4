// Parsed command-line options: plain structs, filled by options.cpp (the only file that sees
// CLI11) and read by one file per command in commands/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace canrun::cli {

struct GlobalOptions {
    bool json = false;
    std::string lang;      // "en", "zh" or empty (from LANG / LC_ALL)
    std::string data_dir;  // --data-dir
    bool verbose = false;
    bool explain = false;
    std::string color = "auto";  // --color auto | always | never (report/style.h)
};

// Hardware other than this machine (design.md §5).
struct HardwareOverride {
    std::string hw;  // --hw NAME
    std::optional<int> gpus;
    std::optional<double> vram_gib;
    std::optional<double> ram_gib;
    bool cpu_only = false;
    std::optional<double> bandwidth_gbps;
    // Where this machine is read from when no override is given.
    std::string sysroot = "/";
    bool no_vendor_libs = false;
    std::string snapshot;  // --snapshot FILE: replay a saved machine
};

struct FitOptions {
    std::string model;  // path to .gguf / config.json, or a catalog id
    std::string quant;
    std::optional<std::uint32_t> ctx;
    std::string kv_type = "f16";      // -ctk and -ctv together
    std::string flash_attn = "auto";  // on | off | auto
    std::uint32_t parallel = 1;
    std::uint32_t ubatch = 512;
    std::uint32_t batch = 2048;
    std::string backend;  // cpu | cuda | metal | rocm | vulkan; empty = from the hardware
    HardwareOverride hardware;
};

struct HwOptions {
    std::string save_snapshot;
    bool list_devices = false;
    std::string search;
    HardwareOverride hardware;
};

struct ModelsOptions {
    std::string search;  // --search TEXT
};

struct BenchCliOptions {
    std::string dir;       // --dir: where the models are (disk speed); default: the model store
    unsigned threads = 0;  // --threads; 0 = physical cores
    bool no_save = false;  // --no-save
    bool quick = false;    // --quick: shorter runs (tests)
    bool no_vendor_libs = false;  // --no-vendor-libs: skip the CUDA measurement
};

// `canrun` (the main job), `canrun recommend` and `canrun table`.
struct RecommendOptions {
    std::string use = "chat";  // chat | code | reasoning | vision
    double min_tps = 10;       // decode speed floor, tokens/s
    std::optional<std::uint32_t> ctx;
    std::string kv_type = "f16";
    std::string flash_attn = "auto";
    HardwareOverride hardware;
};

// `canrun plan MODEL` (plan helper).
struct PlanOptions {
    std::string model;
    std::string quant;
    double tps = 10;                        // --tps: decode speed wanted, tokens/s
    std::optional<std::uint32_t> ctx;       // --ctx
    std::optional<double> budget;           // --budget, in --currency
    std::string currency = "USD";           // USD | CNY
    std::vector<std::string> have;          // --have DEVICE (repeatable)
    std::vector<std::string> nodes;         // --nodes FILE (repeatable): `canrun hw --json` output
    std::string sort;                       // cheapest | fastest; empty = fastest with --budget
    std::string net;                        // --net 1gbe | 10gbe | 25gbe | 100gbe
    std::optional<double> net_latency_us;   // --net-latency-us
    std::size_t top = 12;                   // --top N options
};

// `canrun serve`: the local web page and its JSON API (serve helper).
struct ServeOptions {
    int port = 8765;                 // --port; 0 = any free port
    std::string host = "127.0.0.1";  // --host; anything but loopback only when asked for
    bool no_open = false;            // --no-open: do not open a browser
    HardwareOverride hardware;       // the machine the page answers for (--hw, --sysroot, ...)
};

// `canrun scan [DIR...]` (scan helper).
struct ScanOptions {
    std::vector<std::string> dirs;  // empty = the stores (Ollama, LM Studio, HF, ModelScope, ...)
    bool no_ollama = false;         // --no-ollama: do not ask a running Ollama
    std::string ollama_host;        // --ollama-host; default OLLAMA_HOST, else 127.0.0.1:11434
    HardwareOverride hardware;
};

struct Options {
    std::string command;  // "" for the main job
    GlobalOptions global;
    FitOptions fit;
    HwOptions hw;
    ModelsOptions models;
    BenchCliOptions bench;
    RecommendOptions recommend;  // also the main job's and `table`'s options
    ServeOptions serve;          // serve helper
    ScanOptions scan;            // scan helper
    PlanOptions plan;            // plan helper
};

}  // namespace canrun::cli
