package org.labellens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labellens.core.model.BodyZone;

/**
 * A body split into consecutive zones that cover it exactly: zone {@code k} spans {@code [start(k),
 * end(k))}, the first starts at 0, each starts where the previous one ends, the last ends at the
 * body's length. Adjacent zones have different kinds.
 */
public final class BodyZones {

  private static final BodyZone[] KINDS = BodyZone.values();

  private final int[] starts;
  private final int[] ends;
  private final byte[] kinds;
  private final int size;

  BodyZones(int[] starts, int[] ends, byte[] kinds, int size) {
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
    this.size = size;
  }

  /** One prose zone over the whole body (or no zone for an empty body). */
  public static BodyZones prose(int length) {
    return length == 0
        ? new BodyZones(new int[0], new int[0], new byte[0], 0)
        : new BodyZones(new int[] {0}, new int[] {length}, new byte[] {0}, 1);
  }

  public int size() {
    return size;
  }

  public int start(int k) {
    return starts[k];
  }

  public int end(int k) {
    return ends[k];
  }

  public BodyZone kind(int k) {
    return KINDS[kinds[k]];
  }

  /** The zone containing {@code offset} (0 &lt;= offset &lt; body length). */
  public BodyZone zoneAt(int offset) {
    int k = Arrays.binarySearch(starts, 0, size, offset);
    if (k < 0) {
      k = -k - 2;
    }
    return k < 0 ? BodyZone.PROSE : KINDS[kinds[k]];
  }

  /** The zones as a list, for tests and the window. */
  public List<Zone> toList() {
    List<Zone> out = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      out.add(new Zone(kind(k), starts[k], ends[k]));
    }
    return out;
  }

  /** One zone: its kind and its span of body offsets. */
  public record Zone(BodyZone kind, int start, int end) {}

  /** Collects zones line by line, merging neighbours of the same kind. */
  static final class Builder {
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private byte[] kinds = new byte[8];
    private int size;

    void add(BodyZone kind, int start, int end) {
      if (end <= start) {
        return;
      }
      if (size > 0 && kinds[size - 1] == kind.ordinal() && ends[size - 1] == start) {
        ends[size - 1] = end;
        return;
      }
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        kinds = Arrays.copyOf(kinds, size * 2);
      }
      starts[size] = start;
      ends[size] = end;
      kinds[size] = (byte) kind.ordinal();
      size++;
    }

    BodyZones build() {
      return new BodyZones(starts, ends, kinds, size);
    }
  }
}
