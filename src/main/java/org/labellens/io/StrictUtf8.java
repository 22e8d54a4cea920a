package org.labellens.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Text readers that refuse invalid UTF-8 instead of replacing it silently. Unlike the JDK's stream
 * decoder, every valid character before a bad byte is delivered first, so the caller knows the line
 * the bad byte is on.
 */
final class StrictUtf8 {
  private StrictUtf8() {}

  static BufferedReader reader(InputStream in) {
    return new BufferedReader(new Utf8Reader(in), 1 << 16);
  }

  private static final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private boolean flushed;
    private CoderResult pendingError;

    Utf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pendingError != null) {
        throw new MalformedInputException(pendingError.length());
      }
      if (flushed) {
        return -1; // the end was reached and reported before: a decoder cannot run again
      }
      CharBuffer out = CharBuffer.wrap(buf, off, len);
      while (true) {
        CoderResult r = decoder.decode(bytes, out, eof);
        if (r.isError()) {
          if (out.position() > off) {
            pendingError = r;
            return out.position() - off;
          }
          throw new MalformedInputException(r.length());
        }
        if (out.position() > off && (r.isOverflow() || !bytes.hasRemaining() || eof)) {
          return out.position() - off;
        }
        if (eof) {
          CoderResult f = decoder.flush(out);
          if (f.isError()) {
            throw new MalformedInputException(f.length());
          }
          flushed = true;
          return out.position() > off ? out.position() - off : -1;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
