# Header-only dependencies from Debian packages (nlohmann-json3-dev, doctest-dev).
# Emscripten must not see /usr/include as a whole (glibc headers would shadow its libc), so each
# package's own folder is linked into a private include directory.
set(SLSIM_SYSDEPS_DIR ${CMAKE_BINARY_DIR}/sysdeps/include)
file(MAKE_DIRECTORY ${SLSIM_SYSDEPS_DIR})

function(slsim_link_system_header_dir name)
    set(src /usr/include/${name})
    if(NOT EXISTS ${src})
        message(FATAL_ERROR "missing ${src}: run scripts/setup (installs Debian's ${name} package)")
    endif()
    if(NOT EXISTS ${SLSIM_SYSDEPS_DIR}/${name})
        file(CREATE_LINK ${src} ${SLSIM_SYSDEPS_DIR}/${name} SYMBOLIC)
    endif()
endfunction()

slsim_link_system_header_dir(nlohmann)
slsim_link_system_header_dir(doctest)

add_library(slsim_json INTERFACE)
target_include_directories(slsim_json SYSTEM INTERFACE ${SLSIM_SYSDEPS_DIR})
add_library(slsim::json ALIAS slsim_json)
