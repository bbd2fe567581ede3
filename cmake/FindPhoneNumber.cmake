# libphonenumber comes in three shapes: vcpkg's config package (static target
# libphonenumber::phonenumber, with protobuf, abseil and ICU as its link interface), Homebrew's
# (libphonenumber::phonenumber-shared), and Debian's, which has no CMake config or pkg-config
# file at all. Prefer a config package; fall back to locating the header and library.
find_package(libphonenumber CONFIG QUIET)
if(TARGET libphonenumber::phonenumber-shared)
    add_library(onedial_phonenumber ALIAS libphonenumber::phonenumber-shared)
elseif(TARGET libphonenumber::phonenumber)
    add_library(onedial_phonenumber ALIAS libphonenumber::phonenumber)
else()
    find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
    find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
    add_library(onedial_phonenumber UNKNOWN IMPORTED)
    set_target_properties(onedial_phonenumber PROPERTIES
        IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
