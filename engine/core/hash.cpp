// hash.cpp — MD5 (RFC 1321), SHA-1 / SHA-256 / SHA-384 / SHA-512 (FIPS 180-4) and Base64.
#include "core/hash.h"

#include <array>
#include <cstdint>
#include <vector>

namespace sim {

namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

u32 rotl32(u32 x, int n) {
    return (x << n) | (x >> (32 - n));
}
u32 rotr32(u32 x, int n) {
    return (x >> n) | (x << (32 - n));
}
u64 rotr64(u64 x, int n) {
    return (x >> n) | (x << (64 - n));
}

// Merkle–Damgård padding: 0x80, zeros, then the bit length (big- or little-endian, `len_bytes`).
std::vector<unsigned char> pad(std::string_view data, std::size_t block, std::size_t len_bytes, bool little_endian) {
    std::vector<unsigned char> m(data.begin(), data.end());
    u64 bits = static_cast<u64>(data.size()) * 8;
    m.push_back(0x80);
    while ((m.size() + len_bytes) % block != 0) m.push_back(0);
    for (std::size_t k = 0; k < len_bytes; ++k) {
        std::size_t shift = little_endian ? k : len_bytes - 1 - k;
        m.push_back(shift < 8 ? static_cast<unsigned char>(bits >> (8 * shift)) : 0);
    }
    return m;
}

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t k = 0; k < n; ++k) {
        out.push_back(digits[bytes[k] >> 4]);
        out.push_back(digits[bytes[k] & 15]);
    }
    return out;
}

std::string md5(std::string_view data) {
    static const u32 k[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
    static const int r[64] = {7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 7,  12, 17, 22, 5,  9,  14, 20, 5,  9,
                              14, 20, 5,  9,  14, 20, 5,  9,  14, 20, 4,  11, 16, 23, 4,  11, 16, 23, 4,  11, 16, 23,
                              4,  11, 16, 23, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21, 6,  10, 15, 21};
    u32 h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    auto m = pad(data, 64, 8, true);
    for (std::size_t off = 0; off < m.size(); off += 64) {
        u32 w[16];
        for (int j = 0; j < 16; ++j)
            w[j] = u32(m[off + 4 * j]) | u32(m[off + 4 * j + 1]) << 8 | u32(m[off + 4 * j + 2]) << 16 |
                   u32(m[off + 4 * j + 3]) << 24;
        u32 a = h[0], b = h[1], c = h[2], d = h[3];
        for (int j = 0; j < 64; ++j) {
            u32 f;
            int g;
            if (j < 16) {
                f = (b & c) | (~b & d);
                g = j;
            } else if (j < 32) {
                f = (d & b) | (~d & c);
                g = (5 * j + 1) % 16;
            } else if (j < 48) {
                f = b ^ c ^ d;
                g = (3 * j + 5) % 16;
            } else {
                f = c ^ (b | ~d);
                g = (7 * j) % 16;
            }
            u32 tmp = d;
            d = c;
            c = b;
            b = b + rotl32(a + f + k[j] + w[g], r[j]);
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
    }
    unsigned char out[16];
    for (int j = 0; j < 16; ++j) out[j] = static_cast<unsigned char>(h[j / 4] >> (8 * (j % 4)));
    return hex(out, 16);
}

std::string sha1(std::string_view data) {
    u32 h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    auto m = pad(data, 64, 8, false);
    for (std::size_t off = 0; off < m.size(); off += 64) {
        u32 w[80];
        for (int j = 0; j < 16; ++j)
            w[j] = u32(m[off + 4 * j]) << 24 | u32(m[off + 4 * j + 1]) << 16 | u32(m[off + 4 * j + 2]) << 8 |
                   u32(m[off + 4 * j + 3]);
        for (int j = 16; j < 80; ++j) w[j] = rotl32(w[j - 3] ^ w[j - 8] ^ w[j - 14] ^ w[j - 16], 1);
        u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        for (int j = 0; j < 80; ++j) {
            u32 f, kk;
            if (j < 20) {
                f = (b & c) | (~b & d);
                kk = 0x5A827999;
            } else if (j < 40) {
                f = b ^ c ^ d;
                kk = 0x6ED9EBA1;
            } else if (j < 60) {
                f = (b & c) | (b & d) | (c & d);
                kk = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                kk = 0xCA62C1D6;
            }
            u32 tmp = rotl32(a, 5) + f + e + kk + w[j];
            e = d;
            d = c;
            c = rotl32(b, 30);
            b = a;
            a = tmp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
    unsigned char out[20];
    for (int j = 0; j < 20; ++j) out[j] = static_cast<unsigned char>(h[j / 4] >> (24 - 8 * (j % 4)));
    return hex(out, 20);
}

std::string sha256(std::string_view data) {
    static const u32 k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    u32 h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    auto m = pad(data, 64, 8, false);
    for (std::size_t off = 0; off < m.size(); off += 64) {
        u32 w[64];
        for (int j = 0; j < 16; ++j)
            w[j] = u32(m[off + 4 * j]) << 24 | u32(m[off + 4 * j + 1]) << 16 | u32(m[off + 4 * j + 2]) << 8 |
                   u32(m[off + 4 * j + 3]);
        for (int j = 16; j < 64; ++j) {
            u32 s0 = rotr32(w[j - 15], 7) ^ rotr32(w[j - 15], 18) ^ (w[j - 15] >> 3);
            u32 s1 = rotr32(w[j - 2], 17) ^ rotr32(w[j - 2], 19) ^ (w[j - 2] >> 10);
            w[j] = w[j - 16] + s0 + w[j - 7] + s1;
        }
        u32 v[8];
        for (int j = 0; j < 8; ++j) v[j] = h[j];
        for (int j = 0; j < 64; ++j) {
            u32 s1 = rotr32(v[4], 6) ^ rotr32(v[4], 11) ^ rotr32(v[4], 25);
            u32 ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            u32 t1 = v[7] + s1 + ch + k[j] + w[j];
            u32 s0 = rotr32(v[0], 2) ^ rotr32(v[0], 13) ^ rotr32(v[0], 22);
            u32 maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            u32 t2 = s0 + maj;
            for (int q = 7; q > 0; --q) v[q] = v[q - 1];
            v[4] += t1;
            v[0] = t1 + t2;
        }
        for (int j = 0; j < 8; ++j) h[j] += v[j];
    }
    unsigned char out[32];
    for (int j = 0; j < 32; ++j) out[j] = static_cast<unsigned char>(h[j / 4] >> (24 - 8 * (j % 4)));
    return hex(out, 32);
}

std::string sha512_family(std::string_view data, bool is384) {
    static const u64 k[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
        0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
        0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
        0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
        0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
        0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
        0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
        0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
        0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
        0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
        0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
        0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
        0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
        0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
        0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
        0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
        0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
    u64 h[8];
    if (is384) {
        const u64 init[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
                             0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                             0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
        for (int j = 0; j < 8; ++j) h[j] = init[j];
    } else {
        const u64 init[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                             0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                             0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
        for (int j = 0; j < 8; ++j) h[j] = init[j];
    }
    auto m = pad(data, 128, 16, false);
    for (std::size_t off = 0; off < m.size(); off += 128) {
        u64 w[80];
        for (int j = 0; j < 16; ++j) {
            w[j] = 0;
            for (int b = 0; b < 8; ++b)
                w[j] = (w[j] << 8) | m[off + 8 * static_cast<std::size_t>(j) + static_cast<std::size_t>(b)];
        }
        for (int j = 16; j < 80; ++j) {
            u64 s0 = rotr64(w[j - 15], 1) ^ rotr64(w[j - 15], 8) ^ (w[j - 15] >> 7);
            u64 s1 = rotr64(w[j - 2], 19) ^ rotr64(w[j - 2], 61) ^ (w[j - 2] >> 6);
            w[j] = w[j - 16] + s0 + w[j - 7] + s1;
        }
        u64 v[8];
        for (int j = 0; j < 8; ++j) v[j] = h[j];
        for (int j = 0; j < 80; ++j) {
            u64 s1 = rotr64(v[4], 14) ^ rotr64(v[4], 18) ^ rotr64(v[4], 41);
            u64 ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
            u64 t1 = v[7] + s1 + ch + k[j] + w[j];
            u64 s0 = rotr64(v[0], 28) ^ rotr64(v[0], 34) ^ rotr64(v[0], 39);
            u64 maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            for (int q = 7; q > 0; --q) v[q] = v[q - 1];
            v[4] += t1;
            v[0] = t1 + s0 + maj;
        }
        for (int j = 0; j < 8; ++j) h[j] += v[j];
    }
    std::size_t n = is384 ? 48 : 64;
    unsigned char out[64];
    for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<unsigned char>(h[j / 8] >> (56 - 8 * (j % 8)));
    return hex(out, n);
}

const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

std::optional<std::string> hex_digest(std::string_view algorithm, std::string_view data) {
    if (algorithm == "MD5") return md5(data);
    if (algorithm == "SHA-1") return sha1(data);
    if (algorithm == "SHA-256") return sha256(data);
    if (algorithm == "SHA-384") return sha512_family(data, true);
    if (algorithm == "SHA-512") return sha512_family(data, false);
    return std::nullopt;
}

std::string base64_encode(std::string_view bytes) {
    std::string out;
    std::size_t k = 0;
    for (; k + 2 < bytes.size(); k += 3) {
        u32 v = u32(static_cast<unsigned char>(bytes[k])) << 16 | u32(static_cast<unsigned char>(bytes[k + 1])) << 8 |
                u32(static_cast<unsigned char>(bytes[k + 2]));
        for (int s = 18; s >= 0; s -= 6) out.push_back(kB64[(v >> s) & 63]);
    }
    std::size_t rest = bytes.size() - k;
    if (rest > 0) {
        u32 v = u32(static_cast<unsigned char>(bytes[k])) << 16;
        if (rest == 2) v |= u32(static_cast<unsigned char>(bytes[k + 1])) << 8;
        out.push_back(kB64[(v >> 18) & 63]);
        out.push_back(kB64[(v >> 12) & 63]);
        out.push_back(rest == 2 ? kB64[(v >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    std::array<int, 256> table;
    table.fill(-1);
    for (int k = 0; k < 64; ++k) table[static_cast<unsigned char>(kB64[k])] = k;
    std::string out;
    u32 acc = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (char c : text) {
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0) return std::nullopt;  // data after padding
        int v = table[static_cast<unsigned char>(c)];
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<u32>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    if (padding > 2 || (text.size() % 4 != 0 && padding > 0)) return std::nullopt;
    return out;
}

}  // namespace sim
