package jp.mamori.identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an uploaded CSV file into text: a UTF-8 byte-order mark or valid UTF-8 means UTF-8; anything
 * else is read as Windows-31J (the Shift_JIS that Japanese HR systems and Excel write), strictly, so a broken file
 * is named by line instead of being read with replacement characters.
 */
final class CsvText {

    static final String UTF_8 = "UTF-8";
    static final String UTF_8_BOM = "UTF-8 (BOM)";
    static final String SHIFT_JIS = "Shift_JIS (Windows-31J)";

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvText() {
    }

    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] bytes) throws CsvInputException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            int malformed = firstMalformed(bytes, 3, StandardCharsets.UTF_8);
            if (malformed >= 0) {
                throw brokenAt(bytes, malformed);
            }
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), UTF_8_BOM);
        }
        if (firstMalformed(bytes, 0, StandardCharsets.UTF_8) < 0) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), UTF_8);
        }
        int malformed = firstMalformed(bytes, 0, WINDOWS_31J);
        if (malformed >= 0) {
            throw brokenAt(bytes, malformed);
        }
        return new Decoded(new String(bytes, WINDOWS_31J), SHIFT_JIS);
    }

    /** The offset of the first byte that does not decode in this charset, or -1 when all of it does. */
    private static int firstMalformed(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length - offset + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }

    /** Neither UTF-8 nor Shift_JIS uses the byte 0x0A inside a character, so counting it gives the line. */
    private static CsvInputException brokenAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new CsvInputException(line, "import.error.encoding");
    }
}
