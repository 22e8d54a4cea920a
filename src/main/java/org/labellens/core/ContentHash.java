package org.labellens.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one content hash of LabelLens: SHA-256 over a sequence of text fields, each length-prefixed,
 * as 64 lower-case hex digits. It identifies content (an issue's stored fields, a decision's
 * identity), so two different field sequences must never give the same bytes to hash.
 *
 * <p>The bytes hashed, field by field, in order (see docs/decisions/0014-one-content-hash.md):
 *
 * <ul>
 *   <li>a missing field (null): the single byte {@code 0x00};
 *   <li>a present field (the empty text included): the byte {@code 0x01}, then the length of its
 *       UTF-8 encoding in bytes as four bytes, big-endian, then that encoding.
 * </ul>
 *
 * <p>Every field says where it ends, so no two different sequences of fields are encoded alike
 * (neither by moving text from one field to the next nor by a null standing for an empty text). The
 * result depends on nothing but the fields: the same on every run, JVM and machine.
 */
public final class ContentHash {
  /** Characters encoded at a time in a long field. */
  private static final int PIECE = 1 << 16;

  private ContentHash() {}

  /** The hash of {@code fields} (each may be null), as 64 lower-case hex digits. */
  public static String of(String... fields) {
    MessageDigest md = sha256();
    for (String field : fields) {
      if (field == null) {
        md.update((byte) 0);
      } else {
        md.update((byte) 1);
        update(md, field);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * A field's UTF-8 length (4 bytes, big-endian), then its UTF-8 bytes. A long field (an issue body
   * can be tens of megabytes) is encoded piece by piece, twice (once for its length), so that no
   * copy of it is ever held whole: the bytes are exactly those of {@code String.getBytes(UTF_8)}.
   */
  private static void update(MessageDigest md, String field) {
    if (field.length() <= PIECE) {
      byte[] b = field.getBytes(StandardCharsets.UTF_8);
      md.update(length(b.length));
      md.update(b);
      return;
    }
    long total = 0;
    for (int at = 0; at < field.length(); at = end(field, at)) {
      total += piece(field, at).length;
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a field of more than 2 GB cannot be hashed");
    }
    md.update(length((int) total));
    for (int at = 0; at < field.length(); at = end(field, at)) {
      md.update(piece(field, at));
    }
  }

  /** Where the piece starting at {@code at} ends: never between the two halves of a pair. */
  private static int end(String s, int at) {
    int end = Math.min(s.length(), at + PIECE);
    if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static byte[] piece(String s, int at) {
    return s.substring(at, end(s, at)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] length(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  /** Whether {@code s} has the form of a hash made here: 64 lower-case hex digits. */
  public static boolean isHash(String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
