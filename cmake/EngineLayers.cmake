# EngineLayers.cmake — the engine as layers the build enforces.
#
# Each folder of engine/ is one layer and one library target (slsim_<folder>). A layer links only
# the layers it names below it, and may include only headers of its own folder and of those layers
# (transitively): an upward `#include "x/…"` fails the build with the file and line, before anything
# compiles (cmake/CheckLayerIncludes.cmake, run whenever a source of the layer changes).
#
#   slsim_layer(NAME [DEPS lower layers…])
#
# After the calls: SLSIM_ENGINE_LAYER_TARGETS lists the compiled layers (for flags such as the fuzz
# instrumentation). sim_engine is every layer in one INTERFACE target for the CLI, the tests and the
# SAM tools module; sim_engine_page is the same without the export-only CloudFormation completion
# (slsim_cfn_completion), for the page. sim_engine_code adds the JavaScript interpreter
# (slsim_quickjs_runtime) for the CLI and the tests.

set(SLSIM_ENGINE_LAYER_TARGETS "" CACHE INTERNAL "")
set(SLSIM_QUICKJS_OBJECT_TARGETS "" CACHE INTERNAL "")
set(SLSIM_LAYER_CHECK_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/CheckLayerIncludes.cmake)

function(slsim_layer name)
    cmake_parse_arguments(L "" "" "DEPS" ${ARGN})
    set(dir ${PROJECT_SOURCE_DIR}/engine/${name})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
    file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${dir}/*.h)
    if(SLSIM_EXCLUDE_REGEX)
        list(FILTER sources EXCLUDE REGEX "${SLSIM_EXCLUDE_REGEX}")
    endif()
    # <file>_cfn.cpp: export-only CloudFormation completion, built as slsim_cfn_completion (below).
    set(cfn_sources ${sources})
    list(FILTER cfn_sources INCLUDE REGEX "_cfn\\.cpp$")
    list(FILTER sources EXCLUDE REGEX "_cfn\\.cpp$")
    # <file>_quickjs.cpp: the JavaScript interpreter's side, built as slsim_quickjs_runtime (below).
    set(quickjs_sources ${sources})
    list(FILTER quickjs_sources INCLUDE REGEX "_quickjs\\.cpp$")
    list(FILTER sources EXCLUDE REGEX "_quickjs\\.cpp$")

    # What this layer may include: itself and everything below it.
    set(allowed ${name})
    foreach(dep IN LISTS L_DEPS)
        if(NOT DEFINED SLSIM_LAYER_ALLOWED_${dep})
            message(FATAL_ERROR "layer ${name}: DEPS names ${dep}, which is not a layer defined before it")
        endif()
        list(APPEND allowed ${SLSIM_LAYER_ALLOWED_${dep}})
    endforeach()
    list(REMOVE_DUPLICATES allowed)
    set(SLSIM_LAYER_ALLOWED_${name} ${allowed} CACHE INTERNAL "")

    set(target slsim_${name})
    set(dep_targets "")
    foreach(dep IN LISTS L_DEPS)
        list(APPEND dep_targets slsim_${dep})
    endforeach()

    if(sources)
        add_library(${target} STATIC ${sources} ${headers})
        target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/engine)
        target_link_libraries(${target} PUBLIC slsim::json ${dep_targets})
        slsim_warnings(${target})
        set(SLSIM_ENGINE_LAYER_TARGETS ${SLSIM_ENGINE_LAYER_TARGETS} ${target} CACHE INTERNAL "")
    else()
        add_library(${target} INTERFACE ${headers})
        target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/engine)
        target_link_libraries(${target} INTERFACE slsim::json ${dep_targets})
    endif()

    # The include check: a stamp rebuilt whenever a file of the layer changes.
    set(stamp ${CMAKE_BINARY_DIR}/layer_checks/${name}.ok)
    string(REPLACE ";" "|" allowed_arg "${allowed}")
    add_custom_command(OUTPUT ${stamp}
                       COMMAND ${CMAKE_COMMAND} -DLAYER=${name} -DALLOWED=${allowed_arg} -DDIR=${dir}
                               -DSTAMP=${stamp} -P ${SLSIM_LAYER_CHECK_SCRIPT}
                       DEPENDS ${sources} ${headers} ${SLSIM_LAYER_CHECK_SCRIPT}
                       COMMENT "Checking that engine/${name} includes only ${allowed}" VERBATIM)
    add_custom_target(${target}_layer_check DEPENDS ${stamp})
    add_dependencies(${target} ${target}_layer_check)

    # A layer's CloudFormation completion hooks (what CloudFormation requires of a resource that a
    # design may leave out) are only needed to export SAM: the page, which never exports and has a
    # download budget, does not link them. They are declared weak where the contracts name them.
    if(cfn_sources)
        add_library(slsim_cfn_completion OBJECT ${cfn_sources})
        target_link_libraries(slsim_cfn_completion PUBLIC ${target})
        slsim_warnings(slsim_cfn_completion)
        set(SLSIM_ENGINE_LAYER_TARGETS ${SLSIM_ENGINE_LAYER_TARGETS} slsim_cfn_completion CACHE INTERNAL "")
    endif()

    # Code that runs Lambda functions' JavaScript needs QuickJS (about 200 KB gzip in wasm): the
    # CLI, the tests and the page's on-demand code module link it; the page does not (it reaches
    # the module through playground/platform/code_runtime_bridge.cpp).
    # Each layer's such files are one OBJECT library, slsim_<layer>_quickjs; SLSIM_QUICKJS_OBJECT_TARGETS
    # lists them for sim_engine_code.
    if(quickjs_sources)
        set(qjs_target slsim_${name}_quickjs)
        set(extra "")
        if(name STREQUAL "js")
            set(extra ${SLSIM_QUICKJS_EMBEDDED})
        endif()
        add_library(${qjs_target} OBJECT ${quickjs_sources} ${extra})
        target_link_libraries(${qjs_target} PUBLIC ${target} quickjs)
        slsim_warnings(${qjs_target})
        set(SLSIM_ENGINE_LAYER_TARGETS ${SLSIM_ENGINE_LAYER_TARGETS} ${qjs_target} CACHE INTERNAL "")
        set(SLSIM_QUICKJS_OBJECT_TARGETS ${SLSIM_QUICKJS_OBJECT_TARGETS} ${qjs_target} CACHE INTERNAL "")
    endif()
endfunction()
