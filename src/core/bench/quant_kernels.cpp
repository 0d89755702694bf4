// The timed kernels: integer dot products over quantised blocks, as a CPU LLM runtime does them
// (weights x 8-bit activations, one scale multiply per block). Plain C++ written to vectorise;
// on x86 each entry point is cloned for AVX-512, AVX2 and the baseline and picked at run time.
#include <cstdint>
#include <cstring>

#include "bench/quant_kernels.h"
#include "bench/quant_kernels_x86.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CANRUN_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define CANRUN_CLONES
#endif

namespace canrun::bench {

namespace {

inline float half(std::uint16_t h) {
    // Normal numbers only (the bench data has no subnormals): exponent rebias + shift.
    const std::uint32_t bits = (static_cast<std::uint32_t>(h & 0x8000U) << 16) |
                               (((static_cast<std::uint32_t>(h) & 0x7FFFU) << 13) + (112U << 23));
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

inline float dot_q4_0(const BlockQ4_0* __restrict w, const BlockQ8_0* __restrict a, std::size_t nb) {
    float sum = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        int s = 0;
        for (int j = 0; j < 16; ++j) {
            s += ((w[b].qs[j] & 0xF) - 8) * a[b].qs[j] + ((w[b].qs[j] >> 4) - 8) * a[b].qs[j + 16];
        }
        sum += half(w[b].d) * half(a[b].d) * static_cast<float>(s);
    }
    return sum;
}

inline float dot_q8_0(const BlockQ8_0* __restrict w, const BlockQ8_0* __restrict a, std::size_t nb) {
    float sum = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        int s = 0;
        for (int j = 0; j < 32; ++j) {
            s += w[b].qs[j] * a[b].qs[j];
        }
        sum += half(w[b].d) * half(a[b].d) * static_cast<float>(s);
    }
    return sum;
}

inline void scales_q4_k(const std::uint8_t* q, int* sc, int* m) {
    for (int j = 0; j < 4; ++j) {
        sc[j] = q[j] & 63;
        m[j] = q[j + 4] & 63;
        sc[j + 4] = (q[j + 8] & 0xF) | ((q[j] >> 6) << 4);
        m[j + 4] = (q[j + 8] >> 4) | ((q[j + 4] >> 6) << 4);
    }
}

inline float dot_q4_k(const BlockQ4_K* __restrict w, const BlockQ8_K* __restrict a, std::size_t nb) {
    float sum = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        int sc[8], m[8];
        scales_q4_k(w[b].scales, sc, m);
        int isum = 0;
        int msum = 0;
        for (int chunk = 0; chunk < 4; ++chunk) {
            const std::uint8_t* q = w[b].qs + 32 * chunk;
            const std::int8_t* y = a[b].qs + 64 * chunk;
            int lo = 0, hi = 0;
            for (int l = 0; l < 32; ++l) {
                lo += (q[l] & 0xF) * y[l];
                hi += (q[l] >> 4) * y[l + 32];
            }
            isum += sc[2 * chunk] * lo + sc[2 * chunk + 1] * hi;
            msum += m[2 * chunk] * (a[b].bsums[4 * chunk] + a[b].bsums[4 * chunk + 1]) +
                    m[2 * chunk + 1] * (a[b].bsums[4 * chunk + 2] + a[b].bsums[4 * chunk + 3]);
        }
        sum += a[b].d * (half(w[b].d) * static_cast<float>(isum) -
                         half(w[b].dmin) * static_cast<float>(msum));
    }
    return sum;
}

inline float dot_q6_k(const BlockQ6_K* __restrict w, const BlockQ8_K* __restrict a, std::size_t nb) {
    float sum = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        std::int8_t q[256];
        for (int half_i = 0; half_i < 2; ++half_i) {
            const std::uint8_t* ql = w[b].ql + 64 * half_i;
            const std::uint8_t* qh = w[b].qh + 32 * half_i;
            std::int8_t* out = q + 128 * half_i;
            for (int l = 0; l < 32; ++l) {
                out[l] = static_cast<std::int8_t>(((ql[l] & 0xF) | ((qh[l] & 3) << 4)) - 32);
                out[l + 32] = static_cast<std::int8_t>(((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32);
                out[l + 64] = static_cast<std::int8_t>(((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32);
                out[l + 96] = static_cast<std::int8_t>(((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32);
            }
        }
        int isum = 0;
        for (int g = 0; g < 16; ++g) {
            int s = 0;
            for (int l = 0; l < 16; ++l) {
                s += q[16 * g + l] * a[b].qs[16 * g + l];
            }
            isum += w[b].scales[g] * s;
        }
        sum += half(w[b].d) * a[b].d * static_cast<float>(isum);
    }
    return sum;
}

inline float dot_f16(const std::uint16_t* __restrict w, const std::uint16_t* __restrict a, std::size_t n) {
    float acc[16] = {};
    for (std::size_t i = 0; i + 16 <= n; i += 16) {
        for (int j = 0; j < 16; ++j) {
            acc[j] += half(w[i + j]) * half(a[i + j]);
        }
    }
    float sum = 0;
    for (float v : acc) {
        sum += v;
    }
    return sum;
}

template <typename W>
const W* as(const std::uint8_t* p) {
    return reinterpret_cast<const W*>(p);
}

}  // namespace

CANRUN_CLONES
double dot_rows_generic(const DotOperands& ops, std::size_t first, std::size_t count) {
    const std::size_t stride = row_bytes(ops.family, ops.n);
    const std::uint8_t* act = ops.activation.data();
    double total = 0;
    for (std::size_t r = first; r < first + count; ++r) {
        const std::uint8_t* row = ops.weights.data() + (r % ops.rows) * stride;
        switch (ops.family) {
        case QuantFamily::Q4_0:
            total += dot_q4_0(as<BlockQ4_0>(row), as<BlockQ8_0>(act), ops.n / kQ8Block);
            break;
        case QuantFamily::Q8_0:
            total += dot_q8_0(as<BlockQ8_0>(row), as<BlockQ8_0>(act), ops.n / kQ8Block);
            break;
        case QuantFamily::Q4_K:
            total += dot_q4_k(as<BlockQ4_K>(row), as<BlockQ8_K>(act), ops.n / kKBlock);
            break;
        case QuantFamily::Q6_K:
            total += dot_q6_k(as<BlockQ6_K>(row), as<BlockQ8_K>(act), ops.n / kKBlock);
            break;
        case QuantFamily::F16:
            total += dot_f16(as<std::uint16_t>(row), as<std::uint16_t>(act), ops.n);
            break;
        }
    }
    return total;
}

double dot_rows(const DotOperands& ops, std::size_t first, std::size_t count) {
    static const bool avx2 = x86_kernels_available();
    if (!avx2) {
        return dot_rows_generic(ops, first, count);
    }
    const std::size_t stride = row_bytes(ops.family, ops.n);
    double total = 0;
    for (std::size_t r = first; r < first + count; ++r) {
        total += dot_row_avx2(ops.family, ops.weights.data() + (r % ops.rows) * stride,
                              ops.activation.data(), ops.n);
    }
    return total;
}

float dot_row(const DotOperands& ops, std::size_t r) {
    return static_cast<float>(dot_rows(ops, r, 1));
}

}  // namespace canrun::bench
