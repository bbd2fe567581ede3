# Writes the WiX source of OneDial's MSI, which wixl (msitools) compiles, run in the .wxs file's
# folder:
#
#   cmake -DIDENTITY=<msi-identity.cmake> -DSTAGE=<installed folder> -DWXS=<out.wxs>
#         [-DVERSION=<x.y.z>] -P WindowsMsi.cmake
#
# IDENTITY is written by cmake/PlatformWindows.cmake from cmake/Identity.cmake: the product name,
# version and upgrade code, the link schemes. VERSION replaces the version (the upgrade check
# builds an older MSI from the same files). The MSI:
#   - installs per machine into Program Files\<name>, every file of STAGE in its own component,
#     with component GUIDs derived from the upgrade code and the file's path (stable across
#     versions, as Windows Installer requires);
#   - replaces any other version with the same upgrade code (MajorUpgrade), and refuses to
#     downgrade;
#   - adds a Start-menu entry, and the Add/Remove Programs icon and links;
#   - registers the program for the link schemes for all users, with the names the app itself
#     uses per user (app/platform/UrlSchemeRegistration_win.cpp, HKCU):
#       ProgID        Software\Classes\<name>.Url.<scheme>  (what Default Apps offers)
#       Capabilities  Software\<name>\Capabilities with URLAssociations\<scheme> = the ProgID
#       Registered    Software\RegisteredApplications\<name> = the Capabilities path
#     It does not write the schemes' own keys (Software\Classes\tel): that would take the links
#     from whatever program has them for every user. Windows offers OneDial for them in Default
#     Apps and in its "How do you want to open this?" list; OneDial's settings can also make it
#     the handler for the user who asks (HKCU, as above).
#   - registers onedial.exe as the browser extension's native-messaging host for every user:
#     Software\Google\Chrome, Software\Chromium, Software\Microsoft\Edge and Software\Mozilla,
#     each NativeMessagingHosts\org.onedial.onedial = the manifest installed beside the program.
cmake_minimum_required(VERSION 3.21)
foreach(var IDENTITY STAGE WXS)
    if(NOT ${var})
        message(FATAL_ERROR "usage: cmake -DIDENTITY=F -DSTAGE=DIR -DWXS=F [-DVERSION=x.y.z] -P WindowsMsi.cmake")
    endif()
endforeach()
set(version_override "${VERSION}")
include("${IDENTITY}")
if(version_override)
    set(ONEDIAL_VERSION "${version_override}")
endif()
set(exe "${ONEDIAL_EXECUTABLE}.exe")
# wixl takes no absolute source paths: they are relative to the .wxs file's folder, where wixl runs.
get_filename_component(wxs_dir "${WXS}" DIRECTORY)
file(RELATIVE_PATH stage_from_wxs "${wxs_dir}" "${STAGE}")
file(RELATIVE_PATH icon_from_wxs "${wxs_dir}" "${ONEDIAL_ICON_ICO}")
if(NOT EXISTS "${STAGE}/${exe}")
    message(FATAL_ERROR "${STAGE}/${exe} is missing: install the build into ${STAGE} first")
endif()

# XML text: the values come from Identity.cmake, but are escaped all the same.
function(xml out text)
    string(REPLACE "&" "&amp;" text "${text}")
    string(REPLACE "<" "&lt;" text "${text}")
    string(REPLACE ">" "&gt;" text "${text}")
    string(REPLACE "\"" "&quot;" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()
# A stable identifier and GUID for a thing in the package (a file, a folder, a registry key).
function(ids prefix name out_id out_guid)
    string(SHA1 hash "${name}")
    string(SUBSTRING "${hash}" 0 16 hash)
    set(${out_id} "${prefix}${hash}" PARENT_SCOPE)
    string(UUID guid NAMESPACE "${ONEDIAL_WINDOWS_UPGRADE_GUID}" NAME "${name}" TYPE SHA1 UPPER)
    set(${out_guid} "${guid}" PARENT_SCOPE)
endfunction()

xml(name "${ONEDIAL_NAME}")
xml(summary "${ONEDIAL_SUMMARY}")
xml(homepage "${ONEDIAL_HOMEPAGE}")
set(exe_path "[INSTALLDIR]${exe}")
set(open_command "&quot;${exe_path}&quot; &quot;%1&quot;")
set(default_icon "&quot;${exe_path}&quot;,0")

# The files, folder by folder.
set(components "")
set(component_refs "")
function(add_folder relative indent)
    set(dir "${STAGE}")
    if(relative)
        set(dir "${STAGE}/${relative}")
    endif()
    file(GLOB entries LIST_DIRECTORIES true RELATIVE "${dir}" "${dir}/*")
    list(SORT entries)
    set(text "")
    foreach(entry IN LISTS entries)
        set(path "${entry}")
        if(relative)
            set(path "${relative}/${entry}")
        endif()
        xml(entry_xml "${entry}")
        if(IS_DIRECTORY "${STAGE}/${path}")
            ids(d_ "dir/${path}" dir_id unused)
            add_folder("${path}" "${indent}  ")
            string(APPEND text "${indent}<Directory Id=\"${dir_id}\" Name=\"${entry_xml}\">\n"
                "${folder_text}${indent}</Directory>\n")
        else()
            ids(c_ "file/${path}" component_id guid)
            ids(f_ "file/${path}" file_id unused)
            if(path STREQUAL exe)
                set(file_id "OneDialExe")
            endif()
            string(APPEND text "${indent}<Component Id=\"${component_id}\" Guid=\"${guid}\" Win64=\"yes\">\n"
                "${indent}  <File Id=\"${file_id}\" Name=\"${entry_xml}\" Source=\"${stage_from_wxs}/${path}\" KeyPath=\"yes\"/>\n"
                "${indent}</Component>\n")
            set(component_refs "${component_refs}      <ComponentRef Id=\"${component_id}\"/>\n")
        endif()
    endforeach()
    set(folder_text "${text}" PARENT_SCOPE)
    set(component_refs "${component_refs}" PARENT_SCOPE)
endfunction()
add_folder("" "          ")

# The browser extension's host.
ids(c_ "registry/native-messaging" unused native_messaging_guid)
set(native_messaging "")
foreach(entry IN ITEMS "Google\\Chrome:chromium" "Chromium:chromium" "Microsoft\\Edge:chromium" "Mozilla:firefox")
    string(REPLACE ":" ";" entry "${entry}")
    list(GET entry 0 vendor)
    list(GET entry 1 flavour)
    string(APPEND native_messaging
        "        <RegistryValue Root=\"HKLM\" Key=\"Software\\${vendor}\\NativeMessagingHosts\\org.onedial.onedial\"\n"
        "                       Type=\"string\" Value=\"[INSTALLDIR]org.onedial.onedial.${flavour}.json\"/>\n")
endforeach()

# The link registration.
ids(c_ "registry/link-capabilities" unused capabilities_guid)
ids(c_ "start-menu" unused start_menu_guid)
set(url_associations "")
set(progids "")
foreach(scheme IN LISTS ONEDIAL_URL_SCHEMES)
    set(progid "${ONEDIAL_NAME}.Url.${scheme}")
    string(APPEND url_associations
        "          <RegistryValue Key=\"URLAssociations\" Name=\"${scheme}\" Type=\"string\" Value=\"${progid}\"/>\n")
    string(APPEND progids
        "        <RegistryKey Root=\"HKLM\" Key=\"Software\\Classes\\${progid}\">\n"
        "          <RegistryValue Type=\"string\" Value=\"${name} ${scheme}: link\"/>\n"
        "          <RegistryValue Name=\"URL Protocol\" Type=\"string\" Value=\"\"/>\n"
        "          <RegistryValue Key=\"DefaultIcon\" Type=\"string\" Value=\"${default_icon}\"/>\n"
        "          <RegistryValue Key=\"shell\\open\\command\" Type=\"string\" Value=\"${open_command}\"/>\n"
        "        </RegistryKey>\n")
endforeach()

file(WRITE "${WXS}" "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<!-- Written by cmake/WindowsMsi.cmake; compiled by wixl. Do not edit: change the script. -->
<Wix xmlns=\"http://schemas.microsoft.com/wix/2006/wi\">
  <Product Id=\"*\" Name=\"${name}\" Language=\"1033\" Codepage=\"1252\" Version=\"${ONEDIAL_VERSION}\"
           Manufacturer=\"${name}\" UpgradeCode=\"${ONEDIAL_WINDOWS_UPGRADE_GUID}\">
    <Package InstallerVersion=\"500\" Compressed=\"yes\" InstallScope=\"perMachine\"
             Description=\"${name} ${ONEDIAL_VERSION}\" Comments=\"${summary}\" Manufacturer=\"${name}\"/>
    <MajorUpgrade DowngradeErrorMessage=\"A newer version of ${name} is already installed.\"/>
    <Media Id=\"1\" Cabinet=\"onedial.cab\" EmbedCab=\"yes\"/>
    <Icon Id=\"onedial.ico\" SourceFile=\"${icon_from_wxs}\"/>
    <Property Id=\"ARPPRODUCTICON\" Value=\"onedial.ico\"/>
    <Property Id=\"ARPHELPLINK\" Value=\"${homepage}\"/>
    <Property Id=\"ARPURLINFOABOUT\" Value=\"${homepage}\"/>
    <Property Id=\"ARPCOMMENTS\" Value=\"${summary}\"/>
    <Directory Id=\"TARGETDIR\" Name=\"SourceDir\">
      <Directory Id=\"ProgramFiles64Folder\">
        <Directory Id=\"INSTALLDIR\" Name=\"${name}\">
${folder_text}        </Directory>
      </Directory>
      <Directory Id=\"ProgramMenuFolder\"/>
    </Directory>

    <DirectoryRef Id=\"ProgramMenuFolder\">
      <Component Id=\"StartMenuEntry\" Guid=\"${start_menu_guid}\" Win64=\"yes\">
        <Shortcut Id=\"StartMenuShortcut\" Name=\"${name}\" Description=\"${summary}\"
                  Target=\"${exe_path}\" WorkingDirectory=\"INSTALLDIR\"/>
        <RegistryValue Root=\"HKLM\" Key=\"Software\\${name}\" Name=\"StartMenuEntry\" Type=\"integer\"
                       Value=\"1\" KeyPath=\"yes\"/>
      </Component>
    </DirectoryRef>

    <DirectoryRef Id=\"INSTALLDIR\">
      <Component Id=\"LinkCapabilities\" Guid=\"${capabilities_guid}\" Win64=\"yes\">
        <RegistryKey Root=\"HKLM\" Key=\"Software\\${name}\\Capabilities\">
          <RegistryValue Name=\"ApplicationName\" Type=\"string\" Value=\"${name}\" KeyPath=\"yes\"/>
          <RegistryValue Name=\"ApplicationDescription\" Type=\"string\" Value=\"${summary}\"/>
${url_associations}        </RegistryKey>
        <RegistryValue Root=\"HKLM\" Key=\"Software\\RegisteredApplications\" Name=\"${name}\"
                       Type=\"string\" Value=\"Software\\${name}\\Capabilities\"/>
${progids}      </Component>
      <Component Id=\"NativeMessagingHosts\" Guid=\"${native_messaging_guid}\" Win64=\"yes\">
        <RegistryValue Root=\"HKLM\" Key=\"Software\\${name}\" Name=\"NativeMessagingHosts\" Type=\"integer\"
                       Value=\"1\" KeyPath=\"yes\"/>
${native_messaging}      </Component>
    </DirectoryRef>

    <Feature Id=\"Complete\" Title=\"${name}\" Level=\"1\">
      <ComponentRef Id=\"StartMenuEntry\"/>
      <ComponentRef Id=\"LinkCapabilities\"/>
      <ComponentRef Id=\"NativeMessagingHosts\"/>
${component_refs}    </Feature>
  </Product>
</Wix>
")
