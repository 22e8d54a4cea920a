package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyZoneDataTest {
  /** A file with every list, each holding one entry. */
  private static List<String> complete() {
    List<String> lines = new ArrayList<>();
    for (String list : BodyZoneData.LISTS) {
      lines.add("[" + list + "]");
      lines.add("\"x " + list + "\"");
    }
    return lines;
  }

  @Test
  void theBuiltInDataHasEveryListFilled() {
    BodyZoneData d = BodyZoneData.DEFAULT;
    assertThat(d.envHeadings).contains("your current environment", "name and version");
    assertThat(d.logHeadings).contains("relevant log output");
    assertThat(d.templateHeadings).contains("checklist");
    assertThat(d.envMarkers).contains("PyTorch version:");
    assertThat(d.dumpPrefixes).contains("llm_load_print_meta:");
    assertThat(d.configMarkers).contains("with config:");
    // a trailing space is part of an entry
    assertThat(d.commandPrefixes).contains("curl ", "$ ");
  }

  @Test
  void readsEntriesAsJsonStringsAndSkipsCommentsAndBlankLines() {
    List<String> lines = complete();
    lines.add(1, "# a comment");
    lines.add(2, "");
    lines.add(3, "\"tab\\tand \\\"quote\\\" \"");
    BodyZoneData d = BodyZoneData.parse(lines, "f.txt");
    assertThat(d.envHeadings).containsExactly("tab\tand \"quote\" ", "x env-headings");
  }

  @Test
  void refusesAnUnknownListNamingTheLine() {
    List<String> lines = complete();
    lines.add("[headings]");
    assertThatThrownBy(() -> BodyZoneData.parse(lines, "f.txt"))
        .hasMessageStartingWith("f.txt:15: unknown list [headings]");
  }

  @Test
  void refusesAnEntryThatIsNotAQuotedString() {
    List<String> lines = complete();
    lines.set(1, "curl ");
    assertThatThrownBy(() -> BodyZoneData.parse(lines, "f.txt"))
        .hasMessageStartingWith("f.txt:2: an entry must be one JSON string");
  }

  @Test
  void refusesAFileWithoutOneOfTheLists() {
    List<String> lines = complete().subList(2, 14);
    assertThatThrownBy(() -> BodyZoneData.parse(lines, "f.txt"))
        .hasMessage("f.txt: the list [env-headings] is missing");
  }

  @Test
  void refusesAnEntryBeforeTheFirstList() {
    List<String> lines = complete();
    lines.add(0, "\"early\"");
    assertThatThrownBy(() -> BodyZoneData.parse(lines, "f.txt"))
        .hasMessageStartingWith("f.txt:1: an entry before the first [list]");
  }
}
