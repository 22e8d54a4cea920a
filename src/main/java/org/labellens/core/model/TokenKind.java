package org.labellens.core.model;

import java.util.Optional;

/**
 * Kinds of tokens whose keywords say where something is, not what an issue is about. A token is a
 * run of characters without whitespace or any of {@code ( ) [ ] { } < > " ' ` , ; |}; an occurrence
 * inside a token of an excluded kind does not count.
 */
public enum TokenKind {
  /** Contains {@code ://} or starts with {@code www.}: {@code https://docs.vllm.ai/en/latest}. */
  URL("url"),
  /** Contains two or more {@code /} (or {@code \}): {@code /usr/lib/python3/asyncio/runners.py}. */
  PATH("path"),
  /**
   * Three or more identifiers joined by dots (trailing punctuation ignored): {@code
   * torch.distributed.elastic}, {@code vllm.model_executor.models}.
   */
  MODULE("module"),
  /** Ends in a file extension of code, data or model files: {@code ggml-model-q4_0.gguf}. */
  FILE("file");

  private final String key;

  TokenKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<TokenKind> fromKey(String key) {
    for (TokenKind kind : values()) {
      if (kind.key.equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
