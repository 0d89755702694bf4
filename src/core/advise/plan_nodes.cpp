#include "advise/plan_nodes.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace canrun::advise {

namespace {

using Json = nlohmann::json;

std::uint64_t bytes_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

double number_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string text_of(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

estimate::Backend backend_of(const std::string& vendor) {
    if (vendor == "nvidia") return estimate::Backend::Cuda;
    if (vendor == "amd") return estimate::Backend::Rocm;
    if (vendor == "intel") return estimate::Backend::Sycl;
    if (vendor == "apple") return estimate::Backend::Metal;
    return estimate::Backend::Vulkan;
}

void read_gpus(const Json& gpus, estimate::Machine& m) {
    const bool has_discrete = std::any_of(gpus.begin(), gpus.end(), [](const Json& g) {
        return bytes_of(g, "vram_total_bytes") > 0 && text_of(g, "kind") == "discrete";
    });
    for (const auto& g : gpus) {
        const std::uint64_t total = bytes_of(g, "vram_total_bytes");
        const bool is_discrete = text_of(g, "kind") == "discrete";
        if (total == 0 || (has_discrete && !is_discrete)) {
            continue;
        }
        estimate::GpuDevice d;
        d.name = text_of(g, "name");
        d.backend = backend_of(text_of(g, "vendor"));
        d.unified = !is_discrete;
        d.memory_total_bytes = total;
        const std::uint64_t free = bytes_of(g, "vram_free_bytes");
        d.memory_free_bytes = free > 0 ? std::min(free, total) : total;
        d.bandwidth_gbps = number_of(g, "bandwidth_gbps");
        m.gpus.push_back(d);
    }
}

}  // namespace

Result<estimate::Machine> machine_from_hw_json(const std::string& text, const std::string& path) {
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return fail(path + ": not JSON; give the output of `canrun hw --json` run on that machine");
    }
    const auto cpu = j.find("cpu");
    const auto memory = j.find("memory");
    const auto gpus = j.find("gpus");
    if (cpu == j.end() || memory == j.end() || gpus == j.end() || !gpus->is_array() ||
        !cpu->is_object() || !memory->is_object()) {
        return fail(path + ": needs \"cpu\", \"memory\" and \"gpus\"; give the output of "
                           "`canrun hw --json` run on that machine");
    }
    estimate::Machine m;
    m.cpu.name = text_of(*cpu, "model");
    m.cpu.physical_cores = static_cast<std::uint32_t>(number_of(*cpu, "physical_cores"));
    m.cpu.logical_cores = static_cast<std::uint32_t>(number_of(*cpu, "logical_cores"));
    if (const auto f = cpu->find("features"); f != cpu->end() && f->is_array()) {
        for (const auto& x : *f) {
            if (x.is_string()) m.cpu.features.push_back(x.get<std::string>());
        }
    }
    m.cpu.ram_total_bytes = bytes_of(*memory, "total_bytes");
    m.cpu.ram_available_bytes = bytes_of(*memory, "available_bytes");
    if (m.cpu.ram_available_bytes == 0) m.cpu.ram_available_bytes = m.cpu.ram_total_bytes;
    m.cpu.bandwidth_gbps = number_of(*memory, "bandwidth_gbps");
    if (m.cpu.ram_total_bytes == 0) {
        return fail(path + ": memory.total_bytes is missing or zero");
    }
    read_gpus(*gpus, m);
    return m;
}

}  // namespace canrun::advise
