// doctest_main.cpp — the test runner's entry point (all test files link into one binary).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
