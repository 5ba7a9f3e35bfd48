# QuickJs.cmake — the QuickJS interpreter (Debian trixie's quickjs source, fetched by scripts/setup
# into third_party/quickjs) as the C library `quickjs`, and the runtime prelude that engine/js
# embeds (SLSIM_QUICKJS_EMBEDDED, compiled into slsim_quickjs_runtime).
set(SLSIM_QUICKJS_DIR ${PROJECT_SOURCE_DIR}/third_party/quickjs)
if(NOT EXISTS ${SLSIM_QUICKJS_DIR}/quickjs.c)
    message(FATAL_ERROR "third_party/quickjs is missing: run scripts/setup")
endif()
file(READ ${SLSIM_QUICKJS_DIR}/VERSION SLSIM_QUICKJS_VERSION)
string(STRIP "${SLSIM_QUICKJS_VERSION}" SLSIM_QUICKJS_VERSION)
add_library(quickjs STATIC ${SLSIM_QUICKJS_DIR}/quickjs.c ${SLSIM_QUICKJS_DIR}/libregexp.c
            ${SLSIM_QUICKJS_DIR}/libunicode.c ${SLSIM_QUICKJS_DIR}/cutils.c ${SLSIM_QUICKJS_DIR}/dtoa.c)
target_include_directories(quickjs SYSTEM PUBLIC ${SLSIM_QUICKJS_DIR})
target_compile_definitions(quickjs PRIVATE _GNU_SOURCE CONFIG_VERSION="${SLSIM_QUICKJS_VERSION}")
# Third-party C: its own warnings are not ours to fix. QuickJS relies on behaviour UBSan reports
# (NaN-boxing casts, shifts of negative values); AddressSanitizer still checks it.
target_compile_options(quickjs PRIVATE -w)
if(SLSIM_SANITIZE)
    target_compile_options(quickjs PRIVATE -fno-sanitize=undefined)
endif()
if(EMSCRIPTEN)
    # Size matters in wasm, but the interpreter's loop is the per-invocation cost: -O2.
    target_compile_options(quickjs PRIVATE -O2)
endif()

set(SLSIM_QUICKJS_PRELUDE ${PROJECT_SOURCE_DIR}/engine/js/runtime_prelude.js)
set(SLSIM_QUICKJS_EMBEDDED ${CMAKE_BINARY_DIR}/generated/js_prelude.cpp)
add_custom_command(OUTPUT ${SLSIM_QUICKJS_EMBEDDED}
                   COMMAND ${CMAKE_COMMAND} -DOUT=${SLSIM_QUICKJS_EMBEDDED} -DFILES=${SLSIM_QUICKJS_PRELUDE}
                           -DFUNCTION=embedded_js_text -DNAMESPACE=sim::js -P ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
                   DEPENDS ${SLSIM_QUICKJS_PRELUDE} ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
                   COMMENT "Embedding the Lambda runtime prelude" VERBATIM)
