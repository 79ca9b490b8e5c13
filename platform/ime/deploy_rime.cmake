# cmake -P script run by the kiosk_rime_data build step: deploys pinyin_simp
# with the kiosk's patches (rime/*.custom.yaml) into OUT, self-contained.
# Inputs: DEPLOYER, SHARED (rime-data-pinyin-simp's dir), PATCHES (;-list), OUT, WORK.
file(REMOVE_RECURSE "${OUT}" "${WORK}")
file(MAKE_DIRECTORY "${OUT}" "${WORK}")
file(COPY ${PATCHES} DESTINATION "${WORK}")
execute_process(COMMAND "${DEPLOYER}" --build "${WORK}" "${SHARED}" "${OUT}"
                RESULT_VARIABLE result OUTPUT_FILE "${WORK}/deploy.log" ERROR_FILE "${WORK}/deploy.log")
if(NOT result EQUAL 0 OR NOT EXISTS "${OUT}/pinyin_simp.schema.yaml" OR NOT EXISTS "${OUT}/pinyin_simp.prism.bin")
  message(FATAL_ERROR "rime_deployer --build failed (${result}); see ${WORK}/deploy.log")
endif()
# The dictionary table ships prebuilt in the package: copy it beside the schema.
file(COPY "${SHARED}/build/pinyin_simp.table.bin" DESTINATION "${OUT}")
