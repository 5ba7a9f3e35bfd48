# CheckLayerIncludes.cmake — fails when a file of an engine layer includes a layer above it.
#   cmake -DLAYER=services -DALLOWED="core|pattern|…" -DDIR=engine/services [-DSTAMP=file] -P CheckLayerIncludes.cmake
# Looks at every `#include "folder/…"` in DIR's .h and .cpp files; "folder" must be in ALLOWED.
# Prints each offending include with its file, then stops with an error (the build fails).
cmake_minimum_required(VERSION 3.25)  # script mode: sets the policies IN_LIST needs
string(REPLACE "|" ";" allowed "${ALLOWED}")
file(GLOB_RECURSE files ${DIR}/*.h ${DIR}/*.cpp)
set(violations "")
foreach(file IN LISTS files)
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([A-Za-z0-9_]+)/")
            set(folder ${CMAKE_MATCH_1})
            if(NOT folder IN_LIST allowed)
                string(APPEND violations "  ${file}: ${line}\n")
            endif()
        endif()
    endforeach()
endforeach()
if(violations)
    message(FATAL_ERROR "engine/${LAYER} may include only ${allowed}; these reach a layer above it "
                        "(move the shared part down, or the code up; docs/ARCHITECTURE.md, Layers):\n${violations}")
endif()
if(STAMP)
    file(TOUCH ${STAMP})
endif()
