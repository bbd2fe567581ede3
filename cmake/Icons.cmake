# The app icon in every raster form, rendered at build time from the one SVG source
# (resources/icons/onedial.svg) by tools/iconrender. Defines:
#   ONEDIAL_ICON_SVG        the source
#   ONEDIAL_ICON_DIR        the build folder holding hicolor/<n>x<n>/apps/<app id>.png
#   ONEDIAL_ICON_ICO        the Windows .ico
#   ONEDIAL_ICON_ICNS       the macOS .icns
# and the target onedial_icons that makes them.

set(ONEDIAL_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/onedial.svg")
set(ONEDIAL_ICON_DIR "${PROJECT_BINARY_DIR}/icons")
set(ONEDIAL_ICON_ICO "${ONEDIAL_ICON_DIR}/onedial.ico")
set(ONEDIAL_ICON_ICNS "${ONEDIAL_ICON_DIR}/onedial.icns")
set(ONEDIAL_ICON_PNG_SIZES 16 22 24 32 48 64 128 256 512)

add_executable(onedial_iconrender tools/iconrender/iconrender.cpp)
target_link_libraries(onedial_iconrender PRIVATE Qt6::Gui Qt6::Svg onedial_common)

set(_onedial_icon_outputs "${ONEDIAL_ICON_ICO}" "${ONEDIAL_ICON_ICNS}")
foreach(size IN LISTS ONEDIAL_ICON_PNG_SIZES)
    list(APPEND _onedial_icon_outputs "${ONEDIAL_ICON_DIR}/hicolor/${size}x${size}/apps/${ONEDIAL_APP_ID}.png")
endforeach()

# A cross build (Windows on Linux) runs the renderer it built through its emulator (Wine), with
# Windows paths.
set(_onedial_icon_runner "")
if(CMAKE_CROSSCOMPILING)
    set(_onedial_icon_runner ${CMAKE_CROSSCOMPILING_EMULATOR})
endif()
add_custom_command(
    OUTPUT ${_onedial_icon_outputs}
    # A sanitized build's leak check would fail the build over Qt's process-lifetime allocations.
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 ${_onedial_icon_runner}
            $<TARGET_FILE:onedial_iconrender> "${ONEDIAL_WINE_ROOT}${ONEDIAL_ICON_SVG}"
            "${ONEDIAL_WINE_ROOT}${ONEDIAL_ICON_DIR}" "${ONEDIAL_APP_ID}"
    DEPENDS onedial_iconrender "${ONEDIAL_ICON_SVG}"
    COMMENT "Rendering the app icon for every platform"
    VERBATIM)
add_custom_target(onedial_icons DEPENDS ${_onedial_icon_outputs})
