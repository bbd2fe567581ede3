# Install rules for onedial-gateway (Linux only), in the CPack component "gateway": the program,
# its systemd unit, the sysusers.d entry for its service user, and its documentation. The .deb
# and .rpm made from them are set up in cmake/Installers.cmake.
include(GNUInstallDirs)

# Like the desktop program: no $ORIGIN run path, the system's libraries found the system's way.
set_target_properties(onedial-gateway PROPERTIES INSTALL_RPATH "")
install(TARGETS onedial-gateway RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT gateway)

# systemd looks for units and sysusers.d files in <prefix>/lib, never in the multiarch libdir.
# The unit names the program by its installed path, known only at install time (cpack installs
# into /usr, `cmake --install` into CMAKE_INSTALL_PREFIX or --prefix): it is filled in then.
set(_gateway_unit_in "${PROJECT_SOURCE_DIR}/packaging/linux/onedial-gateway.service.in")
set(_gateway_unit "${CMAKE_CURRENT_BINARY_DIR}/install/onedial-gateway.service")
install(CODE "
    set(ONEDIAL_GATEWAY_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    set(ONEDIAL_GATEWAY_DOCDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/doc/onedial-gateway\")
    configure_file(\"${_gateway_unit_in}\" \"${_gateway_unit}\" @ONLY)
    " COMPONENT gateway)
install(FILES "${_gateway_unit}" DESTINATION lib/systemd/system COMPONENT gateway)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/linux/onedial-gateway.sysusers"
    DESTINATION lib/sysusers.d RENAME onedial-gateway.conf COMPONENT gateway)
install(FILES
    "${PROJECT_SOURCE_DIR}/packaging/linux/copyright"
    "${PROJECT_SOURCE_DIR}/packaging/linux/gateway/README.md"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/onedial-gateway COMPONENT gateway)
