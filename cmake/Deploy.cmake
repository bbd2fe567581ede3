# onedial_deploy_qt(<out_var> [options...]): Qt's deploy script for the onedial target (it runs
# windeployqt on Windows, macdeployqt on macOS) with the file name in <out_var>, for
# install(SCRIPT). The options (NO_COMPILER_RUNTIME, DEPLOY_TOOL_OPTIONS ...) exist from Qt 6.5
# on; Qt 6.4 knows only FILENAME_VARIABLE, so there they are dropped.
function(onedial_deploy_qt out_var)
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(TARGET onedial
            OUTPUT_SCRIPT script
            NO_UNSUPPORTED_PLATFORM_ERROR
            ${ARGN})
    else()
        qt_generate_deploy_app_script(TARGET onedial
            FILENAME_VARIABLE script
            NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    set(${out_var} "${script}" PARENT_SCOPE)
endfunction()
