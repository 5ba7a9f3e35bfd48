// test_hash.cpp — our own MD5/SHA digests and Base64 against published test vectors.
#include <doctest/doctest.h>

#include "core/hash.h"

using namespace sim;

TEST_SUITE("hash") {
    TEST_CASE("digests match the RFC and FIPS test vectors") {
        CHECK(*hex_digest("MD5", "") == "d41d8cd98f00b204e9800998ecf8427e");
        CHECK(*hex_digest("MD5", "abc") == "900150983cd24fb0d6963f7d28e17f72");
        CHECK(*hex_digest("SHA-1", "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
        CHECK(*hex_digest("SHA-256", "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(*hex_digest("SHA-384", "abc") ==
              "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        CHECK(*hex_digest("SHA-512", "abc") ==
              "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423"
              "643ce80e2a9ac94fa54ca49f");
        // Two-block message (56 bytes) exercises the padding boundary.
        CHECK(*hex_digest("SHA-256", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK_FALSE(hex_digest("SHA-3", "abc").has_value());
    }

    TEST_CASE("Base64 round-trips and rejects characters outside the alphabet") {
        CHECK(base64_encode("") == "");
        CHECK(base64_encode("f") == "Zg==");
        CHECK(base64_encode("fo") == "Zm8=");
        CHECK(base64_encode("foo") == "Zm9v");
        CHECK(*base64_decode("Zm9vYmFy") == "foobar");
        CHECK(*base64_decode("Zg==") == "f");
        CHECK_FALSE(base64_decode("Zm9v!").has_value());
        CHECK_FALSE(base64_decode("Zg==Zg").has_value());
    }
}
