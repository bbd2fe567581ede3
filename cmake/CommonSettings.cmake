# One interface target that every OneDial target links: language level, warnings and the
# Qt definitions that keep string and URL conversions explicit.
add_library(onedial_common INTERFACE)
target_compile_features(onedial_common INTERFACE cxx_std_20)
target_compile_definitions(onedial_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    ONEDIAL_VERSION="${ONEDIAL_VERSION}"
    ONEDIAL_APP_ID="${ONEDIAL_APP_ID}"
    ONEDIAL_ORG_DOMAIN="${ONEDIAL_ORG_DOMAIN}"
    ONEDIAL_EXECUTABLE="${ONEDIAL_EXECUTABLE}")

if(MSVC)
    target_compile_options(onedial_common INTERFACE /W4 /permissive- /utf-8)
    if(ONEDIAL_WERROR)
        target_compile_options(onedial_common INTERFACE /WX)
    endif()
else()
    target_compile_options(onedial_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(ONEDIAL_WERROR)
        target_compile_options(onedial_common INTERFACE -Werror)
    endif()
    if(ONEDIAL_SANITIZE)
        target_compile_options(onedial_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(onedial_common INTERFACE -fsanitize=address,undefined)
    endif()
endif()
