package jp.mamori.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A deck folder as one zip: how a published version is stored. Zipping is deterministic (sorted entries,
 * fixed times), so the same folder always gives the same bytes and hash. Unzipping refuses paths that
 * leave the target folder and archives that unpack too large.
 */
final class DeckArchive {

    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private DeckArchive() {
    }

    /** Zips files given as relative path → content. */
    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Unpacks into {@code target}; throws {@link IllegalArgumentException} naming the entry that is not acceptable. */
    static void unzip(byte[] archive, Path target) {
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || entry.getName().contains("..")) {
                    throw new IllegalArgumentException(entry.getName() + ": path leaves the deck folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                byte[] content = zip.readNBytes((int) Math.min(MAX_UNPACKED_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += content.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw new IllegalArgumentException(entry.getName() + ": the deck unpacks to more than 50 MB");
                }
                Files.write(file, content);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable zip file: " + e.getMessage(), e);
        }
    }

}
