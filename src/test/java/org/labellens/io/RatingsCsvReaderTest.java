package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.stats.AgreementStudy;

class RatingsCsvReaderTest {
  private final RatingsCsvReader reader = new RatingsCsvReader();

  private AgreementStudy<String> read(String text, String... labels) {
    return reader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "r.csv", List.of(labels));
  }

  private static AgreementStudy<String> readBytes(byte[] bytes) {
    return new RatingsCsvReader().read(new ByteArrayInputStream(bytes), "r.csv", List.of());
  }

  @Test
  void readsTheShortAndTheLongHeader() {
    AgreementStudy<String> short_ = read("item,rater,label\n1,A,x\n1,B,y\n");
    AgreementStudy<String> long_ = read("item_id,rater_id,label\n1,A,x\n1,B,y\n");
    assertThat(short_.ratingCount()).isEqualTo(2);
    assertThat(long_.raters()).containsExactly("A", "B");
  }

  @Test
  void acceptsColumnsInAnyOrderAnyCaseWithExtraColumnsBomAndCrlf() {
    AgreementStudy<String> study =
        read("\uFEFFLabel,Note,RATER_ID,Item_Id\r\nx,\"a, note\",A,1\r\n\"y\",,B,1\r\n\r\n");
    assertThat(study.itemCount()).isEqualTo(1);
    assertThat(study.rating(0, 0)).contains("x");
    assertThat(study.rating(0, 1)).contains("y");
  }

  @Test
  void anEmptyLabelIsAMissingRatingAndValuesAreTrimmed() {
    AgreementStudy<String> study = read("item,rater,label\n1,A, x \n1,B,\n2, B ,y\n");
    assertThat(study.raters()).containsExactly("A", "B");
    assertThat(study.rating(0, 0)).contains("x");
    assertThat(study.rating(0, 1)).isEmpty();
    assertThat(study.ratingCount()).isEqualTo(2);
    assertThat(study.missingRatingCount()).isEqualTo(2);
  }

  @Test
  void labelsSeenAreOrderedNaturally() {
    AgreementStudy<String> study = read("item,rater,label\n1,A,10\n1,B,2\n2,A,b\n2,B,1.5\n");
    assertThat(study.categories()).containsExactly("1.5", "2", "10", "b");
  }

  @Test
  void declaredLabelsFixOrderAndCount() {
    AgreementStudy<String> study =
        read("item,rater,label\n1,A,P2\n1,B,P0\n", "P0", "P1", "P2", "P3");
    assertThat(study.categories()).containsExactly("P0", "P1", "P2", "P3");
  }

  @Test
  void aLabelOutsideTheDeclaredOnesNamesLineAndColumn() {
    assertThatThrownBy(() -> read("item,rater,label\n1,A,yes\n1,B,maybe\n", "yes", "no"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("r.csv:3: column 'label': label 'maybe' is not one of --labels yes,no");
  }

  @Test
  void aRepeatedItemAndRaterNamesBothLines() {
    assertThatThrownBy(() -> read("item,rater,label\n1,A,x\n1,B,x\n1,A,\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "r.csv:4: column 'rater': rater 'A' already rated item '1' on line 2;"
                + " give one row per item and rater");
  }

  @Test
  void aMissingColumnNamesTheHeaderLine() {
    assertThatThrownBy(() -> read("item,rater\n1,A\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("r.csv:1: column 'label': missing from the header");
    assertThatThrownBy(() -> read("item,judge,label\n1,A,x\n"))
        .hasMessageStartingWith("r.csv:1: column 'rater' or 'rater_id': missing from the header");
  }

  @Test
  void anEmptyFileNamesLineOne() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(BadInputException.class)
        .hasMessage("r.csv:1: the file is empty; expected the header item,rater,label");
  }

  @Test
  void anUnbalancedQuoteNamesItsLine() {
    assertThatThrownBy(() -> read("item,rater,label\n1,A,x\n1,B,\"y\n2,A,x\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("r.csv:3: unbalanced quote");
  }

  @Test
  void invalidUtf8NamesItsLine() {
    byte[] bytes = "item,rater,label\n1,A,x\n1,B,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> readBytes(bytes))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("r.csv:3: the file is not valid UTF-8");
  }

  @Test
  void aShortRecordOrAnEmptyItemOrRaterNamesLineAndColumn() {
    assertThatThrownBy(() -> read("item,rater,label\n1,A\n"))
        .hasMessage("r.csv:2: the record has 2 fields, the header has 3");
    assertThatThrownBy(() -> read("item,rater,label\n ,A,x\n"))
        .hasMessage("r.csv:2: column 'item': the item is empty");
    assertThatThrownBy(() -> read("item_id,rater_id,label\n1,,x\n"))
        .hasMessage("r.csv:2: column 'rater_id': the rater is empty");
  }

  @Test
  void aMissingFileIsBadInput(@TempDir Path dir) {
    Path file = dir.resolve("none.csv");
    assertThatThrownBy(() -> reader.read(file, List.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("r.csv"), "item,rater,label\n1,A,x\n1,B,x\n");
    assertThat(reader.read(file, List.of()).ratingCount()).isEqualTo(2);
  }
}
