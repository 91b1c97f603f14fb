package jp.mamori.questionbank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An IMS content package as its files (path inside the package → bytes), read from a zip or from an unpacked folder,
 * and written as a zip. Reading is bounded (entries and unpacked size), so a small zip cannot unpack into gigabytes.
 */
public final class ContentPackage {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_UNPACKED_BYTES = 100L * 1024 * 1024;

    private ContentPackage() {
    }

    /** The files of a zip; empty with a problem naming {@code name} when it is not a zip or too large. */
    public static Optional<Map<String, byte[]>> unzip(String name, byte[] zip, List<Problem> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_ENTRIES) {
                    problems.add(new Problem(name, 0, "the zip has more than " + MAX_ENTRIES + " files"));
                    return Optional.empty();
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_UNPACKED_BYTES) {
                    problems.add(new Problem(name, 0, "the zip unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024 + " MB"));
                    return Optional.empty();
                }
                files.put(normalise(entry.getName()), bytes);
            }
        } catch (ZipException | IllegalArgumentException e) {
            problems.add(new Problem(name, 0, "not a readable zip file: " + e.getMessage()));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            problems.add(new Problem(name, 0, "not a zip file, or an empty one"));
            return Optional.empty();
        }
        return Optional.of(files);
    }

    /** The files of a package given as a zip file or as an unpacked folder. */
    public static Optional<Map<String, byte[]>> read(Path zipOrFolder, List<Problem> problems) throws IOException {
        String name = zipOrFolder.getFileName().toString();
        if (!Files.isDirectory(zipOrFolder)) {
            return unzip(name, Files.readAllBytes(zipOrFolder), problems);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(zipOrFolder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(zipOrFolder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return Optional.of(files);
    }

    /** A zip of the given text files (UTF-8), in the order given. */
    public static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Paths inside a package use forward slashes and no leading {@code ./}. */
    static String normalise(String path) {
        String name = path.replace('\\', '/');
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name;
    }
}
