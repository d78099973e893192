package io.pyhermetic.cli;

import io.pyhermetic.testdata.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** This module uses only the API packages of the modules it depends on. */
class ModuleBoundaryTest {
  @Test
  void reachesIntoNoOtherModulesInternalPackages() {
    ModuleBoundary.check();
  }
}
