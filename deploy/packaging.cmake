# Debian packages built by CPack (`cpack -G DEB` in the build dir, or the
# `package` target): `kiosk` (kiosk + kioskctl, assets and the deployed pinyin
# schema under /usr/share/kiosk, systemd units, /etc/kiosk/kiosk.toml as a
# conffile, maintainer scripts in deploy/debian/kiosk) and `hq` (hq, its unit,
# deploy/debian/hq). The programs find /usr/share/kiosk next to /usr/bin by
# themselves (shared/core/install_dirs.h), so one build serves the build tree
# and the packages. Library dependencies come from dpkg-shlibdeps; what the
# programs run or read (cage, Xwayland, fonts, voice data) is listed below.
# cpack packages what is built: its install step must not build every test first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(KIOSK_PACKAGE_VERSION "${PROJECT_VERSION}" CACHE STRING "The version the .deb packages carry")
set(deb_dir "${PROJECT_SOURCE_DIR}/deploy/debian")
set(unit_dir "/lib/systemd/system")

install(TARGETS hq RUNTIME DESTINATION bin COMPONENT hq)
install(FILES deploy/systemd/hq.service DESTINATION ${unit_dir} COMPONENT hq)
install(FILES README.md docs/hq-sync-protocol.md docs/hq-console.md docs/deploy.md DESTINATION share/doc/hq COMPONENT hq)
# The console's pages and texts (hq/console_pages.h); Chart.js comes from libjs-chart.js.
install(DIRECTORY assets/console DESTINATION share/kiosk/assets COMPONENT hq)

if(KIOSK_BUILD_UI)
  install(TARGETS kiosk kioskctl RUNTIME DESTINATION bin COMPONENT kiosk)
  install(DIRECTORY assets/ DESTINATION share/kiosk/assets COMPONENT kiosk
    PATTERN console EXCLUDE)  # the hq package's
  install(DIRECTORY "${PROJECT_BINARY_DIR}/platform/ime/rime-data/" DESTINATION share/kiosk/rime-data COMPONENT kiosk)
  install(FILES deploy/systemd/kiosk.service deploy/systemd/kiosk-node.service DESTINATION ${unit_dir} COMPONENT kiosk)
  install(FILES deploy/kiosk.toml DESTINATION /etc/kiosk COMPONENT kiosk)
  install(FILES README.md docs/config.md docs/deploy.md docs/store-node-api.md DESTINATION share/doc/kiosk COMPONENT kiosk)
  set(CPACK_COMPONENTS_ALL kiosk hq)
else()
  set(CPACK_COMPONENTS_ALL hq)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_VERSION "${KIOSK_PACKAGE_VERSION}")
set(CPACK_PACKAGE_CONTACT "Service kiosk maintainers <kiosk@localhost>")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "On-site service kiosk: touch screen, store node and kioskctl\n The customer kiosk under cage (Xwayland), the store node's LAN API and HQ sync,\n and the operator tool kioskctl; systemd units kiosk.service and kiosk-node.service.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "cage, xwayland, libgl1-mesa-dri, fonts-dejavu-core, fonts-wqy-microhei, espeak-ng-data, passwd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  "${deb_dir}/kiosk/postinst;${deb_dir}/kiosk/prerm;${deb_dir}/kiosk/postrm;${deb_dir}/kiosk/conffiles")

set(CPACK_DEBIAN_HQ_PACKAGE_NAME hq)
set(CPACK_COMPONENT_HQ_DESCRIPTION "On-site service kiosk: headquarters\n The sync endpoint of every store's kiosk (hq.service on 127.0.0.1:8800,\n behind a TLS-terminating reverse proxy).")
set(CPACK_DEBIAN_HQ_PACKAGE_DEPENDS "passwd, libjs-chart.js")
set(CPACK_DEBIAN_HQ_PACKAGE_CONTROL_EXTRA "${deb_dir}/hq/postinst;${deb_dir}/hq/prerm;${deb_dir}/hq/postrm")

include(CPack)
