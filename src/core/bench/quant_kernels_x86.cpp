// AVX2 kernels: 8-bit products summed in 16 then 32 bits (maddubs / madd), one float
// multiply-add per block, as CPU LLM runtimes do it. Written for canrun's bench.
#include "bench/quant_kernels_x86.h"

#if defined(__x86_64__) && defined(__GNUC__)

#include <immintrin.h>

#include <cstring>

#define CANRUN_AVX2 __attribute__((target("avx2,fma,f16c")))

namespace canrun::bench {

namespace {

CANRUN_AVX2 inline float hsum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

CANRUN_AVX2 inline float h2f(std::uint16_t h) {
    return _mm_cvtss_f32(_mm_cvtph_ps(_mm_cvtsi32_si128(h)));
}

// 32 signed x signed 8-bit products summed into 8 int32 lanes.
CANRUN_AVX2 inline __m256i dot_s8(__m256i x, __m256i y) {
    const __m256i p = _mm256_maddubs_epi16(_mm256_sign_epi8(x, x), _mm256_sign_epi8(y, x));
    return _mm256_madd_epi16(p, _mm256_set1_epi16(1));
}

// Nibbles of 16 bytes: low ones in the first 16 lanes, high ones in the last 16.
CANRUN_AVX2 inline __m256i unpack_nibbles(const std::uint8_t* q) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m256i both = _mm256_set_m128i(_mm_srli_epi16(b, 4), b);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

CANRUN_AVX2 float q4_0(const BlockQ4_0* w, const BlockQ8_0* a, std::size_t nb) {
    __m256 acc = _mm256_setzero_ps();
    for (std::size_t b = 0; b < nb; ++b) {
        const __m256i x = _mm256_sub_epi8(unpack_nibbles(w[b].qs), _mm256_set1_epi8(8));
        const __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a[b].qs));
        const __m256 d = _mm256_set1_ps(h2f(w[b].d) * h2f(a[b].d));
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot_s8(x, y)), d, acc);
    }
    return hsum(acc);
}

CANRUN_AVX2 float q8_0(const BlockQ8_0* w, const BlockQ8_0* a, std::size_t nb) {
    __m256 acc = _mm256_setzero_ps();
    for (std::size_t b = 0; b < nb; ++b) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w[b].qs));
        const __m256i y = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a[b].qs));
        const __m256 d = _mm256_set1_ps(h2f(w[b].d) * h2f(a[b].d));
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot_s8(x, y)), d, acc);
    }
    return hsum(acc);
}

void scales_mins(const std::uint8_t* q, int* sc, int* m) {
    for (int j = 0; j < 4; ++j) {
        sc[j] = q[j] & 63;
        m[j] = q[j + 4] & 63;
        sc[j + 4] = (q[j + 8] & 0xF) | ((q[j] >> 6) << 4);
        m[j + 4] = (q[j + 8] >> 4) | ((q[j + 4] >> 6) << 4);
    }
}

CANRUN_AVX2 float q4_k(const BlockQ4_K* w, const BlockQ8_K* a, std::size_t nb) {
    __m256 acc = _mm256_setzero_ps();
    float mins = 0;
    const __m256i low = _mm256_set1_epi8(0x0F);
    for (std::size_t b = 0; b < nb; ++b) {
        int sc[8], m[8];
        scales_mins(w[b].scales, sc, m);
        __m256i isum = _mm256_setzero_si256();
        for (int c = 0; c < 4; ++c) {
            const __m256i q = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w[b].qs + 32 * c));
            const auto* y = reinterpret_cast<const __m256i*>(a[b].qs + 64 * c);
            const __m256i lo = _mm256_maddubs_epi16(_mm256_and_si256(q, low), _mm256_loadu_si256(y));
            const __m256i hi = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(q, 4), low),
                                                    _mm256_loadu_si256(y + 1));
            isum = _mm256_add_epi32(isum, _mm256_madd_epi16(lo, _mm256_set1_epi16(static_cast<short>(sc[2 * c]))));
            isum = _mm256_add_epi32(isum, _mm256_madd_epi16(hi, _mm256_set1_epi16(static_cast<short>(sc[2 * c + 1]))));
        }
        int msum = 0;
        for (int j = 0; j < 8; ++j) {
            msum += m[j] * (a[b].bsums[2 * j] + a[b].bsums[2 * j + 1]);
        }
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), _mm256_set1_ps(h2f(w[b].d) * a[b].d), acc);
        mins += h2f(w[b].dmin) * a[b].d * static_cast<float>(msum);
    }
    return hsum(acc) - mins;
}

// 32 six-bit quants from 32 low-nibble bytes and 2-bit fields of qh at `shift`, minus 32.
CANRUN_AVX2 inline __m256i q6_quants(__m256i nibbles, __m256i qh, int shift) {
    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(qh, shift), _mm256_set1_epi8(3));
    const __m256i q = _mm256_or_si256(nibbles, _mm256_slli_epi16(high, 4));
    return _mm256_sub_epi8(q, _mm256_set1_epi8(32));
}

CANRUN_AVX2 __m256i q6_group(__m256i q, const std::int8_t* y, const std::int8_t* sc) {
    const __m256i yv = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y));
    const __m256i p = _mm256_maddubs_epi16(_mm256_sign_epi8(q, q), _mm256_sign_epi8(yv, q));
    const __m256i s = _mm256_set_m128i(_mm_set1_epi16(sc[1]), _mm_set1_epi16(sc[0]));
    return _mm256_madd_epi16(p, s);
}

CANRUN_AVX2 float q6_k(const BlockQ6_K* w, const BlockQ8_K* a, std::size_t nb) {
    __m256 acc = _mm256_setzero_ps();
    const __m256i low = _mm256_set1_epi8(0x0F);
    for (std::size_t b = 0; b < nb; ++b) {
        __m256i isum = _mm256_setzero_si256();
        for (int h = 0; h < 2; ++h) {
            const auto* ql = reinterpret_cast<const __m256i*>(w[b].ql + 64 * h);
            const __m256i qh = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w[b].qh + 32 * h));
            const __m256i l0 = _mm256_loadu_si256(ql);
            const __m256i l1 = _mm256_loadu_si256(ql + 1);
            const std::int8_t* y = a[b].qs + 128 * h;
            const std::int8_t* sc = w[b].scales + 8 * h;
            isum = _mm256_add_epi32(isum, q6_group(q6_quants(_mm256_and_si256(l0, low), qh, 0), y, sc));
            isum = _mm256_add_epi32(isum, q6_group(q6_quants(_mm256_and_si256(l1, low), qh, 2), y + 32, sc + 2));
            isum = _mm256_add_epi32(isum, q6_group(q6_quants(_mm256_and_si256(_mm256_srli_epi16(l0, 4), low), qh, 4), y + 64, sc + 4));
            isum = _mm256_add_epi32(isum, q6_group(q6_quants(_mm256_and_si256(_mm256_srli_epi16(l1, 4), low), qh, 6), y + 96, sc + 6));
        }
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), _mm256_set1_ps(h2f(w[b].d) * a[b].d), acc);
    }
    return hsum(acc);
}

CANRUN_AVX2 float f16(const std::uint16_t* w, const std::uint16_t* a, std::size_t n) {
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    for (std::size_t i = 0; i + 16 <= n; i += 16) {
        const auto* wp = reinterpret_cast<const __m128i*>(w + i);
        const auto* ap = reinterpret_cast<const __m128i*>(a + i);
        acc0 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(wp)), _mm256_cvtph_ps(_mm_loadu_si128(ap)), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_cvtph_ps(_mm_loadu_si128(wp + 1)), _mm256_cvtph_ps(_mm_loadu_si128(ap + 1)), acc1);
    }
    return hsum(_mm256_add_ps(acc0, acc1));
}

template <typename T>
const T* as(const std::uint8_t* p) {
    return reinterpret_cast<const T*>(p);
}

}  // namespace

bool x86_kernels_available() {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
           __builtin_cpu_supports("f16c");
}

float dot_row_avx2(QuantFamily family, const std::uint8_t* row, const std::uint8_t* act,
                   std::size_t n) {
    switch (family) {
    case QuantFamily::Q4_0:
        return q4_0(as<BlockQ4_0>(row), as<BlockQ8_0>(act), n / kQ8Block);
    case QuantFamily::Q8_0:
        return q8_0(as<BlockQ8_0>(row), as<BlockQ8_0>(act), n / kQ8Block);
    case QuantFamily::Q4_K:
        return q4_k(as<BlockQ4_K>(row), as<BlockQ8_K>(act), n / kKBlock);
    case QuantFamily::Q6_K:
        return q6_k(as<BlockQ6_K>(row), as<BlockQ8_K>(act), n / kKBlock);
    case QuantFamily::F16:
        return f16(as<std::uint16_t>(row), as<std::uint16_t>(act), n);
    }
    return 0;
}

}  // namespace canrun::bench

#else

namespace canrun::bench {

bool x86_kernels_available() { return false; }

float dot_row_avx2(QuantFamily, const std::uint8_t*, const std::uint8_t*, std::size_t) { return 0; }

}  // namespace canrun::bench

#endif
