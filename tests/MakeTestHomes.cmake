# Makes every test's folders afresh, before any test runs (the onedial_test_homes fixture):
#
#   cmake -DROOT=BUILD/test-homes -DRUNTIMES=DIR -DTESTS=name1,name2,... -P MakeTestHomes.cmake
#
# ROOT/<test>/home is the test's HOME with its XDG folders, RUNTIMES/<hash of test> its runtime
# folder (XDG_RUNTIME_DIR: private, mode 0700, as a login session's is; kept short for the
# socket, see tests/CMakeLists.txt), ROOT/<test>/tmp its TMPDIR on macOS and TEMP on Windows.
# What an earlier run left there is removed first.
cmake_minimum_required(VERSION 3.21)
if(NOT ROOT OR NOT RUNTIMES OR NOT TESTS)
    message(FATAL_ERROR "usage: cmake -DROOT=DIR -DRUNTIMES=DIR -DTESTS=a,b,... -P MakeTestHomes.cmake")
endif()

# OneDial's socket in the runtime folder is "org.onedial.OneDial-<12 hex digits>.socket"; a Unix
# socket path holds at most 103 bytes on macOS (107 on Linux).
set(socket_name_length 40)
set(private OWNER_READ OWNER_WRITE OWNER_EXECUTE)

string(REPLACE "," ";" tests "${TESTS}")
file(REMOVE_RECURSE "${ROOT}" "${RUNTIMES}")
file(MAKE_DIRECTORY "${RUNTIMES}")
file(CHMOD "${RUNTIMES}" PERMISSIONS ${private})
foreach(test IN LISTS tests)
    set(dir "${ROOT}/${test}")
    string(SHA1 hash "${test}")
    string(SUBSTRING "${hash}" 0 10 hash)
    set(run "${RUNTIMES}/${hash}")
    string(LENGTH "${run}/" length)
    math(EXPR length "${length} + ${socket_name_length}")
    if(length GREATER 103)
        message(FATAL_ERROR "${run} is too deep for OneDial's socket (${length} of at most 103 bytes)")
    endif()
    file(MAKE_DIRECTORY
        "${dir}/home/.config" "${dir}/home/.local/share" "${dir}/home/.local/state"
        "${dir}/home/.cache" "${dir}/home/AppData/Roaming" "${dir}/home/AppData/Local"
        "${run}" "${dir}/tmp")
    file(CHMOD "${dir}/home" "${run}" "${dir}/tmp" PERMISSIONS ${private})
endforeach()
list(LENGTH tests count)
message(STATUS "${count} test homes made afresh in ${ROOT}")
