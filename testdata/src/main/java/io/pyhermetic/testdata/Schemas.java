package io.pyhermetic.testdata;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Validation of output documents against the committed JSON schemas under {@code schemas/}: SARIF
 * 2.1.0 and CycloneDX 1.6 (with the SPDX and JSF schemas it references, resolved from here, never
 * fetched).
 */
public final class Schemas {
  private static final String CYCLONEDX = "http://cyclonedx.org/schema/";

  private Schemas() {}

  /** The schema violations of a SARIF 2.1.0 document; empty when it is valid. */
  public static List<String> sarifErrors(String json) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    Schema schema = registry.getSchema(resource("sarif-2.1.0-rtm.5.json"), InputFormat.JSON);
    return messages(schema, json);
  }

  /** The schema violations of a CycloneDX 1.6 JSON document; empty when it is valid. */
  public static List<String> cycloneDxErrors(String json) {
    Map<String, String> schemas =
        Map.of(
            CYCLONEDX + "bom-1.6.schema.json", resource("bom-1.6.schema.json"),
            CYCLONEDX + "spdx.schema.json", resource("spdx.schema.json"),
            CYCLONEDX + "jsf-0.82.schema.json", resource("jsf-0.82.schema.json"));
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, builder -> builder.schemas(schemas));
    Schema schema = registry.getSchema(SchemaLocation.of(CYCLONEDX + "bom-1.6.schema.json"));
    return messages(schema, json);
  }

  private static List<String> messages(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  private static String resource(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream("schemas/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
