#include "report/devices_json.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "util/units.h"

namespace canrun::report {

namespace {

std::uint64_t gib_bytes(double gib) { return static_cast<std::uint64_t>(std::llround(gib * kGiB)); }

nlohmann::ordered_json device_json(const catalog::HardwareSpec& s) {
    nlohmann::ordered_json j = {{"id", s.id},
                        {"name", s.name},
                        {"vendor", s.vendor},
                        {"kind", catalog::kind_name(s.kind)},
                        {"form_factor", catalog::form_factor_name(s.form_factor)},
                        {"backend", catalog::backend_name(s.backend)},
                        {"memory_bytes", s.memory_bytes()},
                        {"memory_type", s.memory_type},
                        {"bandwidth_gbps", s.bandwidth_gbps},
                        {"unified_memory", s.unified_memory}};
    if (s.memory_gb.size() > 1) {
        auto& options = j["memory_options_bytes"] = nlohmann::ordered_json::array();
        for (const double gb : s.memory_gb) options.push_back(gib_bytes(gb));
    }
    if (s.fp16_tflops) j["fp16_tflops"] = *s.fp16_tflops;
    if (s.int8_tops) j["int8_tops"] = *s.int8_tops;
    if (s.tdp_w) j["tdp_w"] = *s.tdp_w;
    if (s.launch_year) j["launch_year"] = *s.launch_year;
    if (s.gpu_cores) j["gpu_cores"] = *s.gpu_cores;
    if (!s.variant_of.empty()) j["variant_of"] = s.variant_of;
    j["pci_ids"] = s.pci_ids;
    j["aliases"] = s.aliases;
    if (!s.note.empty()) j["note"] = s.note;
    j["source"] = s.source;
    return j;
}

}  // namespace

std::string devices_to_json(const std::vector<const catalog::HardwareSpec*>& devices,
                            const std::string& data_version) {
    std::vector<const catalog::HardwareSpec*> sorted = devices;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->id < b->id; });
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* s : sorted) list.push_back(device_json(*s));
    const nlohmann::ordered_json out = {{"data_version", data_version}, {"devices", list}};
    return out.dump(2) + "\n";
}

}  // namespace canrun::report
