package dev.refrain.bench.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads corpus files as text: strict UTF-8 (byte order mark dropped), else windows-1252. */
final class EvalFiles {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private EvalFiles() {}

  /** The file's text, unchanged apart from decoding (line breaks are kept as they are). */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, WINDOWS_1252);
    }
  }

  /** Throws {@link MissingDataException} with {@code message} unless every path exists. */
  static void require(String message, Path... paths) throws MissingDataException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new MissingDataException(message + " (missing: " + p.toAbsolutePath().normalize() + ")");
      }
    }
  }
}
