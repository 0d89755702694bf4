// Lookups the speed model shares: the quant family of a weight type, the tuning rows that apply
// to a backend, a quant family and a CPU, and the CPU kernel rate. Pure.
#pragma once

#include <string>
#include <string_view>

#include "estimate/machine.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::estimate {

// "Q4_K_M" -> "q4_k", "Q5_1" -> "q5_0", "BF16" -> "f16", "IQ4_XS" -> "iq4", "" -> "".
// Accepts llama-bench spellings too ("Q4_K - Medium").
std::string quant_family(std::string_view quant);

// The row for `backend`; the CUDA row (or built-in defaults) when the data lacks it.
BackendTuning backend_tuning(const SpeedTuning& tuning, Backend backend);

// The row for `family`; the "q4_k" row (or defaults) when unknown.
QuantTuning quant_tuning(const SpeedTuning& tuning, const std::string& family);

// The IsaTuning::feature of the row used when the CPU's features are not known at all.
inline constexpr std::string_view kUnknownIsa = "unknown";

// Kernel speed of one core of `cpu` relative to AVX2: the kUnknownIsa row when the features are
// not known, else the first row whose feature the CPU has and whose name_prefix its name starts
// with.
double isa_factor(const SpeedTuning& tuning, const CpuDevice& cpu);

// CPU prefill speed-up of `cpu`'s matrix kernels for weight `family` (the first prefill_isas row
// whose feature the CPU has and whose families hold `family`), else 1.
double prefill_isa_factor(const SpeedTuning& tuning, const CpuDevice& cpu,
                          const std::string& family);

// CPU threads the estimate assumes: the query's, else physical cores, else logical, else 4.
double cpu_threads(const CpuDevice& cpu, const SpeedQuery& query);

// Weight bytes per second all threads dequantise and dot for `family`, in bytes/s: measured
// when the query carries `canrun bench` rates, else per-core tuning x ISA x threads.
double cpu_kernel_rate(const SpeedTuning& tuning, const CpuDevice& cpu, const SpeedQuery& query,
                       const std::string& family);

// Whether cpu_kernel_rate came from a measurement.
bool cpu_rate_measured(const SpeedQuery& query, const std::string& family);

}  // namespace canrun::estimate
