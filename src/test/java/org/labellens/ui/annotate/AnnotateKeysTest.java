package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;

/** The keys a scheme gets: the study's as before, any other scheme's from its dimensions. */
class AnnotateKeysTest {
  private static AnnotateKeys keysOf(AnnotationScheme scheme) {
    return new AnnotateKeys(scheme, null);
  }

  @Test
  void theStudySchemeKeepsItsKeys() {
    AnnotateKeys keys = keysOf(AnnotationScheme.STUDY_DEFAULT);
    assertThat(keys.keysOf("category")).isEqualTo("1 … 8");
    assertThat(keys.keysOf("primary")).isEqualTo("Shift+1 … 9");
    assertThat(keys.keysOf("production")).isEqualTo("Y / N");
    assertThat(keys.keysOf("root_cause")).isEqualTo("R");
    assertThat(keys.keysOf("severity")).isEqualTo("V");
  }

  @Test
  void everyDimensionOfAnotherSchemeGetsAKeyAndAHelpLine() {
    AnnotationScheme mine =
        new AnnotationScheme(
            "mine",
            "1",
            List.of(
                new SchemeDimension("category", ValueKind.SET, List.of("docs", "build")),
                new SchemeDimension("component", ValueKind.SET, List.of("cli", "gui", "core")),
                new SchemeDimension("impact", ValueKind.ORDINAL, List.of("low", "high")),
                new SchemeDimension("regression", ValueKind.BINARY, List.of("yes", "no")),
                new SchemeDimension("stage", ValueKind.ORDINAL, List.of("dev", "prod"))),
            List.of("other"));
    AnnotateKeys keys = keysOf(mine);
    assertThat(keys.keysOf("category")).isEqualTo("1 … 2");
    assertThat(keys.keysOf("component")).isEqualTo("Ctrl+1 … 3");
    assertThat(keys.keysOf("regression")).isEqualTo("Y / N");
    assertThat(keys.keysOf("impact")).isEqualTo("P");
    assertThat(keys.keysOf("stage")).isEqualTo("G");
    assertThat(keys.bindings())
        .extracting(AnnotateKeys.Binding::what)
        .anyMatch(w -> w.contains("impact"))
        .anyMatch(w -> w.contains("stage"))
        .anyMatch(w -> w.contains("component"));
  }
}
