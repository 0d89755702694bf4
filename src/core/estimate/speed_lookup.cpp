#include "estimate/speed_lookup.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace canrun::estimate {

namespace {

std::string upper(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '-') {
            continue;  // "Q4_K - Medium" -> "Q4_KMEDIUM"
        }
        out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::string quant_family(std::string_view quant) {
    const std::string q = upper(quant);
    // Longest prefixes first; each maps a llama.cpp type (or mix) to the kernel family it uses.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kPrefixes{{
        {"MXFP4", "mxfp4"}, {"BF16", "f16"}, {"F16", "f16"}, {"F32", "f32"},
        {"IQ1", "iq2"}, {"IQ2", "iq2"}, {"IQ3", "iq3"}, {"IQ4", "iq4"},
        {"Q2_K", "q2_k"}, {"Q3_K", "q3_k"}, {"Q4_K", "q4_k"}, {"Q5_K", "q5_k"},
        {"Q6_K", "q6_k"}, {"Q4_0", "q4_0"}, {"Q4_1", "q4_0"}, {"Q5_0", "q5_0"},
        {"Q5_1", "q5_0"}, {"Q8_0", "q8_0"},
    }};
    for (const auto& [prefix, family] : kPrefixes) {
        if (starts_with(q, prefix)) {
            return std::string(family);
        }
    }
    return {};
}

BackendTuning backend_tuning(const SpeedTuning& tuning, Backend backend) {
    for (const auto& b : tuning.backends) {
        if (b.backend == backend) {
            return b;
        }
    }
    for (const auto& b : tuning.backends) {
        if (b.backend == Backend::Cuda) {
            return b;
        }
    }
    return BackendTuning{};
}

QuantTuning quant_tuning(const SpeedTuning& tuning, const std::string& family) {
    for (const auto& q : tuning.quants) {
        if (q.family == family) {
            return q;
        }
    }
    for (const auto& q : tuning.quants) {
        if (q.family == "q4_k") {
            return q;
        }
    }
    return QuantTuning{};
}

double isa_factor(const SpeedTuning& tuning, const CpuDevice& cpu) {
    if (cpu.features.empty()) {  // not known (a profile without a host CPU), not "no SIMD"
        for (const auto& isa : tuning.isas) {
            if (isa.feature == kUnknownIsa) {
                return isa.core_factor;
            }
        }
    }
    for (const auto& isa : tuning.isas) {
        const bool named = cpu.name.compare(0, isa.name_prefix.size(), isa.name_prefix) == 0;
        if (named && (isa.feature.empty() || std::find(cpu.features.begin(), cpu.features.end(),
                                                       isa.feature) != cpu.features.end())) {
            return isa.core_factor;
        }
    }
    return 1.0;
}

double prefill_isa_factor(const SpeedTuning& tuning, const CpuDevice& cpu,
                          const std::string& family) {
    const auto has = [](const std::vector<std::string>& list, const std::string& x) {
        return std::find(list.begin(), list.end(), x) != list.end();
    };
    for (const auto& row : tuning.prefill_isas) {
        if (has(cpu.features, row.feature) && has(row.families, family)) {
            return row.factor;
        }
    }
    return 1.0;
}

double cpu_threads(const CpuDevice& cpu, const SpeedQuery& query) {
    if (query.threads > 0) {
        return query.threads;
    }
    if (cpu.physical_cores > 0) {
        return cpu.physical_cores;
    }
    return cpu.logical_cores > 0 ? cpu.logical_cores : 4.0;
}

bool cpu_rate_measured(const SpeedQuery& query, const std::string& family) {
    return std::any_of(query.cpu_rates.begin(), query.cpu_rates.end(), [&](const auto& r) {
        return r.family == family && r.gbps_all_threads > 0;
    });
}

double cpu_kernel_rate(const SpeedTuning& tuning, const CpuDevice& cpu, const SpeedQuery& query,
                       const std::string& family) {
    for (const auto& r : query.cpu_rates) {
        if (r.family == family && r.gbps_all_threads > 0) {
            const double scale = r.threads > 0 ? cpu_threads(cpu, query) / r.threads : 1.0;
            return r.gbps_all_threads * 1e9 * scale;
        }
    }
    const QuantTuning q = quant_tuning(tuning, family);
    return q.cpu_core_gbps * 1e9 * isa_factor(tuning, cpu) * cpu_threads(cpu, query);
}

}  // namespace canrun::estimate
