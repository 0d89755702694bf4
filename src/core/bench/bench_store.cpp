#include "bench/bench_store.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace canrun::bench {

namespace {

nlohmann::json kernels_json(const std::vector<KernelRate>& ks) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : ks) {
        out.push_back({{"family", k.family}, {"gbps", k.gbps}, {"threads", k.threads}});
    }
    return out;
}

std::vector<KernelRate> kernels_from(const nlohmann::json& j) {
    std::vector<KernelRate> out;
    for (const auto& k : j) {
        out.push_back({k.at("family").get<std::string>(), k.at("gbps").get<double>(),
                       k.value("threads", 1U)});
    }
    return out;
}

}  // namespace

std::string bench_record_path(const std::string& xdg_config_home, const std::string& home) {
    if (!xdg_config_home.empty()) {
        return xdg_config_home + "/canrun/bench.json";
    }
    return home.empty() ? std::string() : home + "/.config/canrun/bench.json";
}

nlohmann::json to_json(const BenchRecord& r) {
    nlohmann::json gpus = nlohmann::json::array();
    for (const auto& g : r.gpus) {
        gpus.push_back({{"index", g.index}, {"name", g.name}, {"bandwidth_gbps", g.bandwidth_gbps},
                        {"pcie_gbps", g.pcie_gbps}});
    }
    return {{"schema_version", r.schema_version},
            {"cpu_model", r.cpu_model},
            {"threads", r.threads},
            {"memory", {{"read_gbps", r.memory_gbps}, {"read_single_thread_gbps", r.memory_single_gbps}}},
            {"kernels", kernels_json(r.kernels)},
            {"kernels_single_thread", kernels_json(r.kernels_single)},
            {"disk", {{"path", r.disk.path}, {"read_gbps", r.disk.gbps}, {"direct", r.disk.direct},
                      {"bytes", r.disk.bytes}, {"note", r.disk.note}}},
            {"gpus", gpus},
            {"notes", r.notes}};
}

Result<BenchRecord> bench_record_from_json(const nlohmann::json& j, const std::string& path) {
    try {
        BenchRecord r;
        r.schema_version = j.at("schema_version").get<int>();
        if (r.schema_version != 1) {
            return fail(path + ": schema_version " + std::to_string(r.schema_version) +
                        " is not supported; run `canrun bench` again");
        }
        r.cpu_model = j.at("cpu_model").get<std::string>();
        r.threads = j.at("threads").get<unsigned>();
        r.memory_gbps = j.at("memory").at("read_gbps").get<double>();
        r.memory_single_gbps = j.at("memory").at("read_single_thread_gbps").get<double>();
        r.kernels = kernels_from(j.at("kernels"));
        r.kernels_single = kernels_from(j.at("kernels_single_thread"));
        const auto& d = j.at("disk");
        r.disk = {d.at("read_gbps").get<double>(), d.at("direct").get<bool>(),
                  d.at("path").get<std::string>(), d.at("bytes").get<std::uint64_t>(),
                  d.at("note").get<std::string>()};
        for (const auto& g : j.at("gpus")) {
            r.gpus.push_back({g.at("index").get<int>(), g.at("name").get<std::string>(),
                              g.at("bandwidth_gbps").get<double>(), g.at("pcie_gbps").get<double>()});
        }
        r.notes = j.at("notes").get<std::vector<std::string>>();
        return r;
    } catch (const nlohmann::json::exception& e) {
        return fail(path + ": not a canrun bench record (" + e.what() +
                    "); run `canrun bench` again or delete the file");
    }
}

Result<bool> save_bench_record(const BenchRecord& r, const std::string& path) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream f(path, std::ios::trunc);
    f << to_json(r).dump(2) << "\n";
    if (!f) {
        return fail(path + ": cannot write the bench record; check the directory's permissions "
                    "or set XDG_CONFIG_HOME", ExitCode::BadInput);
    }
    return true;
}

Result<std::optional<BenchRecord>> load_bench_record(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) {
        return std::optional<BenchRecord>();
    }
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    if (!f) {
        return fail(path + ": cannot read the bench record; check its permissions");
    }
    const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded()) {
        return fail(path + ": the bench record is not valid JSON; run `canrun bench` again");
    }
    auto r = bench_record_from_json(j, path);
    if (!r) {
        return tl::unexpected(r.error());
    }
    return std::optional<BenchRecord>(std::move(*r));
}

}  // namespace canrun::bench
