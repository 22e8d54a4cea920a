package org.labellens.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.model.IssueKey;

/** The one content hash, checked against SHA-256 computed here over bytes assembled by hand. */
class ContentHashTest {
  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theReferenceComputationGivesThePublishedSha256Vectors() throws Exception {
    // FIPS 180-2 test vectors: the empty message and "abc"
    assertThat(sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void noFieldsHashesTheEmptyMessage() {
    assertThat(ContentHash.of())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void aFieldIsAPresenceByteItsBigEndianUtf8LengthAndItsUtf8() throws Exception {
    assertThat(ContentHash.of("abc")).isEqualTo(sha256(new byte[] {1, 0, 0, 0, 3, 'a', 'b', 'c'}));
    assertThat(ContentHash.of((String) null)).isEqualTo(sha256(new byte[] {0}));
    assertThat(ContentHash.of("")).isEqualTo(sha256(new byte[] {1, 0, 0, 0, 0}));

    // the length counts UTF-8 bytes, not characters: é is 2 bytes, the emoji 4 (2 chars)
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {1, 0, 0, 0, 3, 'a', 'b', 'c'});
    b.write(0);
    b.writeBytes(new byte[] {1, 0, 0, 0, 0});
    b.writeBytes(new byte[] {1, 0, 0, 0, 6, (byte) 0xc3, (byte) 0xa9});
    b.writeBytes(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80});
    String expected = sha256(b.toByteArray());
    assertThat(ContentHash.of("abc", null, "", "é😀")).isEqualTo(expected);
    // the same value computed outside Java, from the same bytes
    assertThat(expected)
        .isEqualTo("60df1e694a896d0a76400e12bc14811b6da78ae57f24dfb3a7ed08a8d39f5aa4");
  }

  @Test
  void aLengthOfMoreThan255BytesUsesTheHigherLengthBytes() throws Exception {
    String text = "x".repeat(0x1_02_03);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {1, 0, 1, 2, 3});
    b.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    assertThat(ContentHash.of(text)).isEqualTo(sha256(b.toByteArray()));
  }

  @Test
  void aLongFieldIsHashedPieceByPieceToTheSameBytesAsWhole() throws Exception {
    // long fields are encoded in pieces of 65,536 characters: a surrogate pair across a piece's
    // edge, multi-byte characters and a lone surrogate (encoded as '?', as String.getBytes does)
    // must give the same bytes as the whole field encoded at once
    StringBuilder sb = new StringBuilder();
    sb.append("é".repeat(65_535)).append("😀").append("ok");
    sb.append("א".repeat(70_000)).append('\ud800').append("tail");
    String text = sb.toString();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(1);
    b.writeBytes(
        new byte[] {
          (byte) (utf8.length >>> 24),
          (byte) (utf8.length >>> 16),
          (byte) (utf8.length >>> 8),
          (byte) utf8.length
        });
    b.writeBytes(utf8);
    assertThat(ContentHash.of(text)).isEqualTo(sha256(b.toByteArray()));
  }

  @Test
  void fieldBoundariesNullAndEmptyAllCount() {
    List<String[]> sequences =
        List.of(
            new String[] {"ab", "c"},
            new String[] {"a", "bc"},
            new String[] {"abc"},
            new String[] {"abc", ""},
            new String[] {"abc", null},
            new String[] {"", "abc"},
            new String[] {null, "abc"},
            new String[] {""},
            new String[] {null},
            new String[] {});
    Set<String> hashes = new HashSet<>();
    for (String[] s : sequences) {
      hashes.add(ContentHash.of(s));
    }
    assertThat(hashes).hasSize(sequences.size());
  }

  @Test
  void recognisesItsOwnFormOnly() {
    assertThat(ContentHash.isHash(ContentHash.of("x"))).isTrue();
    assertThat(ContentHash.isHash("")).isFalse();
    assertThat(ContentHash.isHash(null)).isFalse();
    assertThat(ContentHash.isHash("u8:db7b50c52e6a8f3ad079b17473df7d1d")).isFalse();
    assertThat(ContentHash.isHash("m3:77f123aca3dbd2cec62373f8e43317b3")).isFalse();
    assertThat(ContentHash.isHash(ContentHash.of("x").toUpperCase(java.util.Locale.ROOT)))
        .isFalse();
    assertThat(ContentHash.isHash(ContentHash.of("x").substring(1))).isFalse();
  }

  /**
   * Event keys are stored in projects and decide whether an exchange file's decision is already
   * there, so a decision's key is pinned: the value is SHA-256 of the documented encoding of its
   * fields, computed outside Java (and the value earlier builds stored for this decision).
   */
  @Test
  void aDecisionsEventKeyIsTheContentHashOfItsFields() {
    Decision d =
        new Decision(
            "s1",
            new IssueKey("a/b", 7),
            "ann",
            "category",
            DecisionValue.single("bug"),
            Phase.BLIND,
            null,
            false,
            null,
            "note é",
            12.5,
            Instant.parse("2025-03-02T10:15:00Z"),
            "t@1");
    assertThat(d.eventKey())
        .isEqualTo("b6b31967fb93fb37ddadf4c5f89dc544573eec60beef860d8e502c2b8f9a0bcb")
        .isEqualTo(
            ContentHash.of(
                "labellens-decision-1",
                "s1",
                "a/b",
                "7",
                "ann",
                "category",
                "\"bug\"",
                "blind",
                null,
                "0",
                null,
                "note é",
                "12.5",
                "2025-03-02T10:15:00.000000Z",
                "t@1"));
  }
}
