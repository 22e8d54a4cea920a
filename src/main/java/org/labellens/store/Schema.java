package org.labellens.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged {@code schema.sql} (the one source of the schema) and the version it declares. */
public final class Schema {
  private static final String RESOURCE = "schema.sql";
  private static final Pattern USER_VERSION =
      Pattern.compile("(?im)^\\s*PRAGMA\\s+user_version\\s*=\\s*(\\d+)\\s*;");

  private final String sql;
  private final int version;

  private Schema(String sql) {
    this.sql = sql;
    Matcher m = USER_VERSION.matcher(sql);
    if (!m.find()) {
      throw new IllegalStateException("schema.sql declares no PRAGMA user_version");
    }
    this.version = Integer.parseInt(m.group(1));
  }

  /** Loads the schema packaged with this build. */
  public static Schema packaged() {
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the build");
      }
      return new Schema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String sql() {
    return sql;
  }

  /** The schema version this build writes, from the file's {@code PRAGMA user_version}. */
  public int version() {
    return version;
  }
}
