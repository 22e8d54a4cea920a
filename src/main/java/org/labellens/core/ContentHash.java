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
  private ContentHash() {}

  /** The hash of {@code fields} (each may be null), as 64 lower-case hex digits. */
  public static String of(String... fields) {
    MessageDigest md = sha256();
    byte[] length = new byte[4];
    for (String field : fields) {
      if (field == null) {
        md.update((byte) 0);
      } else {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        length[0] = (byte) (b.length >>> 24);
        length[1] = (byte) (b.length >>> 16);
        length[2] = (byte) (b.length >>> 8);
        length[3] = (byte) b.length;
        md.update((byte) 1);
        md.update(length);
        md.update(b);
      }
    }
    return HexFormat.of().formatHex(md.digest());
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
