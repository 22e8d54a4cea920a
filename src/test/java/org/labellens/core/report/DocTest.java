package org.labellens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocTest {
  private static Doc.Table table() {
    Doc.TableBuilder t = new Doc.TableBuilder("Scores of a_b & c|d").text("Name").number("κ");
    t.row("x\ny", "0.5").row("<b>", "-0.25");
    return t.build();
  }

  @Test
  void aTableOnItsOwnIsTheTableOfADocument() {
    Doc doc = new Doc("T");
    doc.add(table());
    for (Doc.Format f : Doc.Format.values()) {
      assertThat(doc.render(f, false)).as(f.name()).contains(Doc.table(table(), f));
    }
  }

  @Test
  void plainTablesKeepEveryRowOnOneAlignedLine() {
    assertThat(Doc.table(table(), Doc.Format.PLAIN))
        .isEqualTo(
            "Scores of a_b & c|d\n"
                + "Name      κ\n"
                + "-----------\n"
                + "x y     0.5\n"
                + "<b>   -0.25\n");
  }

  @Test
  void eachFormatEscapesItsOwnSpecialCharacters() {
    assertThat(Doc.table(table(), Doc.Format.MARKDOWN))
        .contains("**Scores of a\\_b &amp; c\\|d**", "| x y | 0.5 |", "| &lt;b&gt; |", "---: |");
    assertThat(Doc.table(table(), Doc.Format.LATEX))
        .contains("a\\_b \\& c\\textbar{}d", "Name & $\\kappa$ \\\\", "{lr}", "\\textless{}b");
    assertThat(Doc.table(table(), Doc.Format.HTML))
        .contains("<td>&lt;b&gt;</td>", "<th class=\"n\">κ</th>")
        .doesNotContain("<b>");
  }

  @Test
  void aTextTableRightAlignsItsNumericColumnsAndMayHaveNoCaption() {
    TextTable t = new TextTable("stratum", "size").row("vllm", 12).row("llama.cpp", 3);
    assertThat(t.plain())
        .isEqualTo("stratum    size\n---------------\nvllm         12\nllama.cpp     3\n");
    assertThat(t.render("latex")).doesNotContain("\\caption").contains("{lr}");
    assertThat(t.render("markdown")).startsWith("| stratum | size |\n| --- | ---: |\n");
    assertThat(t.table().notes()).isEqualTo(List.of());
  }
}
