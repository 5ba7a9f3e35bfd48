# make_site.cmake — run with `cmake -P` after linking: copies web/*.{html,js,css} into the site and
# writes the wasm's byte size into index.html (@WASM_BYTES@) so the loader can show real download
# progress even when the server compresses the transfer (Content-Length is then the gzip size).
#   -DWEB_DIR=<repo>/web  -DSITE_DIR=<build>/site  -DHELP_DIR=<repo>/playground/help
file(SIZE ${SITE_DIR}/playground.wasm WASM_BYTES)
file(GLOB web_files ${WEB_DIR}/*.html ${WEB_DIR}/*.js ${WEB_DIR}/*.css)
# The page's scripts and style sheet lose their comments on the way (4.5 KB gzip of the 800 KB
# budget): whole-line // comments (web/ has no multi-line template strings, so such a line is always
# a comment; //# and //@ pragmas stay) and /* */ in CSS. Code lines are untouched.
foreach(f IN LISTS web_files)
    get_filename_component(name ${f} NAME)
    if(name MATCHES "\\.html$")
        configure_file(${f} ${SITE_DIR}/${name} @ONLY)
    elseif(name MATCHES "\\.(js|css)$")
        file(READ ${f} text)
        set(text "\n${text}")
        if(name MATCHES "\\.js$")
            string(REGEX REPLACE "\n[ \t]*//([^#@\n][^\n]*)?" "" text "${text}")
        else()
            string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" text "${text}")
        endif()
        string(SUBSTRING "${text}" 1 -1 text)
        file(WRITE ${SITE_DIR}/${name}.tmp "${text}")
        configure_file(${SITE_DIR}/${name}.tmp ${SITE_DIR}/${name} COPYONLY)  # only rewritten when it changed
        file(REMOVE ${SITE_DIR}/${name}.tmp)
    else()
        configure_file(${f} ${SITE_DIR}/${name} COPYONLY)
    endif()
endforeach()
# web/tools/: scripts the page fetches on first use (outside its download budget) → site/tools/.
file(GLOB tool_files ${WEB_DIR}/tools/*.js)
foreach(f IN LISTS tool_files)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${SITE_DIR}/tools/${name} COPYONLY)
endforeach()
# playground/help/: what each inspector field means (field_help.h), fetched on first hover → site/tools/help/.
file(GLOB help_files ${HELP_DIR}/*.json)
foreach(f IN LISTS help_files)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${SITE_DIR}/tools/help/${name} COPYONLY)
endforeach()
# web/examples/ (the tutorial page embedding two playgrounds) → site/examples/, unchanged.
file(GLOB example_files ${WEB_DIR}/examples/*.html ${WEB_DIR}/examples/*.js ${WEB_DIR}/examples/*.css)
foreach(f IN LISTS example_files)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${SITE_DIR}/examples/${name} COPYONLY)
endforeach()
