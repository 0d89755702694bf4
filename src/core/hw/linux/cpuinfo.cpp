#include "hw/linux/cpuinfo.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <set>
#include <utility>

#include "util/strings.h"

namespace canrun::hw {

namespace {

// kernel flag name -> our name. x86 names from arch/x86/include/asm/cpufeatures.h, Arm names
// from Documentation/arch/arm64/elf_hwcaps.rst.
constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kFeatureNames = {{
    {"avx", "avx"},           {"avx2", "avx2"},           {"fma", "fma"},
    {"f16c", "f16c"},         {"avx_vnni", "avx_vnni"},   {"avx512f", "avx512f"},
    {"avx512bw", "avx512bw"}, {"avx512vl", "avx512vl"},   {"avx512_vnni", "avx512_vnni"},
    {"avx512_bf16", "avx512_bf16"}, {"avx512_fp16", "avx512_fp16"}, {"avx512vbmi", "avx512_vbmi"},
    {"amx_tile", "amx_tile"}, {"amx_int8", "amx_int8"},   {"amx_bf16", "amx_bf16"},
    {"asimd", "neon"},        {"asimddp", "dotprod"},     {"i8mm", "i8mm"},
    {"sve", "sve"},           {"sve2", "sve2"},           {"bf16", "bf16"},
    {"asimdhp", "fp16"},      {"sme", "sme"},             {"svei8mm", "sve_i8mm"},
}};

struct ArmPart {
    std::uint32_t implementer;
    std::uint32_t part;
    std::string_view name;
};

// From the Arm and vendor technical reference manuals (MIDR part numbers).
constexpr std::array<ArmPart, 16> kArmParts = {{
    {0x41, 0xd03, "Cortex-A53"}, {0x41, 0xd05, "Cortex-A55"}, {0x41, 0xd08, "Cortex-A72"},
    {0x41, 0xd0b, "Cortex-A76"}, {0x41, 0xd0c, "Neoverse-N1"}, {0x41, 0xd40, "Neoverse-V1"},
    {0x41, 0xd41, "Cortex-A78"}, {0x41, 0xd42, "Cortex-A78AE"}, {0x41, 0xd44, "Cortex-X1"},
    {0x41, 0xd46, "Cortex-A510"}, {0x41, 0xd47, "Cortex-A710"}, {0x41, 0xd49, "Neoverse-N2"},
    {0x41, 0xd4f, "Neoverse-V2"}, {0x41, 0xd80, "Cortex-A520"}, {0x41, 0xd87, "Cortex-A725"},
    {0x48, 0xd01, "Kunpeng 920 (TaiShan v110)"},
}};

std::optional<std::uint32_t> parse_number_any_base(std::string_view s) {
    s = trim(s);
    if (starts_with_ci(s, "0x")) {
        std::uint32_t v = 0;
        for (const char c : s.substr(2)) {
            const auto lc = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (!std::isxdigit(static_cast<unsigned char>(lc))) {
                return std::nullopt;
            }
            v = v * 16 + static_cast<std::uint32_t>(lc <= '9' ? lc - '0' : lc - 'a' + 10);
        }
        return v;
    }
    const auto v = parse_uint(s);
    return v ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*v)) : std::nullopt;
}

std::optional<double> ghz_in_model(std::string_view model) {
    const auto at = model.find('@');
    const auto ghz = model.find("GHz");
    if (at == std::string_view::npos || ghz == std::string_view::npos || ghz < at) {
        return std::nullopt;
    }
    return parse_double(trim(model.substr(at + 1, ghz - at - 1)));
}

}  // namespace

std::vector<std::string> inference_features(std::string_view flags) {
    std::set<std::string> out;
    for (const auto& f : split(flags, ' ')) {
        for (const auto& [kernel, ours] : kFeatureNames) {
            if (f == kernel) {
                out.emplace(ours);
            }
        }
    }
    return {out.begin(), out.end()};
}

std::string arm_core_name(std::uint32_t implementer, std::uint32_t part) {
    for (const auto& p : kArmParts) {
        if (p.implementer == implementer && p.part == part) {
            return std::string(p.name);
        }
    }
    return {};
}

namespace {

// What the line-by-line pass collects before the summary is made.
struct CpuinfoScan {
    CpuinfoSummary s;
    std::set<std::string> packages;
    std::set<std::pair<std::string, std::string>> cores;
    std::string physical_id;
    std::optional<std::uint32_t> implementer;
    std::set<std::string> arm_names;

    void take(std::string_view key, std::string_view value) {
        if (key == "processor" && parse_uint(value)) {
            ++s.processors;
        } else if (key == "model name" && s.model.empty()) {
            s.model = std::string(value);
        } else if (key == "vendor_id" && s.vendor.empty()) {
            s.vendor = std::string(value);
        } else if (key == "physical id") {
            physical_id = std::string(value);
            packages.insert(physical_id);
        } else if (key == "core id") {
            cores.emplace(physical_id, std::string(value));
        } else if ((key == "flags" || key == "Features") && s.features.empty()) {
            s.features = inference_features(value);
            s.hypervisor = (" " + std::string(value) + " ").find(" hypervisor ") != std::string::npos;
        } else if (key == "CPU implementer") {
            implementer = parse_number_any_base(value);
        } else if (key == "CPU part" && implementer) {
            const auto part = parse_number_any_base(value);
            const auto name = part ? arm_core_name(*implementer, *part) : std::string();
            if (!name.empty()) {
                arm_names.insert(name);
            }
        }
    }

    CpuinfoSummary finish() {
        if (!packages.empty()) {
            s.sockets = static_cast<std::uint32_t>(packages.size());
        }
        if (!cores.empty()) {
            s.physical_cores = static_cast<std::uint32_t>(cores.size());
        }
        // Arm cpuinfo has no model name; big.LITTLE gives "Cortex-A55 + Cortex-A76" (sorted).
        for (const auto& n : s.model.empty() ? arm_names : std::set<std::string>{}) {
            s.model += (s.model.empty() ? "" : " + ") + n;
        }
        if (s.vendor.empty() && implementer) {
            s.vendor = *implementer == 0x41 ? "ARM" : (*implementer == 0x48 ? "HiSilicon" : "");
        }
        s.model_ghz = ghz_in_model(s.model);
        return s;
    }
};

}  // namespace

CpuinfoSummary parse_cpuinfo(std::string_view text) {
    CpuinfoScan scan;
    for (const auto& raw : split(text, '\n')) {
        const auto colon = raw.find(':');
        if (colon != std::string::npos) {
            scan.take(trim(std::string_view(raw).substr(0, colon)), trim(std::string_view(raw).substr(colon + 1)));
        }
    }
    return scan.finish();
}

}  // namespace canrun::hw
