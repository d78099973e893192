package io.pyhermetic.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema checks accept valid documents and name what is wrong in invalid ones. */
class SchemasTest {
  static final String SARIF_RUN =
      "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[%s]}]}";

  @Test
  void validSarif() {
    assertThat(
            Schemas.sarifErrors(
                SARIF_RUN.formatted("{\"ruleId\":\"R\",\"message\":{\"text\":\"m\"}}")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ruleId\":\"R\"}", // no message
        "{\"ruleId\":\"R\",\"message\":{\"text\":\"m\"},\"level\":\"fatal\"}",
        "{\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"region\":{\"startLine\":0}}}]}",
      })
  void invalidSarif(String result) {
    assertThat(Schemas.sarifErrors(SARIF_RUN.formatted(result))).isNotEmpty();
  }

  static final String BOM =
      "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
          + "\"components\":[{\"type\":\"library\",\"name\":\"a\",\"bom-ref\":\"a\"%s}],"
          + "\"vulnerabilities\":[{\"id\":\"X\",\"analysis\":{\"state\":\"%s\"},"
          + "\"affects\":[{\"ref\":\"a\"}]}]}";

  @Test
  void validCycloneDx() {
    assertThat(
            Schemas.cycloneDxErrors(
                BOM.formatted(",\"licenses\":[{\"expression\":\"MIT\"}]", "exploitable")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ",\"licenses\":[{\"license\":{}}]|exploitable",
        "|vulnerable",
        ",\"type\":\"lib\"|exploitable",
      })
  void invalidCycloneDx(String parts) {
    String[] p = parts.split("\\|");
    assertThat(Schemas.cycloneDxErrors(BOM.formatted(p[0], p[1]))).isNotEmpty();
  }
}
