# make_site.cmake — run with `cmake -P` after linking: copies web/*.{html,js,css} into the site and
# writes the wasm's byte size into index.html (@WASM_BYTES@) so the loader can show real download
# progress even when the server compresses the transfer (Content-Length is then the gzip size).
#   -DWEB_DIR=<repo>/web  -DSITE_DIR=<build>/site
file(SIZE ${SITE_DIR}/playground.wasm WASM_BYTES)
file(GLOB web_files ${WEB_DIR}/*.html ${WEB_DIR}/*.js ${WEB_DIR}/*.css)
foreach(f IN LISTS web_files)
    get_filename_component(name ${f} NAME)
    if(name MATCHES "\\.html$")
        configure_file(${f} ${SITE_DIR}/${name} @ONLY)
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
# web/examples/ (the tutorial page embedding two playgrounds) → site/examples/, unchanged.
file(GLOB example_files ${WEB_DIR}/examples/*.html ${WEB_DIR}/examples/*.js ${WEB_DIR}/examples/*.css)
foreach(f IN LISTS example_files)
    get_filename_component(name ${f} NAME)
    configure_file(${f} ${SITE_DIR}/examples/${name} COPYONLY)
endforeach()
