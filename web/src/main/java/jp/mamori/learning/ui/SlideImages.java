package jp.mamori.learning.ui;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns a slide's image paths ({@code images/chart.png}) into data URIs from the deck's own files, so images need
 * no separate address (and no separate access check). Only raster types are embedded; anything else stays unresolved.
 */
final class SlideImages {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp");

    private SlideImages() {
    }

    /** @param file reads a file of the deck folder by relative path, or null when there is none */
    static UnaryOperator<String> from(Function<String, byte[]> file) {
        return path -> {
            String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
            byte[] bytes = type == null || path.contains("..") ? null : file.apply(path);
            if (bytes == null || bytes.length > MAX_BYTES) {
                return "";
            }
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
        };
    }
}
