package org.labellens.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that differ between database engines, named once so that repositories stay
 * engine-neutral. SQLite is the only engine so far; another engine adds its own constant here
 * (full-text search now; upsert and bulk load when a second engine needs them to differ, see
 * docs/decisions/0017-repositories.md).
 */
public enum Dialect {
  /** SQLite with its FTS5 index {@code issue_search} (rowid = issue id). */
  SQLITE;

  /**
   * A condition that holds for the issues whose text matches a full-text query; the query (see
   * {@link #fullTextQuery}) is bound as its one parameter.
   */
  String fullTextCondition() {
    return "issue.id IN (SELECT rowid FROM issue_search WHERE issue_search MATCH ?)";
  }

  /**
   * Words of a search box as a full-text query: each word quoted (so no query syntax from the user
   * runs), all required, the last one as a prefix. Returns null when there are no words.
   */
  String fullTextQuery(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.split("[\\s\\p{Punct}&&[^_]]+")) {
      if (!w.isBlank()) {
        words.add("\"" + w.replace("\"", "\"\"") + "\"");
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    int last = words.size() - 1;
    words.set(last, words.get(last) + "*");
    return String.join(" ", words);
  }
}
