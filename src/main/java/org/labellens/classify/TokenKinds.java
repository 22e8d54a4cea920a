package org.labellens.classify;

import java.util.List;
import org.labellens.core.model.TokenKind;

/**
 * The kinds of token an occurrence sits in (URL, path, module path, file name: {@link TokenKind}),
 * for rules that exclude occurrences inside such tokens. Keeps the token of the last occurrence
 * checked, as the next occurrences often lie in it: confined to one classifier's thread.
 */
final class TokenKinds {
  /** How far a token is followed from an occurrence on either side. */
  static final int TOKEN_REACH = 512;

  private static final int URL_BIT = 1 << TokenKind.URL.ordinal();
  private static final int PATH_BIT = 1 << TokenKind.PATH.ordinal();
  private static final int MODULE_BIT = 1 << TokenKind.MODULE.ordinal();
  private static final int FILE_BIT = 1 << TokenKind.FILE.ordinal();

  private static final List<String> FILE_EXTENSIONS =
      List.of(
          "gguf",
          "bin",
          "safetensors",
          "pt",
          "pth",
          "onnx",
          "ggml",
          "py",
          "cpp",
          "cc",
          "c",
          "h",
          "hpp",
          "cu",
          "cuh",
          "metal",
          "json",
          "jsonl",
          "yaml",
          "yml",
          "toml",
          "txt",
          "sh",
          "md",
          "log",
          "so",
          "dll",
          "dylib",
          "whl",
          "ipynb",
          "csv",
          "cmake");

  // the token around the last occurrence checked, reused by the next occurrences in it
  private CharSequence tokenText;
  private char[] scratch = new char[64];
  private int tokenStart;
  private int tokenEnd;
  private int tokenKinds;

  /**
   * The kinds ({@link TokenKind} bits) of the token around [start, end): the run of characters
   * without whitespace or {@code ( ) [ ] { } < > " ' ` , ; |}, followed at most {@link
   * #TOKEN_REACH} characters either way. When {@code text} is {@code loaded}, its characters are
   * read from {@code loadedChars} (the matcher's scan buffer); otherwise the neighbourhood is
   * copied.
   */
  int of(
      CharSequence text,
      int from,
      int to,
      int start,
      int end,
      CharSequence loaded,
      char[] loadedChars) {
    if (text == tokenText && start >= tokenStart && end <= tokenEnd) {
      return tokenKinds;
    }
    char[] a;
    int shift;
    if (text == loaded) {
      // the field being read is in the scan buffer
      a = loadedChars;
      shift = 0;
    } else {
      // a phrase across the join, or a pattern rule: copy the neighbourhood
      int lo = Math.max(from, start - TOKEN_REACH);
      int hi = Math.min(to, end + TOKEN_REACH);
      if (scratch.length < hi - lo) {
        scratch = new char[hi - lo];
      }
      for (int i = lo; i < hi; i++) {
        scratch[i - lo] = text.charAt(i);
      }
      a = scratch;
      shift = lo;
      from = lo;
      to = hi;
    }
    int s = start - shift;
    int limit = Math.max(from - shift, s - TOKEN_REACH);
    while (s > limit && !isTokenDelimiter(a[s - 1])) {
      s--;
    }
    int e = end - shift;
    int endLimit = Math.min(to - shift, e + TOKEN_REACH);
    while (e < endLimit && !isTokenDelimiter(a[e])) {
      e++;
    }
    tokenText = text;
    tokenStart = s + shift;
    tokenEnd = e + shift;
    tokenKinds = classify(a, s, e);
    return tokenKinds;
  }

  private static boolean isTokenDelimiter(char c) {
    switch (c) {
      case ' ',
          '\t',
          '\n',
          '\r',
          '\f',
          '(',
          ')',
          '[',
          ']',
          '{',
          '}',
          '<',
          '>',
          '"',
          '\'',
          '`',
          ',',
          ';',
          '|' -> {
        return true;
      }
      default -> {
        return Character.isWhitespace(c);
      }
    }
  }

  /** The {@link TokenKind} bits of the token text[s, e). */
  static int classify(CharSequence text, int s, int e) {
    char[] a = new char[e - s];
    for (int i = s; i < e; i++) {
      a[i - s] = text.charAt(i);
    }
    return classify(a, 0, a.length);
  }

  /** The {@link TokenKind} bits of the token a[s, e). */
  private static int classify(char[] text, int s, int e) {
    int kinds = 0;
    int slashes = 0;
    int backslashes = 0;
    for (int i = s; i < e; i++) {
      char c = text[i];
      if (c == '/') {
        slashes++;
        if (i + 2 < e && i > s && text[i - 1] == ':' && text[i + 1] == '/') {
          kinds |= URL_BIT;
        }
      } else if (c == '\\') {
        backslashes++;
      }
    }
    if (e - s > 4 && regionMatchesIgnoreCase(text, s, "www.")) {
      kinds |= URL_BIT;
    }
    if (slashes >= 2 || backslashes >= 2) {
      kinds |= PATH_BIT;
    }
    // trailing punctuation is not part of a module or file name
    int t = e;
    while (t > s && ".:!?".indexOf(text[t - 1]) >= 0) {
      t--;
    }
    if (isModulePath(text, s, t)) {
      kinds |= MODULE_BIT;
    }
    int dot = -1;
    for (int i = t - 1; i > s; i--) {
      char c = text[i];
      if (c == '.') {
        dot = i;
        break;
      }
      if (!Character.isLetterOrDigit(c)) {
        break;
      }
    }
    if (dot > s && isFileExtension(text, dot + 1, t)) {
      kinds |= FILE_BIT;
    }
    return kinds;
  }

  private static boolean isFileExtension(char[] text, int s, int e) {
    int length = e - s;
    for (String ext : FILE_EXTENSIONS) {
      if (ext.length() == length && regionMatchesIgnoreCase(text, s, ext)) {
        return true;
      }
    }
    return false;
  }

  /** Three or more identifiers joined by dots, e.g. {@code torch.distributed.elastic}. */
  private static boolean isModulePath(char[] text, int s, int e) {
    int parts = 0;
    int i = s;
    while (i < e) {
      char c = text[i];
      if (!(Character.isLetter(c) || c == '_')) {
        return false;
      }
      i++;
      while (i < e && (Character.isLetterOrDigit(text[i]) || text[i] == '_')) {
        i++;
      }
      parts++;
      if (i < e) {
        if (text[i] != '.') {
          return false;
        }
        i++;
        if (i == e) {
          return false;
        }
      }
    }
    return parts >= 3;
  }

  private static boolean regionMatchesIgnoreCase(char[] text, int at, String lower) {
    for (int k = 0; k < lower.length(); k++) {
      if (Character.toLowerCase(text[at + k]) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Forgets the token kept from the last issue (a new issue's text may be equal, not the same). */
  void reset() {
    tokenText = null;
  }
}
