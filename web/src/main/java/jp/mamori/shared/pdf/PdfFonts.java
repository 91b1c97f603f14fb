package jp.mamori.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * Noto Sans JP for every PDF Mamori writes, embedded as a subset with Identity-H encoding so Japanese prints
 * on any machine. The fonts are read once from the jar.
 */
public final class PdfFonts {

    private static BaseFont regular;
    private static BaseFont bold;

    private PdfFonts() {
    }

    public static Font regular(float size) {
        return new Font(regularBase(), size);
    }

    public static Font bold(float size) {
        return new Font(boldBase(), size);
    }

    private static synchronized BaseFont regularBase() {
        if (regular == null) {
            regular = load("NotoSansJP-Regular.ttf");
        }
        return regular;
    }

    private static synchronized BaseFont boldBase() {
        if (bold == null) {
            bold = load("NotoSansJP-Bold.ttf");
        }
        return bold;
    }

    private static BaseFont load(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/" + file + " is missing from the application");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file, e);
        }
    }
}
