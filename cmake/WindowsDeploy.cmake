# Completes the installed onedial.exe and onedial.com (ONEDIAL_DEPLOY_EXE) into the folder a
# Windows user gets; run by `cmake --install` (cmake/PlatformWindows.cmake sets the ONEDIAL_DEPLOY_*
# values first):
#   - the Qt plug-ins named in ONEDIAL_DEPLOY_PLUGINS, into plugins/<type>/;
#   - every DLL the program and those plug-ins load, found in ONEDIAL_DEPLOY_DLL_DIRS by reading
#     their import tables (objdump -p), and the DLLs those load in turn; a DLL found in none of
#     them must be part of Windows (the list below), or the install stops and names it;
#   - qt.conf, which points Qt at plugins/ and translations/ beside the program;
#   - everything stripped of its debugging symbols.
set(dest "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
foreach(var ONEDIAL_DEPLOY_EXE ONEDIAL_DEPLOY_PLUGINS_DIR ONEDIAL_DEPLOY_PLUGINS ONEDIAL_DEPLOY_DLL_DIRS
        ONEDIAL_DEPLOY_OBJDUMP ONEDIAL_DEPLOY_STRIP)
    if(NOT ${var})
        message(FATAL_ERROR "WindowsDeploy.cmake: ${var} is not set")
    endif()
endforeach()

# DLLs every Windows 10 and later has (and Wine provides): not shipped.
set(windows_dlls_regex "^(api-ms-win-.*|ext-ms-win-.*|advapi32|authz|bcrypt|comctl32|comdlg32|crypt32|d2d1|d3d9|d3d11|d3d12|dcomp|dnsapi|dwmapi|dwrite|dxgi|gdi32|imm32|iphlpapi|kernel32|mpr|msvcrt|ncrypt|netapi32|ntdll|ole32|oleaut32|opengl32|secur32|setupapi|shcore|shell32|shlwapi|user32|userenv|uxtheme|version|winhttp|winmm|winspool|ws2_32|wtsapi32)\\.(dll|drv)$")

set(queue "")
foreach(exe IN LISTS ONEDIAL_DEPLOY_EXE)
    list(APPEND queue "${dest}/${exe}")
endforeach()
foreach(plugin IN LISTS ONEDIAL_DEPLOY_PLUGINS)
    set(source "${ONEDIAL_DEPLOY_PLUGINS_DIR}/${plugin}.dll")
    if(NOT EXISTS "${source}")
        message(FATAL_ERROR "The Qt plug-in ${plugin}.dll is not in ${ONEDIAL_DEPLOY_PLUGINS_DIR}")
    endif()
    get_filename_component(type "${plugin}" DIRECTORY)
    file(INSTALL "${source}" DESTINATION "${dest}/plugins/${type}")
    list(APPEND queue "${dest}/plugins/${plugin}.dll")
endforeach()

set(seen "")
set(shipped "")
set(from_windows "")
while(queue)
    list(POP_FRONT queue binary)
    execute_process(COMMAND "${ONEDIAL_DEPLOY_OBJDUMP}" -p "${binary}"
        OUTPUT_VARIABLE headers RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "objdump could not read ${binary}")
    endif()
    string(REGEX MATCHALL "DLL Name: [^\r\n]+" imports "${headers}")
    foreach(import IN LISTS imports)
        string(REGEX REPLACE "^DLL Name: " "" dll "${import}")
        string(STRIP "${dll}" dll)
        string(TOLOWER "${dll}" key)
        list(FIND seen "${key}" seen_at) # not IN_LIST: install scripts run with old policies
        if(NOT seen_at EQUAL -1)
            continue()
        endif()
        list(APPEND seen "${key}")
        set(found "")
        foreach(dir IN LISTS ONEDIAL_DEPLOY_DLL_DIRS)
            if(NOT found AND EXISTS "${dir}/${dll}")
                set(found "${dir}/${dll}")
            endif()
        endforeach()
        if(found)
            file(INSTALL "${found}" DESTINATION "${dest}")
            list(APPEND queue "${dest}/${dll}")
            list(APPEND shipped "${dll}")
        elseif(key MATCHES "${windows_dlls_regex}")
            list(APPEND from_windows "${key}")
        else()
            message(FATAL_ERROR "${binary} loads ${dll}, which is in none of "
                "${ONEDIAL_DEPLOY_DLL_DIRS} and is not one of Windows' own DLLs.")
        endif()
    endforeach()
endwhile()
list(SORT shipped)
list(SORT from_windows)
message(STATUS "DLLs shipped: ${shipped}")
message(STATUS "DLLs from Windows: ${from_windows}")

file(WRITE "${dest}/qt.conf" "[Paths]\nPrefix = .\nPlugins = plugins\nTranslations = translations\n")

file(GLOB_RECURSE binaries "${dest}/*.exe" "${dest}/*.com" "${dest}/*.dll")
foreach(binary IN LISTS binaries)
    execute_process(COMMAND "${ONEDIAL_DEPLOY_STRIP}" --strip-unneeded "${binary}" RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "strip failed on ${binary}")
    endif()
endforeach()
