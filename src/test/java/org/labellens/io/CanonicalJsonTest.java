package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private String canonical(String json) throws Exception {
    return CanonicalJson.write(mapper.readTree(json));
  }

  @Test
  void sortsKeysAndDropsWhitespace() throws Exception {
    assertThat(canonical("{ \"b\" : [1, 2], \"a\": {\"y\": null, \"x\": true} }"))
        .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2]}");
  }

  @Test
  void writesNumbersAsExactDecimals() throws Exception {
    assertThat(canonical("[1.0, 1.50, 1e2, 0.25, -0.0, 100]")).isEqualTo("[1,1.5,100,0.25,0,100]");
  }

  @Test
  void escapesOnlyWhatJsonRequires() throws Exception {
    assertThat(canonical("\"a\\\"b\\\\c\\n\\u0001\\u00e9\\/\""))
        .isEqualTo("\"a\\\"b\\\\c\\n\\u0001\u00e9/\"");
  }

  @Test
  void hashesUtf8Bytes() {
    // sha256("abc")
    assertThat(CanonicalJson.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
