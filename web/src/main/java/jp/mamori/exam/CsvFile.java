package jp.mamori.exam;

/** A CSV export ready to download: its file name and its bytes (UTF-8 with a byte order mark). */
public record CsvFile(String fileName, byte[] content) {
}
