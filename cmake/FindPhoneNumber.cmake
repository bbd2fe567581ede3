# Debian ships libphonenumber without a CMake config or pkg-config file; vcpkg and Homebrew
# provide a config package. Prefer the config, fall back to locating the header and library.
find_package(PhoneNumber CONFIG QUIET)
if(TARGET PhoneNumber::phonenumber)
    add_library(onedial_phonenumber ALIAS PhoneNumber::phonenumber)
else()
    find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
    find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
    add_library(onedial_phonenumber UNKNOWN IMPORTED)
    set_target_properties(onedial_phonenumber PROPERTIES
        IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
