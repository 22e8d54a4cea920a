package org.labellens.core.sampling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.labellens.core.model.IssueKey;

/**
 * The deterministic random order samples are drawn in.
 *
 * <p>Each issue's place is the SHA-256 of {@code "<seed>:<repo>#<number>"} (UTF-8, lower-case hex,
 * compared as text). Because the place depends only on the seed and the issue itself, the order is
 * the same on any machine and in any database, whatever order the issues were imported in, and
 * adding other issues does not move them. Queue orders use the same idea with the annotator's name
 * in the text ({@link #queueHash}).
 */
public final class HashOrder {
  private HashOrder() {}

  /** SHA-256 hex of {@code "<seed>:<repo>#<number>"}. */
  public static String drawHash(long seed, IssueKey issue) {
    return sha256Hex(seed + ":" + issue.repo() + "#" + issue.number());
  }

  /** SHA-256 hex of {@code "<seed>:<annotator>:<repo>#<number>"}: one annotator's queue order. */
  public static String queueHash(long seed, String annotator, IssueKey issue) {
    return sha256Hex(seed + ":" + annotator + ":" + issue.repo() + "#" + issue.number());
  }

  public static String sha256Hex(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * A number in [0, 1) from the first 53 bits of SHA-256 of {@code text}: the same on every
   * machine, for deterministic simulation.
   */
  public static double uniform(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(text.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (d[i] & 0xff);
      }
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
