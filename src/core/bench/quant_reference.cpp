// Reference dots: dequantise both operands to floats, then multiply. Slow and obviously right;
// the unit tests hold the fast kernels to it.
#include <cstring>
#include <vector>

#include "bench/quant_blocks.h"

namespace canrun::bench {

namespace {

template <typename T>
T load(const std::uint8_t* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

void scale_min_k4(int j, const std::uint8_t* q, int& sc, int& m) {
    if (j < 4) {
        sc = q[j] & 63;
        m = q[j + 4] & 63;
    } else {
        sc = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

void dequant_q4_k(const BlockQ4_K& b, float* y) {
    const float d = f16_to_f32(b.d);
    const float dmin = f16_to_f32(b.dmin);
    const std::uint8_t* q = b.qs;
    for (int chunk = 0; chunk < 4; ++chunk, q += 32, y += 64) {
        int sc1, m1, sc2, m2;
        scale_min_k4(2 * chunk, b.scales, sc1, m1);
        scale_min_k4(2 * chunk + 1, b.scales, sc2, m2);
        for (int l = 0; l < 32; ++l) {
            y[l] = d * sc1 * (q[l] & 0xF) - dmin * m1;
            y[l + 32] = d * sc2 * (q[l] >> 4) - dmin * m2;
        }
    }
}

void dequant_q6_k(const BlockQ6_K& b, float* y) {
    const float d = f16_to_f32(b.d);
    const std::uint8_t* ql = b.ql;
    const std::uint8_t* qh = b.qh;
    const std::int8_t* sc = b.scales;
    for (int half = 0; half < 2; ++half, y += 128, ql += 64, qh += 32, sc += 8) {
        for (int l = 0; l < 32; ++l) {
            const int is = l / 16;
            const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
            const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
            const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            y[l] = d * sc[is] * q1;
            y[l + 32] = d * sc[is + 2] * q2;
            y[l + 64] = d * sc[is + 4] * q3;
            y[l + 96] = d * sc[is + 6] * q4;
        }
    }
}

std::vector<float> dequant_weights(const DotOperands& ops, std::size_t r) {
    std::vector<float> y(ops.n);
    const std::uint8_t* row = ops.weights.data() + r * row_bytes(ops.family, ops.n);
    for (std::size_t i = 0; i < ops.n; ++i) {
        switch (ops.family) {
        case QuantFamily::Q4_0: {
            const auto b = load<BlockQ4_0>(row + i / 32 * sizeof(BlockQ4_0));
            const std::size_t j = i % 32;
            const int q = j < 16 ? (b.qs[j] & 0xF) : (b.qs[j - 16] >> 4);
            y[i] = f16_to_f32(b.d) * static_cast<float>(q - 8);
            break;
        }
        case QuantFamily::Q8_0: {
            const auto b = load<BlockQ8_0>(row + i / 32 * sizeof(BlockQ8_0));
            y[i] = f16_to_f32(b.d) * b.qs[i % 32];
            break;
        }
        case QuantFamily::F16:
            y[i] = f16_to_f32(load<std::uint16_t>(row + 2 * i));
            break;
        case QuantFamily::Q4_K:
            if (i % kKBlock == 0) {
                dequant_q4_k(load<BlockQ4_K>(row + i / kKBlock * sizeof(BlockQ4_K)), &y[i]);
            }
            break;
        case QuantFamily::Q6_K:
            if (i % kKBlock == 0) {
                dequant_q6_k(load<BlockQ6_K>(row + i / kKBlock * sizeof(BlockQ6_K)), &y[i]);
            }
            break;
        }
    }
    return y;
}

float activation_at(const DotOperands& ops, std::size_t i) {
    const std::uint8_t* a = ops.activation.data();
    switch (ops.family) {
    case QuantFamily::F16:
        return f16_to_f32(load<std::uint16_t>(a + 2 * i));
    case QuantFamily::Q4_K:
    case QuantFamily::Q6_K: {
        const auto b = load<BlockQ8_K>(a + i / kKBlock * sizeof(BlockQ8_K));
        return b.d * b.qs[i % kKBlock];
    }
    default: {
        const auto b = load<BlockQ8_0>(a + i / 32 * sizeof(BlockQ8_0));
        return f16_to_f32(b.d) * b.qs[i % 32];
    }
    }
}

}  // namespace

float dot_row_reference(const DotOperands& ops, std::size_t r) {
    const std::vector<float> w = dequant_weights(ops, r);
    double sum = 0;
    for (std::size_t i = 0; i < ops.n; ++i) {
        sum += static_cast<double>(w[i]) * activation_at(ops, i);
    }
    return static_cast<float>(sum);
}

}  // namespace canrun::bench
