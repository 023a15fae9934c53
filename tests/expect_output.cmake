# Runs COMMAND (a ;-list) in WORKDIR and fails unless its standard output equals the file
# EXPECTED and its exit code equals EXIT_CODE.
execute_process(
  COMMAND ${COMMAND}
  WORKING_DIRECTORY "${WORKDIR}"
  OUTPUT_VARIABLE actual
  RESULT_VARIABLE code)
file(READ "${EXPECTED}" expected)
if(NOT code STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT_CODE}\n${actual}")
endif()
if(NOT actual STREQUAL expected)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/actual-output.txt" "${actual}")
  execute_process(COMMAND diff -u "${EXPECTED}" "${CMAKE_CURRENT_BINARY_DIR}/actual-output.txt")
  message(FATAL_ERROR "output differs from ${EXPECTED}")
endif()
